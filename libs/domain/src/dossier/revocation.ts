/**
 * Revocation of an award (hủy bỏ quyết định khen thưởng, law page rule 34, Law Ch. VII): only from AWARDED, on one of
 * the Chapter VII grounds, with a written reason; it opens recovery tasks for the award objects (hiện vật) and the
 * bonus money (tiền thưởng, rule 35), and the dossier closes once both are recorded as recovered.
 */
import { findAward, type Route } from '../award/catalog';
import { bonusFor } from '../award/bonus';
import { shippedRuleSetOf, vietnamDate, ruleSetOf } from '../rule-set/select';
import type { ActorRole } from '../shared/actor';
import { accept, refuse, reject, type Decision } from '../shared/errors';
import type { DossierEvent } from './events';
import { inState, wrongState } from './refusals';
import { routeOf } from './route';
import type { CommandContext, DossierState } from './types';
import {
  isRevocationGround,
  REVOCATION_GROUND_INFO,
  REVOCATION_LEGAL_BASIS,
  REVOCATION_GROUNDS,
} from './revocation-model';

export * from './revocation-model';

/**
 * Who revokes an award and who records its recovery, by route. Chương VII applies to every form: a state-level award
 * is annulled by the authority that decided it (the Prime Minister or the President); the province that proposed it
 * records that annulment decision and recovers the award objects and the bonus.
 */
export const REVOCATION_ROLES: Readonly<
  Record<Route, { revoke: readonly ActorRole[]; recover: readonly ActorRole[] }>
> = {
  GRASSROOTS: { revoke: ['UNIT_HEAD'], recover: ['UNIT_HEAD', 'UNIT_CLERK'] },
  PROVINCIAL: {
    revoke: ['SECRETARIAT_HEAD', 'PROVINCIAL_DECIDER'],
    recover: ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'],
  },
  STATE: { revoke: ['SECRETARIAT_HEAD', 'PROVINCIAL_DECIDER'], recover: ['SECRETARIAT_OFFICER', 'SECRETARIAT_HEAD'] },
};

const MIN_REASON = 10;

function notAllowed(
  state: DossierState,
  role: ActorRole,
  what: 'revoke' | 'recover',
): Decision<DossierEvent[]> | undefined {
  const route = routeOf(state.awardCode);
  const roles = route ? REVOCATION_ROLES[route][what] : [];
  if (roles.includes(role)) return undefined;
  const action = what === 'revoke' ? 'revoke' : 'record the recovery of';
  return refuse(
    reject(
      'FORBIDDEN',
      `revocation.${what}-role`,
      `${role} may not ${action} a ${route?.toLowerCase() ?? 'unknown'} award; allowed: ${roles.join(', ') || 'nobody yet'}`,
    ),
  );
}

export function decideRevokeAward(
  state: DossierState,
  data: { ground: string; reason: string; decisionRef: string },
  { actor, now }: CommandContext,
): Decision<DossierEvent[]> {
  if (!inState(state, 'AWARDED') || !state.decision) return wrongState(state, 'RevokeAward', ['AWARDED']);
  const forbidden = notAllowed(state, actor.role, 'revoke');
  if (forbidden) return forbidden;
  if (!isRevocationGround(data.ground))
    return refuse(
      reject(
        'INVALID',
        'revocation.ground',
        `The ground must be one of Law Ch. VII: ${REVOCATION_GROUNDS.join(', ')}`,
        { grounds: REVOCATION_GROUNDS },
      ),
    );
  if (data.reason.trim().length < MIN_REASON)
    return refuse(
      reject(
        'INVALID',
        'revocation.reason-required',
        `A revocation needs a written reason (at least ${MIN_REASON} characters)`,
      ),
    );
  if (!data.decisionRef.trim())
    return refuse(
      reject('INVALID', 'revocation.decision-ref', 'A revocation cites the decision that revokes the award'),
    );
  const ruleSet = ruleSetOf(state);
  const award = findAward(state.awardCode);
  if (!ruleSet || !award)
    return refuse(reject('RULE_VIOLATION', 'rule-set.bound', 'The dossier is not bound to a known rule set and award'));
  const number = state.decision.number;
  // A state-level award: the province records the annulment decided by the authority that awarded it ("…/QĐ-TTg",
  // "…/QĐ-CTN"), never a decision of its own.
  const annulledBy = award.route === 'STATE' ? award.decider : undefined;
  if (annulledBy) {
    const series = `QĐ-${ruleSet.issuerCode[annulledBy]}`;
    if (!data.decisionRef.toUpperCase().includes(series.toUpperCase()))
      return refuse(
        reject(
          'RULE_VIOLATION',
          'revocation.competent-authority',
          `${award.nameVi} is annulled by the ${annulledBy === 'PRESIDENT' ? 'President' : 'Prime Minister'}: cite that decision (…/${series}); the province records it and the recovery`,
        ),
      );
  }
  // Rule 35: the base salary in force on the date the revoked decision was signed, not today's.
  const bonus = bonusFor(ruleSet.bonus, award.code, state.nominee?.kind ?? 'INDIVIDUAL', state.decision.signedOn);
  const today = vietnamDate(now);
  return accept([
    {
      type: 'AwardRevoked',
      data: {
        ground: data.ground,
        clause: REVOCATION_GROUND_INFO[data.ground].clause,
        legalBasis: `${shippedRuleSetOf(ruleSet).revocationLegalBasis ?? REVOCATION_LEGAL_BASIS}, ground (${REVOCATION_GROUND_INFO[data.ground].clause})`,
        reason: data.reason.trim(),
        decisionRef: data.decisionRef.trim(),
        revokedDecisionNumber: number,
        revokedOn: today,
        ...(annulledBy ? { annulledBy } : {}),
      },
    },
    {
      type: 'RecoveryTasksOpened',
      data: {
        tasks: [
          {
            item: 'AWARD_OBJECT',
            description: `Thu hồi hiện vật khen thưởng ${award.nameVi} theo Quyết định số ${number} (recover the award objects)`,
          },
          {
            item: 'BONUS',
            description:
              bonus.amountVnd === null
                ? `Thu hồi số tiền thưởng đã chi theo Quyết định số ${number} (recover the bonus actually paid)`
                : `Thu hồi tiền thưởng ${bonus.amountVnd} đồng theo Quyết định số ${number} (recover the bonus money)`,
            amountVnd: bonus.amountVnd,
            multiplier: bonus.multiplier,
            baseSalaryVnd: bonus.baseSalaryVnd,
            basis: bonus.basis,
          },
        ],
      },
    },
  ]);
}

export function decideRecordRecovery(
  state: DossierState,
  data: { item: string; note?: string; amountVnd?: number; paidVnd?: number },
  { actor, now }: CommandContext,
): Decision<DossierEvent[]> {
  const revocation = state.revocation;
  if (!inState(state, 'RECOVERY_PENDING') || !revocation)
    return wrongState(state, 'RecordRecovery', ['RECOVERY_PENDING']);
  const forbidden = notAllowed(state, actor.role, 'recover');
  if (forbidden) return forbidden;
  const task = revocation.tasks.find((t) => t.item === data.item);
  if (!task)
    return refuse(
      reject(
        'INVALID',
        'recovery.task-known',
        `No recovery task for ${data.item}; open: ${revocation.tasks.map((t) => t.item).join(', ')}`,
      ),
    );
  if (revocation.recovered.some((r) => r.item === task.item))
    return refuse(reject('WRONG_STATE', 'recovery.item-once', `The recovery of ${task.item} is already recorded`));
  if (
    data.amountVnd !== undefined &&
    (task.item !== 'BONUS' || !Number.isInteger(data.amountVnd) || data.amountVnd < 0)
  )
    return refuse(
      reject('INVALID', 'recovery.amount', 'An amount (whole đồng, not negative) belongs to the bonus only'),
    );
  // Recovery uses the amount actually paid (Luật Điều 90; the award fund ledger): never more than the ledger records.
  if (data.amountVnd !== undefined && data.paidVnd !== undefined && data.amountVnd > data.paidVnd)
    return refuse(
      reject(
        'RULE_VIOLATION',
        'recovery.within-paid',
        `Recovering ${data.amountVnd} đồng exceeds the ${data.paidVnd} đồng the award fund ledger records as paid for this dossier`,
        { amountVnd: data.amountVnd, paidVnd: data.paidVnd },
      ),
    );
  const today = vietnamDate(now);
  const events: DossierEvent[] = [
    {
      type: 'RecoveryRecorded',
      data: {
        item: task.item,
        recordedOn: today,
        ...(data.note ? { note: data.note } : {}),
        ...(data.amountVnd !== undefined ? { amountVnd: data.amountVnd } : {}),
      },
    },
  ];
  // The last open task closes the dossier, as the last vote closes a council's voting.
  if (revocation.recovered.length + 1 === revocation.tasks.length)
    events.push({ type: 'RecoveryCompleted', data: { completedOn: today } });
  return accept(events);
}
