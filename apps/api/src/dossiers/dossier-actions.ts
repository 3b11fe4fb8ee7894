import { Injectable } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  decide,
  type Actor,
  type ActorRole,
  type DossierCommand,
  type DossierState,
  type Rejection,
  type RejectionCode,
} from '@tdkt/domain';
import { DossierCommandsService } from './dossier-commands.service';

/**
 * One command endpoint of a dossier as the action list names it: the domain command, the HTTP call, the roles its
 * controller admits, and a placeholder of its body — which is also the probe given to decide().
 */
interface ActionEndpoint {
  command: DossierCommand['type'];
  method: 'POST' | 'PUT';
  path: string;
  roles: readonly ActorRole[];
  /** The body's OpenAPI schema (components.schemas). */
  bodySchema: string;
  needsBody: boolean;
  placeholder: (state: DossierState) => Record<string, unknown>;
}

const SECRETARIAT: ActorRole[] = ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'];
const REASON = '<lý do>';

/** Every command endpoint under /api/dossiers/:id, in the order a person meets them along the routes. */
const ENDPOINTS: readonly ActionEndpoint[] = [
  {
    command: 'UpdateDossierContent',
    method: 'PUT',
    path: 'content',
    roles: ['UNIT_CLERK'],
    bodySchema: 'UpdateContentDto',
    needsBody: true,
    placeholder: () => ({ title: '<tiêu đề>' }),
  },
  {
    command: 'SubmitDossier',
    method: 'POST',
    path: 'submit',
    roles: ['UNIT_CLERK'],
    bodySchema: 'EmptyDto',
    needsBody: false,
    placeholder: () => ({}),
  },
  {
    command: 'ProvideSupplement',
    method: 'POST',
    path: 'supplement',
    roles: ['UNIT_CLERK'],
    bodySchema: 'SupplementDto',
    needsBody: false,
    placeholder: () => ({}),
  },
  {
    command: 'ApproveAtUnit',
    method: 'POST',
    path: 'unit-approval',
    roles: ['UNIT_HEAD'],
    bodySchema: 'NoteDto',
    needsBody: false,
    placeholder: () => ({}),
  },
  {
    command: 'OpenUnitCouncilVoting',
    method: 'POST',
    path: 'unit-council',
    roles: ['UNIT_HEAD'],
    bodySchema: 'EmptyDto',
    needsBody: false,
    placeholder: () => ({}),
  },
  {
    command: 'DecideDossier',
    method: 'POST',
    path: 'unit-decision',
    roles: ['UNIT_HEAD'],
    bodySchema: 'DecisionDto',
    needsBody: true,
    placeholder: () => ({ approve: false, reason: REASON }),
  },
  {
    command: 'AcceptAppraisal',
    method: 'POST',
    path: 'appraisal-acceptance',
    roles: SECRETARIAT,
    bodySchema: 'NoteDto',
    needsBody: false,
    placeholder: () => ({}),
  },
  {
    command: 'RequestSupplement',
    method: 'POST',
    path: 'supplement-request',
    roles: SECRETARIAT,
    bodySchema: 'SupplementRequestDto',
    needsBody: true,
    placeholder: () => ({ missingParts: ['<phần hồ sơ>'], reason: REASON }),
  },
  {
    command: 'OpenPublicPosting',
    method: 'POST',
    path: 'public-posting',
    roles: SECRETARIAT,
    bodySchema: 'NoteDto',
    needsBody: false,
    placeholder: () => ({}),
  },
  {
    command: 'RecordObjection',
    method: 'POST',
    path: 'objections',
    roles: SECRETARIAT,
    bodySchema: 'ObjectionDto',
    needsBody: true,
    placeholder: () => ({ source: '<nguồn>', text: '<nội dung>' }),
  },
  {
    command: 'RecordObjectionReview',
    method: 'POST',
    path: 'objection-review',
    roles: SECRETARIAT,
    bodySchema: 'ObjectionReviewDto',
    needsBody: true,
    placeholder: () => ({ outcome: '<kết quả xem xét>', upheld: false }),
  },
  {
    command: 'CastVote',
    method: 'POST',
    path: 'votes',
    roles: ['COUNCIL_MEMBER', 'COUNCIL_CHAIR'],
    bodySchema: 'VoteDto',
    needsBody: true,
    placeholder: () => ({ approve: true }),
  },
  {
    command: 'DecideDossier',
    method: 'POST',
    path: 'decision',
    roles: ['PROVINCIAL_DECIDER'],
    bodySchema: 'DecisionDto',
    needsBody: true,
    placeholder: () => ({ approve: false, reason: REASON }),
  },
  {
    command: 'SignProposal',
    method: 'POST',
    path: 'proposal',
    roles: ['PROVINCIAL_DECIDER'],
    bodySchema: 'ProposalDto',
    needsBody: true,
    placeholder: () => ({ approve: false, reason: REASON }),
  },
  {
    command: 'RecordHiepY',
    method: 'POST',
    path: 'central/hiep-y',
    roles: ['CENTRAL_APPRAISER'],
    bodySchema: 'HiepYDto',
    needsBody: true,
    placeholder: () => ({ agency: '<cơ quan>', agrees: true, opinion: '<ý kiến>' }),
  },
  {
    command: 'CentralAppraise',
    method: 'POST',
    path: 'central/appraisal',
    roles: ['CENTRAL_APPRAISER'],
    bodySchema: 'CentralAppraisalDto',
    needsBody: true,
    placeholder: () => ({ outcome: 'REJECT', reason: REASON }),
  },
  {
    command: 'ProvideCentralSupplement',
    method: 'POST',
    path: 'central/supplement',
    roles: SECRETARIAT,
    bodySchema: 'SupplementDto',
    needsBody: false,
    placeholder: () => ({}),
  },
  {
    command: 'RecordStandingReview',
    method: 'POST',
    path: 'central/standing-review',
    roles: ['CENTRAL_DECIDER'],
    bodySchema: 'StandingReviewDto',
    needsBody: true,
    placeholder: () => ({ members: 1, present: 1, approvals: 1 }),
  },
  {
    command: 'ProposeToPresident',
    method: 'POST',
    path: 'central/presidential-proposal',
    roles: ['CENTRAL_DECIDER'],
    bodySchema: 'NoteDto',
    needsBody: false,
    placeholder: () => ({}),
  },
  {
    command: 'DecideDossier',
    method: 'POST',
    path: 'central/decision',
    roles: ['CENTRAL_DECIDER'],
    bodySchema: 'CentralDecisionDto',
    needsBody: true,
    placeholder: (s) => ({
      approve: false,
      reason: REASON,
      decidedBy: s.status === 'SUBMITTED_TO_PRESIDENT' ? 'PRESIDENT' : 'PRIME_MINISTER',
    }),
  },
  {
    command: 'WithdrawDossier',
    method: 'POST',
    path: 'withdrawal',
    roles: ['UNIT_CLERK', 'UNIT_HEAD'],
    bodySchema: 'ReasonDto',
    needsBody: true,
    placeholder: () => ({ reason: REASON }),
  },
  {
    command: 'ReturnDossier',
    method: 'POST',
    path: 'return',
    roles: ['UNIT_HEAD', ...SECRETARIAT],
    bodySchema: 'ReasonDto',
    needsBody: true,
    placeholder: () => ({ reason: REASON }),
  },
  {
    command: 'RevokeAward',
    method: 'POST',
    path: 'revocation',
    roles: ['SECRETARIAT_HEAD', 'PROVINCIAL_DECIDER', 'UNIT_HEAD'],
    bodySchema: 'RevocationDto',
    needsBody: true,
    placeholder: () => ({ ground: 'FRAUDULENT_DECLARATION', reason: REASON, decisionRef: '<số quyết định hủy>' }),
  },
  {
    command: 'RecordRecovery',
    method: 'POST',
    path: 'recovery',
    roles: ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD', 'UNIT_HEAD', 'UNIT_CLERK'],
    bodySchema: 'RecoveryDto',
    needsBody: true,
    placeholder: () => ({ item: 'AWARD_OBJECT' }),
  },
];

/**
 * Refusals that depend on who asks, where the dossier stands or which route its award travels: the action is not
 * offered. The others depend on the data (the body, the dossier's content) and are shown with the action.
 */
const NOT_OFFERED: readonly RejectionCode[] = ['WRONG_STATE', 'FORBIDDEN'];
const notOffered = (r: Rejection) => NOT_OFFERED.includes(r.code) || r.rule.startsWith('route.');

export class ExpectedRefusalDto {
  @ApiProperty({ example: 'dossier.parts-complete' }) rule!: string;
  @ApiProperty({ enum: ['RULE_VIOLATION', 'INVALID'] }) code!: string;
  @ApiProperty() message!: string;
}

export class DossierActionDto {
  @ApiProperty({ description: 'The domain command the call issues', example: 'SubmitDossier' }) command!: string;
  @ApiProperty({ enum: ['POST', 'PUT'] }) method!: string;
  @ApiProperty({ description: 'The path to call', example: '/api/dossiers/8d1f…/submit' }) path!: string;
  @ApiProperty({ description: 'Whether the call needs a body (otherwise {} or an optional note)' }) needsBody!: boolean;
  @ApiProperty({ description: 'The OpenAPI schema of the body', example: 'ReasonDto' }) bodySchema!: string;
  @ApiProperty({
    description: 'A body with placeholders for the command data, e.g. {"reason":"<lý do>"}',
    type: 'object',
    additionalProperties: true,
  })
  placeholder!: Record<string, unknown>;
  @ApiPropertyOptional({
    type: ExpectedRefusalDto,
    description:
      'The call would be refused by this rule with the dossier as it stands (e.g. incomplete parts): offered so the person sees why and fixes it',
  })
  expectedRefusal?: ExpectedRefusalDto;
}

export class DossierActionsDto {
  @ApiProperty() dossierId!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: [DossierActionDto] }) actions!: DossierActionDto[];
}

/** The commands an actor may take now on a dossier in this state: each endpoint's placeholder probed through decide(). */
export function actionsFor(
  state: DossierState,
  actor: Actor,
  now: number,
  enrich: (c: DossierCommand) => DossierCommand = (c) => c,
): DossierActionDto[] {
  const actions: DossierActionDto[] = [];
  for (const e of ENDPOINTS) {
    if (!e.roles.includes(actor.role)) continue;
    const placeholder = e.placeholder(state);
    const probe = enrich({ type: e.command, data: placeholder } as DossierCommand);
    const decision = decide(state, probe, { actor, now });
    if (!decision.ok && notOffered(decision.rejection)) continue;
    actions.push({
      command: e.command,
      method: e.method,
      path: `/api/dossiers/${state.dossierId}/${e.path}`,
      needsBody: e.needsBody,
      bodySchema: e.bodySchema,
      placeholder,
      ...(decision.ok
        ? {}
        : {
            expectedRefusal: {
              rule: decision.rejection.rule,
              code: decision.rejection.code,
              message: decision.rejection.message,
            },
          }),
    });
  }
  return actions;
}

/**
 * The actions a person may take now, from the dossier's state rebuilt from its event stream (`stateOf`).
 */
@Injectable()
export class DossierActionsService {
  constructor(private readonly commands: DossierCommandsService) {}

  async actions(actor: Actor, dossierId: string): Promise<DossierActionsDto> {
    const view = await this.commands.visible(actor, dossierId);
    const state = await this.commands.stateOf(dossierId);
    // What the API adds to a command before sending it (council members, recorded awards, the province's rule set).
    const enriched = new Map<string, DossierCommand>();
    for (const type of ['SubmitDossier', 'AcceptAppraisal', 'OpenUnitCouncilVoting'] as const) {
      if (ENDPOINTS.some((e) => e.command === type && e.roles.includes(actor.role)))
        enriched.set(
          type,
          await this.commands.enrich(
            { type, data: type === 'SubmitDossier' ? {} : { councilMembers: [] } } as DossierCommand,
            view,
          ),
        );
    }
    return {
      dossierId,
      status: state.status,
      actions: actionsFor(state, actor, Date.now(), (c) => enriched.get(c.type) ?? c),
    };
  }
}
