import type { Catalogue } from './vi';

/** English: the same keys as vi.ts (the type makes a missing key a build error). */
export const en: Catalogue = {
  app: { title: 'Emulation & Commendation', tasks: 'My tasks', board: 'Board', newDossier: 'New dossier', signOut: 'Sign out', language: 'Language' },
  signIn: { title: 'Sign in', subtitle: 'Demo environment: pick a demo user (no password).', username: 'Username', pick: 'Pick a demo user', submit: 'Sign in', failed: 'Sign-in failed' },
  tasks: { title: 'My tasks', empty: 'Nothing to do', overdue: 'Overdue', due: 'Due', kind: 'Task', dossier: 'Dossier', status: 'Status', unit: 'Unit', today: 'Today', all: 'All' },
  deadline: { daysLeft: '{{count}} working days left', overdueBy: 'overdue', today: 'due today' },
  dossier: {
    notVisible: 'The dossier does not exist or you may not see it.',
    nominee: 'Nominee', award: 'Award', status: 'Status', stage: 'Stage', heldBy: 'Held by', unit: 'Proposing unit', deadline: 'Deadline', decision: 'Decision',
    reason: 'Reason', ruleSet: 'Rule set', parts: 'Dossier parts', noParts: 'No dossier parts yet', eligibility: 'Eligibility assessment',
    noEligibility: 'Not assessed yet (the dossier is not submitted)', criterion: 'Criterion', rule: 'Rule', legalBasis: 'Legal basis', passed: 'Met', failed: 'Not met',
    warning: 'Warning', timeline: 'Timeline', actions: 'Actions', noActions: 'You have no action on the dossier in this state.', willBeRefused: 'Would be refused',
    done: 'Done', confirm: 'Confirm', cancel: 'Cancel', by: 'by', votes: 'Votes cast', edit: 'Edit dossier',
  },
  command: {
    UpdateDossierContent: 'Edit content', SubmitDossier: 'Submit', ProvideSupplement: 'Provide supplement', ApproveAtUnit: 'Approve at unit',
    OpenUnitCouncilVoting: 'Put to the unit council', AcceptAppraisal: 'Accept appraisal', RequestSupplement: 'Request supplement', OpenPublicPosting: 'Open public posting',
    RecordObjection: 'Record objection', RecordObjectionReview: 'Record objection review', CastVote: 'Vote', DecideDossier: 'Decide', SignProposal: 'Sign proposal',
    RecordHiepY: 'Record concurrence', CentralAppraise: 'Central appraisal', ProvideCentralSupplement: 'Provide central supplement', RecordStandingReview: 'Standing review',
    ProposeToPresident: 'Propose to the President', WithdrawDossier: 'Withdraw', ReturnDossier: 'Return', RevokeAward: 'Revoke award', RecordRecovery: 'Record recovery',
  },
  form: {
    reason: 'Reason', note: 'Note', approve: 'Opinion', agree: 'Approve', disagree: 'Reject', legalBasis: 'Legal basis (one per line)', missingParts: 'Missing parts',
    source: 'Source', text: 'Text', outcome: 'Outcome', upheld: 'Objection upheld', body: 'Body (JSON)', required: 'Required', send: 'Send',
  },
  draft: {
    createTitle: 'New commendation dossier', editTitle: 'Edit dossier', award: 'Award', title: 'Dossier title', nomineeKind: 'Nominee kind', INDIVIDUAL: 'Individual',
    COLLECTIVE: 'Collective', HOUSEHOLD: 'Household', fullName: 'Full name / collective name', position: 'Position', citizenId: 'Citizen ID', birthDate: 'Date of birth',
    achievements: 'Achievements', record: 'Emulation and award record', evaluationYear: 'Evaluation year', ratings: 'Yearly ratings', year: 'Year', rating: 'Rating',
    awards: 'Awards received', decisionDate: 'Decision date', parts: 'Dossier parts', partRef: 'Document reference', copy: 'Copy', confirmed: 'Confirmed by the submitting level',
    add: 'Add', save: 'Save dossier', saved: 'Dossier saved',
  },
  board: { title: 'Dossier board', total: 'Total', csv: 'Download CSV', overdueOnly: 'Overdue only', filterStatus: 'Status', filterAward: 'Award', filterHeldBy: 'Held by', updated: 'Updated' },
  error: { generic: 'Something went wrong', refused: 'Refused', fields: 'Please check the highlighted fields' },
  status: {
    NEW: 'New', DRAFT: 'Draft', UNIT_REVIEW: 'Unit review', APPRAISAL: 'Appraisal', SUPPLEMENT_REQUESTED: 'Supplement requested', PUBLIC_POSTING: 'Public posting',
    COMPLAINT_REVIEW: 'Objection review', READY_FOR_COUNCIL: 'Ready for council', COUNCIL_VOTING: 'Council voting', AWAITING_DECISION: 'Awaiting decision',
    FORWARDED_TO_CENTRE: 'Forwarded to the centre', MOHA_APPRAISAL: 'MoHA appraisal', CENTRAL_SUPPLEMENT_REQUESTED: 'Central supplement requested',
    MOHA_PUBLIC_CONSULTATION: 'MoHA consultation', CENTRAL_COUNCIL_STANDING_REVIEW: 'Central Council standing review', SUBMITTED_TO_PM: 'Submitted to the Prime Minister',
    SUBMITTED_TO_PRESIDENT: 'Submitted to the President', AWARDED: 'Awarded', REJECTED: 'Rejected', RETURNED: 'Returned', WITHDRAWN: 'Withdrawn', REVOKED: 'Revoked',
    RECOVERY_PENDING: 'Recovery pending', CLOSED: 'Closed',
  },
  stage: { UNIT: 'Unit', APPRAISAL: 'Appraisal', COUNCIL: 'Council', DECISION: 'Decision', REVOCATION: 'Revocation', CLOSED: 'Closed' },
  role: {
    UNIT_CLERK: 'Unit clerk', UNIT_HEAD: 'Unit head', SECRETARIAT_OFFICER: 'Secretariat officer', SECRETARIAT_HEAD: 'Secretariat head', COUNCIL: 'Council',
    COUNCIL_MEMBER: 'Council member', COUNCIL_CHAIR: 'Council chair', PROVINCIAL_DECIDER: 'Provincial chairman', CENTRAL_APPRAISER: 'Central appraiser',
    CENTRAL_DECIDER: 'Central decider', AUDITOR: 'Auditor', ADMINISTRATOR: 'Administrator', SYSTEM: 'System',
  },
  taskKind: {
    SUBMIT: 'Submit', REVIEW: 'Review', APPRAISE: 'Appraise', ANSWER_SUPPLEMENT: 'Supplement', VOTE: 'Vote', DECIDE: 'Decide', HANDLE_OVERDUE: 'Overdue',
    RECOVER: 'Recover', REVIEW_OBJECTIONS: 'Review objections', PUT_TO_COUNCIL: 'Put to council',
  },
  part: {
    TO_TRINH: 'Proposal letter (tờ trình)', BAO_CAO_THANH_TICH: 'Achievement report', BIEN_BAN: 'Council minutes', KET_QUA_BO_PHIEU_KIN: 'Secret ballot result',
    ELECTRONIC_FILES: 'Electronic files', EVIDENCE: 'Evidence', OBLIGATIONS_CONFIRMATION: 'Obligations confirmation',
  },
  copyKind: { ORIGINAL: 'Original', CERTIFIED_COPY: 'Certified copy', PLAIN_COPY: 'Plain copy' },
  event: {
    DossierCreated: 'Created', DossierContentUpdated: 'Content edited', DossierSubmitted: 'Submitted', UnitApproved: 'Approved at unit', DossierReturned: 'Returned',
    AppraisalClockStarted: 'Appraisal clock started', AppraisalAccepted: 'Appraisal accepted', CouncilVotingOpened: 'Council voting opened',
    ScheduledForCouncil: 'Scheduled for council session', VoteCast: 'Vote cast', CouncilVotingClosed: 'Council voting closed', DossierAwarded: 'Awarded',
    DossierRejected: 'Rejected', DossierWithdrawn: 'Withdrawn', SupplementRequested: 'Supplement requested', SupplementProvided: 'Supplement provided',
    AppraisalClockPaused: 'Appraisal clock paused', AppraisalClockResumed: 'Appraisal clock resumed', AppraisalDeadlineReminded: 'Appraisal reminder',
    AppraisalOverdue: 'Appraisal overdue', PublicPostingOpened: 'Public posting opened', PublicPostingClosed: 'Public posting closed', ObjectionRecorded: 'Objection recorded',
    ObjectionReviewRecorded: 'Objection reviewed', ProposalSigned: 'Proposal signed', CentralStageOpened: 'Sent to the centre', AwardRevoked: 'Award revoked',
    RecoveryTasksOpened: 'Recovery opened', RecoveryRecorded: 'Recovery recorded',
  },
};
