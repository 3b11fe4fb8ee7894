import { createHash } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { envelopeEvents, decideVoidNumber, type Actor, type NumberFacts, type Rejection } from '@tdkt/domain';
import type { EventStore } from '../event-store/event-store';

/** Namespace of the decision registers' stream ids (a name-based UUID, version 5, of "authority/year"). */
const REGISTER_NAMESPACE = '6f1c6a4e-3b1d-5d7a-9a51-1c0e6a0d2b7e';

/** The stream of one authority's register for one year: the same id from the same authority and year, always. */
export function registerStreamId(authority: string, year: number): string {
  const hash = createHash('sha1')
    .update(Buffer.from(REGISTER_NAMESPACE.replace(/-/g, ''), 'hex'))
    .update(`${authority}/${year}`, 'utf8')
    .digest();
  hash[6] = (hash[6] & 0x0f) | 0x50;
  hash[8] = (hash[8] & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

export { projectDecisionRegister } from '../read-models/decision-register-projection';

export interface RegisterEntry {
  number: number;
  formatted: string;
  allocatedAt: string;
  dossiers: { dossierId: string; signerId: string; signedOn: string; status: string | null }[];
  voided: { reason: string; voidedBy: string; voidedRole: string; voidedAt: string } | null;
}

export interface Register {
  authority: string;
  year: number;
  /** The stream of the register's own events (voidings) in the event table. */
  streamId: string;
  lastNumber: number;
  entries: RegisterEntry[];
}

export interface DecisionAwardee {
  dossierId: string;
  nomineeName: string;
  nomineeKind: string;
  awardCode: string;
  unitCode: string;
  unitName: string;
  signedOn: string;
  /** The dossier's status now (REVOKED after a revocation). */
  status: string | null;
}

export interface DecisionAwardees {
  authority: string;
  year: number;
  number: number;
  formatted: string;
  awardees: DecisionAwardee[];
}

interface EntryRow {
  number: number;
  formatted: string;
  allocated_at: Date;
  dossiers: RegisterEntry['dossiers'];
  reason: string | null;
  voided_by: string | null;
  voided_role: string | null;
  voided_at: Date | null;
}

/** The register of decision numbers per authority and year: allocations, their dossiers, voidings (never deletions). */
export class DecisionRegister {
  constructor(
    private readonly dataSource: DataSource,
    private readonly eventStore: EventStore,
  ) {}

  async list(authority: string, year: number, manager?: EntityManager): Promise<Register> {
    const m = manager ?? this.dataSource.manager;
    const [counter] = (await m.query(`SELECT last_number FROM decision_counter WHERE authority = $1 AND year = $2`, [
      authority,
      year,
    ])) as { last_number: number }[];
    const rows = (await m.query(
      `SELECT n.number, n.formatted, n.allocated_at,
              coalesce((SELECT jsonb_agg(jsonb_build_object('dossierId', a.dossier_id, 'signerId', a.signer_id, 'signedOn', a.signed_on, 'status', dv.status) ORDER BY a.dossier_id)
                        FROM decision_award a LEFT JOIN dossier_view dv ON dv.id = a.dossier_id
                        WHERE a.authority = n.authority AND a.year = n.year AND a.formatted = n.formatted), '[]'::jsonb) AS dossiers,
              v.reason, v.voided_by, v.voided_role, v.voided_at
         FROM decision_number n LEFT JOIN decision_void v ON v.authority = n.authority AND v.year = n.year AND v.number = n.number
        WHERE n.authority = $1 AND n.year = $2 ORDER BY n.number`,
      [authority, year],
    )) as EntryRow[];
    return {
      authority,
      year,
      streamId: registerStreamId(authority, year),
      lastNumber: counter?.last_number ?? 0,
      entries: rows.map((r) => ({
        number: r.number,
        formatted: r.formatted,
        allocatedAt: r.allocated_at.toISOString(),
        dossiers: r.dossiers,
        voided: r.voided_by
          ? {
              reason: r.reason ?? '',
              voidedBy: r.voided_by,
              voidedRole: r.voided_role ?? '',
              voidedAt: (r.voided_at as Date).toISOString(),
            }
          : null,
      })),
    };
  }

  /**
   * The awardees of one decision (danh sách được khen thưởng): the dossiers its number awarded, with nominee, award and
   * unit as the read model holds them; undefined when the number was never allocated.
   */
  async awardees(authority: string, year: number, number: number): Promise<DecisionAwardees | undefined> {
    const [allocated] = (await this.dataSource.query(
      `SELECT formatted FROM decision_number WHERE authority = $1 AND year = $2 AND number = $3`,
      [authority, year, number],
    )) as { formatted: string }[];
    if (!allocated) return undefined;
    const rows = (await this.dataSource.query(
      `SELECT a.dossier_id, a.signed_on, dv.nominee_name, dv.nominee_kind, dv.award_code, dv.unit_code, u.name AS unit_name, dv.status
         FROM decision_award a LEFT JOIN dossier_view dv ON dv.id = a.dossier_id LEFT JOIN org_unit u ON u.code = dv.unit_code
        WHERE a.authority = $1 AND a.year = $2 AND a.formatted = $3 ORDER BY dv.nominee_name, a.dossier_id`,
      [authority, year, allocated.formatted],
    )) as {
      dossier_id: string;
      signed_on: string;
      nominee_name: string | null;
      nominee_kind: string | null;
      award_code: string | null;
      unit_code: string | null;
      unit_name: string | null;
      status: string | null;
    }[];
    return {
      authority,
      year,
      number,
      formatted: allocated.formatted,
      awardees: rows.map((r) => ({
        dossierId: r.dossier_id,
        nomineeName: r.nominee_name ?? '',
        nomineeKind: r.nominee_kind ?? '',
        awardCode: r.award_code ?? '',
        unitCode: r.unit_code ?? '',
        unitName: r.unit_name ?? r.unit_code ?? '',
        signedOn: r.signed_on,
        status: r.status,
      })),
    };
  }

  /**
   * Voids an allocated number that no dossier's decision carries: one DecisionNumberVoided event in the register's
   * stream, in the transaction that checked it, under the series' counter lock (so it races neither an allocation nor
   * another voiding). The counter is untouched: the number stays used. A repeat of the same request answers the same.
   */
  async void(input: {
    authority: string;
    year: number;
    number: number;
    reason: string;
    actor: Actor;
    requestId: string;
  }): Promise<{ ok: true; register: Register } | { ok: false; rejection: Rejection }> {
    const { authority, year, number, actor, requestId } = input;
    return this.dataSource.transaction(async (m) => {
      await m.query(`SELECT 1 FROM decision_counter WHERE authority = $1 AND year = $2 FOR UPDATE`, [authority, year]);
      const [allocated] = (await m.query(
        `SELECT formatted FROM decision_number WHERE authority = $1 AND year = $2 AND number = $3`,
        [authority, year, number],
      )) as { formatted: string }[];
      const [voided] = (await m.query(
        `SELECT reason, voided_by, request_id FROM decision_void WHERE authority = $1 AND year = $2 AND number = $3`,
        [authority, year, number],
      )) as {
        reason: string;
        voided_by: string;
        request_id: string;
      }[];
      if (voided && voided.request_id === requestId)
        return { ok: true as const, register: await this.list(authority, year, m) };
      const carriedBy = allocated
        ? ((await m.query(
            `SELECT a.dossier_id AS "dossierId", coalesce(dv.status, 'UNKNOWN') AS status FROM decision_award a LEFT JOIN dossier_view dv ON dv.id = a.dossier_id
              WHERE a.authority = $1 AND a.year = $2 AND a.formatted = $3 ORDER BY a.dossier_id`,
            [authority, year, allocated.formatted],
          )) as NumberFacts['carriedBy'])
        : [];
      const facts: NumberFacts = {
        authority,
        year,
        number,
        carriedBy,
        ...(allocated ? { formatted: allocated.formatted } : {}),
        ...(voided ? { voided: { reason: voided.reason, by: voided.voided_by } } : {}),
      };
      const decision = decideVoidNumber(facts, input.reason, actor);
      if (!decision.ok) return decision;
      const streamId = registerStreamId(authority, year);
      const [{ seq }] = (await m.query(
        `SELECT coalesce(max(seq), 0)::int AS seq FROM dossier_event WHERE stream_id = $1`,
        [streamId],
      )) as { seq: number }[];
      await this.eventStore.append(
        envelopeEvents(streamId, seq, decision.value, { actor, occurredAt: new Date().toISOString(), requestId }),
        m,
      );
      return { ok: true as const, register: await this.list(authority, year, m) };
    });
  }
}
