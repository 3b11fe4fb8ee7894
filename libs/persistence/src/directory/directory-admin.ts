import { envelopeEvents } from '@tdkt/domain';
import type { DataSource } from 'typeorm';
import type { Actor, CouncilSeat, CouncilTerm, DirectoryEvent, Role, UnitKind } from '@tdkt/domain';
import type { EventStore } from '../event-store/event-store';
import { nameUuid } from '../imports/name-uuid';

/** The stream of each directory entity: one per unit, one per user (by code and id), a council term is its own id. */
export const unitStreamId = (code: string): string => nameUuid(`directory:unit:${code}`);
export const userStreamId = (userId: string): string => nameUuid(`directory:user:${userId}`);

export interface DirectoryHistoryEntry {
  seq: number;
  type: string;
  data: unknown;
  actorId: string;
  actorRole: string;
  occurredAt: string;
  /** The request that made the change: an API call's id, or `directory-import:<file SHA-256>:<sheet>:<row>` for a bulk import. */
  requestId: string;
  hash: string;
}

export interface UnitRow {
  code: string;
  name: string;
  kind: string | null;
  level: string;
  parentCode: string | null;
  provinceCode: string;
  validFrom: string | null;
  validTo: string | null;
}
export interface UserRow {
  userId: string;
  username: string;
  fullName: string;
  role: Role;
  unitCode: string | null;
  oidcSub: string | null;
  active: boolean;
  validFrom: string | null;
  validTo: string | null;
}

/** The administration's reads (facts for the domain's decisions, lists, histories) and its appends. */
export class DirectoryAdmin {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventStore,
  ) {}

  /** Appends one change to an entity's directory stream (next seq; the store refuses a concurrent writer). */
  async append(streamId: string, events: readonly DirectoryEvent[], actor: Actor, requestId: string): Promise<void> {
    const [{ n }] = (await this.dataSource.query(
      `SELECT COALESCE(max(seq), 0)::int AS n FROM dossier_event WHERE stream_id = $1`,
      [streamId],
    )) as { n: number }[];
    const occurredAt = new Date().toISOString();
    await this.events.append(envelopeEvents(streamId, n, events, { actor, occurredAt, requestId }));
  }

  async history(streamId: string): Promise<DirectoryHistoryEntry[]> {
    const rows = (await this.dataSource.query(
      `SELECT seq, type, data, actor_id, actor_role, occurred_at, request_id, hash FROM dossier_event WHERE stream_id = $1 AND type LIKE 'Directory%' ORDER BY seq`,
      [streamId],
    )) as {
      seq: number;
      type: string;
      data: unknown;
      actor_id: string;
      actor_role: string;
      occurred_at: Date;
      request_id: string;
      hash: string;
    }[];
    return rows.map((r) => ({
      seq: r.seq,
      type: r.type,
      data: r.data,
      actorId: r.actor_id,
      actorRole: r.actor_role,
      occurredAt: r.occurred_at.toISOString(),
      requestId: r.request_id,
      hash: r.hash,
    }));
  }

  async unit(code: string): Promise<UnitRow | undefined> {
    return (await this.units({ code }))[0];
  }

  async units(filter: { code?: string; provinceCode?: string } = {}): Promise<UnitRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM org_unit WHERE ($1::text IS NULL OR code = $1) AND ($2::text IS NULL OR province_code = $2) ORDER BY province_code, code LIMIT 5000`,
      [filter.code ?? null, filter.provinceCode ?? null],
    )) as {
      code: string;
      name: string;
      kind: UnitKind | null;
      level: string;
      parent_code: string | null;
      province_code: string;
      valid_from: string | null;
      valid_to: string | null;
    }[];
    return rows.map((r) => ({
      code: r.code,
      name: r.name,
      kind: r.kind,
      level: r.level,
      parentCode: r.parent_code,
      provinceCode: r.province_code,
      validFrom: r.valid_from,
      validTo: r.valid_to,
    }));
  }

  async user(userId: string): Promise<UserRow | undefined> {
    return (await this.users({ userId }))[0];
  }

  async users(filter: { userId?: string; unitCode?: string } = {}): Promise<UserRow[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM app_user WHERE ($1::text IS NULL OR id = $1) AND ($2::text IS NULL OR unit_code = $2) ORDER BY id LIMIT 5000`,
      [filter.userId ?? null, filter.unitCode ?? null],
    )) as {
      id: string;
      username: string;
      full_name: string;
      role: Role;
      unit_code: string | null;
      oidc_sub: string | null;
      active: boolean;
      valid_from: string | null;
      valid_to: string | null;
    }[];
    return rows.map((r) => ({
      userId: r.id,
      username: r.username,
      fullName: r.full_name,
      role: r.role,
      unitCode: r.unit_code,
      oidcSub: r.oidc_sub,
      active: r.active,
      validFrom: r.valid_from,
      validTo: r.valid_to,
    }));
  }

  /** Another active user with this username or OIDC subject. */
  async clash(userId: string, username: string, oidcSub: string | null): Promise<'username' | 'oidcSub' | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT username = $2 AS by_name FROM app_user WHERE id <> $1 AND (username = $2 OR ($3::text IS NOT NULL AND oidc_sub = $3)) LIMIT 1`,
      [userId, username, oidcSub],
    )) as { by_name: boolean }[];
    return row ? (row.by_name ? 'username' : 'oidcSub') : undefined;
  }

  async terms(councilUnitCode?: string): Promise<CouncilTerm[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM council_term WHERE ($1::text IS NULL OR council_unit_code = $1) ORDER BY council_unit_code, term_from`,
      [councilUnitCode ?? null],
    )) as {
      id: string;
      council_unit_code: string;
      name: string;
      term_from: string;
      term_to: string;
    }[];
    return rows.map((r) => ({
      termId: r.id,
      councilUnitCode: r.council_unit_code,
      name: r.name,
      from: r.term_from,
      to: r.term_to,
    }));
  }

  async term(termId: string): Promise<CouncilTerm | undefined> {
    const [row] = (await this.dataSource.query(`SELECT * FROM council_term WHERE id = $1`, [termId])) as {
      id: string;
      council_unit_code: string;
      name: string;
      term_from: string;
      term_to: string;
    }[];
    return (
      row && {
        termId: row.id,
        councilUnitCode: row.council_unit_code,
        name: row.name,
        from: row.term_from,
        to: row.term_to,
      }
    );
  }

  async seats(termId: string): Promise<CouncilSeat[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM council_seat WHERE term_id = $1 ORDER BY seat_from, user_id`,
      [termId],
    )) as {
      term_id: string;
      user_id: string;
      council_role: CouncilSeat['councilRole'];
      seat_from: string;
      seat_to: string;
    }[];
    return rows.map((r) => ({
      termId: r.term_id,
      userId: r.user_id,
      councilRole: r.council_role,
      from: r.seat_from,
      to: r.seat_to,
    }));
  }

  /** Seats a user holds today or later. */
  async openSeats(userId: string): Promise<number> {
    const [{ n }] = (await this.dataSource.query(
      `SELECT count(*)::int AS n FROM council_seat WHERE user_id = $1 AND seat_to >= (now() AT TIME ZONE 'Asia/Ho_Chi_Minh')::date`,
      [userId],
    )) as { n: number }[];
    return n;
  }

  /** Ballots a member still has open: per-dossier votes not closed, and council sessions not closed that list them. */
  async openBallots(userId: string): Promise<number> {
    const [{ n }] = (await this.dataSource.query(
      `SELECT (SELECT count(*) FROM council_ballot WHERE member_id = $1 AND closed_at IS NULL)
            + (SELECT count(*) FROM council_session_view s WHERE s.status <> 'CLOSED'
                 AND EXISTS (SELECT 1 FROM jsonb_array_elements(s.members) m WHERE m->>'userId' = $1)) AS n`,
      [userId],
    )) as { n: string }[];
    return Number(n);
  }
}
