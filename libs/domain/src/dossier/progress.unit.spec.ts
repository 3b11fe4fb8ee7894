import {
  commandTargetOf,
  INBOX,
  progressOf,
  progressTable,
  revocationReaches,
  type Holder,
  type TaskKind,
} from './progress';
import { DOSSIER_STATUSES, FINAL_STATUSES } from './types';

const takers = (holder: Holder, task: TaskKind) =>
  Object.entries(INBOX)
    .filter(([, inbox]) => inbox.holders.includes(holder) && inbox.tasks.includes(task))
    .map(([role]) => role);

describe('the progress table', () => {
  it('gives every open status a holder, and a final one none', () => {
    for (const { status, progress } of progressTable()) {
      if (status === 'NEW') continue;
      if ([...FINAL_STATUSES, 'CLOSED'].includes(status))
        expect({ status, holder: progress.holder, task: progress.task, stage: progress.stage }).toEqual({
          status,
          holder: null,
          task: null,
          stage: 'CLOSED',
        });
      else expect({ status, holder: progress.holder }).toEqual({ status, holder: expect.any(String) });
    }
  });

  it('puts every task it names in the inbox of some role (a new step without a taker fails here)', () => {
    const orphans = progressTable()
      .filter(
        ({ progress }) =>
          progress.task !== null && progress.holder !== null && takers(progress.holder, progress.task).length === 0,
      )
      .map(
        ({ status, route, overdue, progress }) => `${status}/${route}/${overdue}: ${progress.holder} ${progress.task}`,
      );
    expect(orphans).toEqual([]);
  });

  it('names in the inbox table only (holder, task) pairs the progress table can produce', () => {
    const produced = new Set(progressTable().map(({ progress }) => `${progress.holder}:${progress.task}`));
    for (const [role, inbox] of Object.entries(INBOX)) {
      const reachable = inbox.holders
        .flatMap((h) => inbox.tasks.map((t) => `${h}:${t}`))
        .filter((pair) => produced.has(pair));
      expect({ role, reachable: reachable.length > 0 }).toEqual({ role, reachable: true });
      for (const task of inbox.tasks)
        expect({ role, task, produced: inbox.holders.some((h) => produced.has(`${h}:${task}`)) }).toEqual({
          role,
          task,
          produced: true,
        });
    }
  });

  it('hands an overdue appraisal to the secretariat head, and a grassroots decision and recovery to the unit', () => {
    expect(progressOf('APPRAISAL', 'PROVINCIAL', false)).toEqual({
      stage: 'APPRAISAL',
      holder: 'SECRETARIAT_OFFICER',
      task: 'APPRAISE',
    });
    expect(progressOf('APPRAISAL', 'PROVINCIAL', true)).toEqual({
      stage: 'APPRAISAL',
      holder: 'SECRETARIAT_HEAD',
      task: 'HANDLE_OVERDUE',
    });
    expect(progressOf('AWAITING_DECISION', 'GRASSROOTS')).toEqual({
      stage: 'DECISION',
      holder: 'UNIT_HEAD',
      task: 'DECIDE',
    });
    expect(progressOf('AWAITING_DECISION', 'STATE')).toEqual({
      stage: 'DECISION',
      holder: 'PROVINCIAL_DECIDER',
      task: 'DECIDE',
    });
    expect(progressOf('RECOVERY_PENDING', 'GRASSROOTS').holder).toBe('UNIT_CLERK');
    expect(progressOf('RECOVERY_PENDING', 'PROVINCIAL').holder).toBe('SECRETARIAT_OFFICER');
    // Waiting on a clock or on another body: held, but nothing to do.
    expect(progressOf('PUBLIC_POSTING').task).toBeNull();
    expect(progressOf('MOHA_PUBLIC_CONSULTATION').task).toBeNull();
    expect(progressOf('REVOKED').task).toBeNull();
  });

  it('lets the secretariat head take the officers’ work except the recovery of revoked awards', () => {
    expect(takers('SECRETARIAT_OFFICER', 'APPRAISE').sort()).toEqual(['SECRETARIAT_HEAD', 'SECRETARIAT_OFFICER']);
    expect(takers('SECRETARIAT_HEAD', 'HANDLE_OVERDUE')).toEqual(['SECRETARIAT_HEAD']);
    expect(takers('SECRETARIAT_OFFICER', 'RECOVER')).toEqual(['SECRETARIAT_OFFICER']);
    expect(takers('UNIT_CLERK', 'RECOVER')).toEqual(['UNIT_CLERK']);
  });
});

describe('which workflow takes a command', () => {
  it('sends the central stage to its own workflow, awards to revocation, and nothing after the end', () => {
    const by = (target: string | null) => DOSSIER_STATUSES.filter((s) => commandTargetOf(s) === target);
    expect(by('CENTRAL')).toEqual([
      'MOHA_APPRAISAL',
      'CENTRAL_SUPPLEMENT_REQUESTED',
      'MOHA_PUBLIC_CONSULTATION',
      'CENTRAL_COUNCIL_STANDING_REVIEW',
      'SUBMITTED_TO_PM',
      'SUBMITTED_TO_PRESIDENT',
    ]);
    expect(by('REVOCATION')).toEqual(['AWARDED', 'REVOKED', 'RECOVERY_PENDING']);
    expect(by(null)).toEqual(['REJECTED', 'WITHDRAWN', 'CLOSED']);
    // The central stage's stages belong to the board's decision stage.
    for (const s of by('CENTRAL')) expect(progressOf(s).stage).toBe('DECISION');
  });

  it('lets a recovery be recorded only once the award is revoked', () => {
    expect(DOSSIER_STATUSES.filter((s) => revocationReaches('RevokeAward', s))).toEqual([
      'AWARDED',
      'REVOKED',
      'RECOVERY_PENDING',
    ]);
    expect(DOSSIER_STATUSES.filter((s) => revocationReaches('RecordRecovery', s))).toEqual([
      'REVOKED',
      'RECOVERY_PENDING',
    ]);
  });
});
