import { planFromFold, type InMemoryFold } from './rebuild-fold';
import {
  amountDue,
  ruleSetByVersion,
  ruleSetInForce,
  type AwardFundEvent,
  type BonusTable,
  type DossierEvent,
  type StoredEnvelope,
  type SubjectKind,
} from '@tdkt/domain';
import { insertRows, loadedStates, projectByPlan, writeChanged, type RowRead, type RowTable } from './row-batch';

/** One dossier's line in the ledger (amounts in VND; int8 and numeric as the database returns them, strings). */
export interface FundEntryRow {
  dossier_id: string;
  award_code: string;
  unit_code: string;
  subject_kind: SubjectKind;
  rule_set_version: string | null;
  bonus_table: BonusTable | null;
  decision_number: string | null;
  authority: string | null;
  decided_on: string | null;
  year: number | null;
  due_vnd: number | string | null;
  multiplier: number | string | null;
  base_salary_vnd: number | string | null;
  basis: string | null;
  paid_vnd: number | string;
  last_paid_on: string | null;
  revoked_on: string | null;
  recovered_vnd: number | string | null;
}

/** One payment against a dossier's line (`seq` is the payment's event in its AWARD_FUND stream). */
export interface FundPaymentRow {
  dossier_id: string;
  seq: number;
  amount_vnd: number;
  paid_on: string;
  source: string;
  voucher_ref: string;
  note: string | null;
  recorded_by: string;
  recorded_at: string;
}

/** A dossier's part of the ledger: its line (once created) and the payments a batch adds to it. */
export interface FundState {
  entry?: FundEntryRow;
  payments: readonly FundPaymentRow[];
}

const ENTRY: RowTable = {
  name: 'award_fund_entry',
  key: ['dossier_id'],
  owner: 'dossier_id',
  text: ['due_vnd', 'multiplier', 'base_salary_vnd', 'paid_vnd', 'recovered_vnd'],
  columns: [
    'dossier_id',
    'award_code',
    'unit_code',
    'subject_kind',
    'rule_set_version',
    'bonus_table',
    'decision_number',
    'authority',
    'decided_on',
    'year',
    'due_vnd',
    'multiplier',
    'base_salary_vnd',
    'basis',
    'paid_vnd',
    'last_paid_on',
    'revoked_on',
    'recovered_vnd',
  ],
};
const PAYMENT: RowTable = {
  name: 'award_fund_payment',
  key: ['dossier_id', 'seq'],
  owner: 'dossier_id',
  columns: [
    'dossier_id',
    'seq',
    'amount_vnd',
    'paid_on',
    'source',
    'voucher_ref',
    'note',
    'recorded_by',
    'recorded_at',
  ],
};

const later = (a: string | null, b: string): string => (a !== null && a > b ? a : b);
const plus = (a: number | string, b: number): string => String(BigInt(a) + BigInt(b));

/** The dossier a ledger event is about: its own stream, or the dossier a payment is for. */
export const fundOwnerOf = (e: StoredEnvelope): string =>
  e.type === 'AwardFundPaymentRecorded' ? (e.data as { dossierId: string }).dossierId : e.streamId;

/**
 * A dossier's ledger after one event (pure): an entry from its creation (award, unit, subject), bound to the rule set
 * of its first submission (the snapshot's bonus table), completed at the decision with the amount due on the decision
 * date (rule 35), marked at revocation and at the bonus's recovery; payments from AWARD_FUND streams add to what was
 * paid. Returns `state` itself when the event changes nothing.
 */
export function fundAfter(state: FundState, e: StoredEnvelope): FundState {
  const event = { type: e.type, data: e.data } as DossierEvent | AwardFundEvent;
  const entry = state.entry;
  const set = (changes: Partial<FundEntryRow>): FundState =>
    entry ? { ...state, entry: { ...entry, ...changes } } : state;
  switch (event.type) {
    case 'DossierCreated':
      if (entry) return state;
      return {
        ...state,
        entry: {
          dossier_id: e.streamId,
          award_code: event.data.awardCode,
          unit_code: event.data.unitCode,
          subject_kind: event.data.nominee.kind,
          rule_set_version: null,
          bonus_table: null,
          decision_number: null,
          authority: null,
          decided_on: null,
          year: null,
          due_vnd: null,
          multiplier: null,
          base_salary_vnd: null,
          basis: null,
          paid_vnd: '0',
          last_paid_on: null,
          revoked_on: null,
          recovered_vnd: null,
        },
      };
    case 'DossierSubmitted': {
      // Bound at the first submission, for life: later submissions keep it.
      if (!entry || (entry.rule_set_version !== null && entry.bonus_table !== null)) return state;
      const bonus = (event.data.ruleSet ?? ruleSetByVersion(event.data.ruleSetVersion))?.bonus ?? null;
      return set({
        rule_set_version: entry.rule_set_version ?? event.data.ruleSetVersion,
        bonus_table: entry.bonus_table ?? bonus,
      });
    }
    case 'DossierAwarded': {
      if (!entry) return state;
      const d = event.data.decision;
      const table = entry.bonus_table ?? ruleSetInForce(d.signedOn)?.bonus;
      const due = table ? amountDue({ bonus: table }, entry.award_code, entry.subject_kind, d.signedOn) : undefined;
      return set({
        decision_number: d.number,
        authority: d.authority,
        decided_on: d.signedOn,
        year: d.year,
        due_vnd: due?.amountVnd ?? null,
        multiplier: due?.multiplier ?? null,
        base_salary_vnd: due?.baseSalaryVnd ?? null,
        basis: due?.basis ?? 'No bonus table bound to the dossier',
      });
    }
    case 'AwardRevoked':
      return set({ revoked_on: event.data.revokedOn });
    case 'RecoveryRecorded':
      return event.data.item === 'BONUS' ? set({ recovered_vnd: event.data.amountVnd ?? 0 }) : state;
    case 'AwardFundPaymentRecorded': {
      const p = event.data;
      const payment: FundPaymentRow = {
        dossier_id: p.dossierId,
        seq: e.seq,
        amount_vnd: p.amountVnd,
        paid_on: p.paidOn,
        source: p.source,
        voucher_ref: p.voucherRef,
        note: p.note ?? null,
        recorded_by: e.actorId,
        recorded_at: e.occurredAt,
      };
      const paid = { ...state, payments: [...state.payments, payment] };
      return entry
        ? {
            ...paid,
            entry: {
              ...entry,
              paid_vnd: plus(entry.paid_vnd, p.amountVnd),
              last_paid_on: later(entry.last_paid_on, p.paidOn),
            },
          }
        : paid;
    }
    default:
      return state;
  }
}

const READS = new Set([
  'DossierCreated',
  'DossierSubmitted',
  'DossierAwarded',
  'AwardRevoked',
  'RecoveryRecorded',
  'AwardFundPaymentRecorded',
]);

/** The rows a batch reads: the dossiers' ledger lines (payments are only ever added, never read back). */
const readsOf = (ids: readonly string[]): RowRead[] => [{ table: ENTRY, owners: ids }];

/** The ledgers of `ids` from the rows of `readsOf(ids)`, with no payment. */
function fundOf(ids: readonly string[], [entries]: readonly (readonly unknown[])[]): Map<string, FundState> {
  const loaded = loadedStates<FundState>(ids, () => ({ payments: [] }));
  for (const row of entries as FundEntryRow[]) loaded.get(row.dossier_id)!.entry = row;
  return loaded;
}

/** The ledger as a rebuild folds it: `fundAfter` over each dossier's line and payments, in memory (`InMemoryFold`). */
export const awardFundInMemory: InMemoryFold<FundState> = {
  reads: READS,
  ownerOf: fundOwnerOf,
  initial: () => ({ payments: [] }),
  step: fundAfter,
  creation: 'DossierCreated',
  readsOf,
  statesOf: fundOf,
  tables: [
    { table: ENTRY, rowsOf: (s) => (s.entry ? [s.entry] : []) },
    { table: PAYMENT, rowsOf: (s) => s.payments, appendOnly: true },
  ],
};

/**
 * The award fund ledger over a batch of events (the dossiers' own events and the fund's payment streams): the touched
 * entries are read once, the events folded with `fundAfter`, the entries written and the new payments inserted. Reads only its own tables, so a rebuild reproduces it.
 */
export const planAwardFund = planFromFold(awardFundInMemory, (loaded, changed, s) => {
  writeChanged(
    s,
    ENTRY,
    loaded,
    changed,
    (st) => st.entry,
    (st) => (st.entry ? [st.entry] : []),
  );
  insertRows(
    s,
    PAYMENT,
    [...changed.values()].flatMap((st) => st.payments),
  );
});
export const projectAwardFund = projectByPlan(planAwardFund);
