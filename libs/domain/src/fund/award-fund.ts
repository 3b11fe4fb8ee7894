/**
 * The award fund (quỹ thi đua, khen thưởng, Luật Thi đua, khen thưởng 2022 Điều 90; NĐ 98/2023 on its use): a ledger
 * per award decision — the amount due by the rule set the dossier is bound to (rule 35: multiplier × the base salary in
 * force on the decision date, `bonusFor`), the payments actually made (amount, date, source, voucher), and after a
 * revocation the amount to recover, which is what was actually paid, not what was due.
 *
 * Payments are their own stream per decided dossier (events start with "AwardFund"), written by the API: the
 * dossier's stream stays the workflow's alone. What is due comes from the dossier's own events (the projection reads
 * DossierCreated, DossierSubmitted, DossierAwarded, AwardRevoked).
 */
import { bonusFor, type Bonus } from '../award/bonus';
import { findAward, type SubjectKind } from '../award/catalog';
import type { RuleSet } from '../rule-set/types';
import type { Actor } from '../shared/actor';
import { accept, refuse, reject, type Decision } from '../shared/errors';
import type { Envelope } from '../shared/envelope';

/** Where the money comes from (Luật Điều 90(1)… the fund is formed from the state budget, contributions and other lawful sources). */
export const FUND_SOURCES = ['STATE_BUDGET', 'CONTRIBUTIONS', 'OTHER_LAWFUL'] as const;
export type FundSource = (typeof FUND_SOURCES)[number];

export interface FundPayment {
  amountVnd: number;
  /** ISO date the money was paid. */
  paidOn: string;
  source: FundSource;
  /** The voucher (chứng từ chi) it was paid on. */
  voucherRef: string;
  note?: string;
}

export type AwardFundEvent = { type: 'AwardFundPaymentRecorded'; data: FundPayment & { dossierId: string } };
export type AwardFundCommand = { type: 'RecordFundPayment'; data: FundPayment };
export const isAwardFundEventType = (type: string): boolean => type.startsWith('AwardFund');
export type AwardFundEnvelope = Envelope<AwardFundEvent>;

/** The decision the ledger entry belongs to, as the read model knows it from the dossier's events. */
export interface FundedDecision {
  dossierId: string;
  awardCode: string;
  unitCode: string;
  decisionNumber: string;
  /** ISO date the decision was signed. */
  decidedOn: string;
  /** What is due; null when the rule set has no rate for the award (then any amount actually paid is recorded). */
  dueVnd: number | null;
  revoked: boolean;
}

export interface AwardFundState {
  dossierId: string;
  payments: FundPayment[];
}

export const initialAwardFundState = (dossierId: string): AwardFundState => ({ dossierId, payments: [] });
export const paidOf = (s: AwardFundState): number => s.payments.reduce((sum, p) => sum + p.amountVnd, 0);

/** Pure, rule 35: what a decision makes due, from the bound rule set's bonus table on the decision date. */
export function amountDue(
  ruleSet: Pick<RuleSet, 'bonus'>,
  awardCode: string,
  subject: SubjectKind,
  decidedOn: string,
): Bonus {
  return bonusFor(ruleSet.bonus, awardCode, subject, decidedOn);
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const validDate = (d: string): boolean => ISO_DATE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);

/**
 * Pure: a payment against a decision. The secretariat pays provincial and state awards from the province's fund; the
 * deciding unit pays its own grassroots titles. Never before the decision, never in the future, never more than due,
 * never after the award is revoked.
 */
export function decideFundPayment(
  state: AwardFundState,
  command: AwardFundCommand,
  ctx: { actor: Actor; today: string; decision: FundedDecision },
): Decision<AwardFundEvent[]> {
  const { actor, today, decision } = ctx;
  const p = command.data;
  const grassroots = findAward(decision.awardCode)?.route === 'GRASSROOTS';
  const allowed = grassroots
    ? (actor.role === 'UNIT_CLERK' || actor.role === 'UNIT_HEAD') && actor.unitCode === decision.unitCode
    : actor.role === 'SECRETARIAT_OFFICER' || actor.role === 'SECRETARIAT_HEAD';
  if (!allowed)
    return refuse(
      reject(
        'FORBIDDEN',
        'role.RecordFundPayment',
        grassroots
          ? 'A grassroots title is paid by the deciding unit (its clerk or head)'
          : "The province's award fund is paid out by the secretariat",
      ),
    );
  if (decision.revoked)
    return refuse(
      reject(
        'WRONG_STATE',
        'fund.revoked',
        `The award of decision ${decision.decisionNumber} is revoked: nothing more is paid, the amount paid is recovered`,
      ),
    );
  if (!Number.isSafeInteger(p.amountVnd) || p.amountVnd < 1)
    return refuse(reject('INVALID', 'fund.amount', 'A payment is a whole number of đồng, at least 1'));
  if (!FUND_SOURCES.includes(p.source))
    return refuse(reject('INVALID', 'fund.source', `The source is one of ${FUND_SOURCES.join(', ')}`));
  if (!p.voucherRef.trim())
    return refuse(reject('INVALID', 'fund.voucher', 'A payment names its voucher (chứng từ chi)'));
  if (!validDate(p.paidOn)) return refuse(reject('INVALID', 'fund.paid-on', 'paidOn is an ISO date (YYYY-MM-DD)'));
  if (p.paidOn < decision.decidedOn)
    return refuse(
      reject(
        'RULE_VIOLATION',
        'fund.paid-after-decision',
        `Paid on ${p.paidOn}, before decision ${decision.decisionNumber} of ${decision.decidedOn}`,
      ),
    );
  if (p.paidOn > today)
    return refuse(
      reject('INVALID', 'fund.paid-on', `A payment is recorded once made: ${p.paidOn} is after today (${today})`),
    );
  const paid = paidOf(state);
  if (decision.dueVnd !== null && paid + p.amountVnd > decision.dueVnd)
    return refuse(
      reject(
        'RULE_VIOLATION',
        'fund.over-due',
        `${paid + p.amountVnd} đồng would exceed the ${decision.dueVnd} đồng due (${paid} already paid)`,
        { dueVnd: decision.dueVnd, paidVnd: paid },
      ),
    );
  const note = p.note?.trim();
  return accept([
    {
      type: 'AwardFundPaymentRecorded',
      data: {
        dossierId: decision.dossierId,
        amountVnd: p.amountVnd,
        paidOn: p.paidOn,
        source: p.source,
        voucherRef: p.voucherRef.trim(),
        ...(note ? { note } : {}),
      },
    },
  ]);
}

export function evolveAwardFund(state: AwardFundState, event: AwardFundEvent): AwardFundState {
  if (event.type !== 'AwardFundPaymentRecorded') return state;
  const { dossierId: _d, ...payment } = event.data;
  return { ...state, payments: [...state.payments, payment] };
}

/** After a revocation: what to recover is what was actually paid (rule 34–35), whatever was due. */
export const amountToRecover = (state: AwardFundState): number => paidOf(state);
