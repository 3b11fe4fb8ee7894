import type { EntityManager } from 'typeorm';
import { levelOfKind, type DirectoryEvent, type StoredEnvelope } from '@tdkt/domain';

const COUNCIL_ROLES = `('COUNCIL_MEMBER', 'COUNCIL_CHAIR')`;

/**
 * The directory tables from the directory streams: org_unit and app_user (what every read path reads: upserted, so a
 * rebuild replays onto rows seeded directly without losing them), each unit version, council terms and seats.
 */
export async function projectDirectory(m: EntityManager, e: StoredEnvelope): Promise<void> {
  const event = { type: e.type, data: e.data } as unknown as DirectoryEvent;
  switch (event.type) {
    case 'DirectoryUnitRecorded': {
      const u = event.data;
      await m.query(
        `INSERT INTO org_unit (code, name, level, province_code, kind, parent_code, valid_from, valid_to) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (code) DO UPDATE SET name = EXCLUDED.name, level = EXCLUDED.level, province_code = EXCLUDED.province_code, kind = EXCLUDED.kind,
           parent_code = EXCLUDED.parent_code, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to`,
        [u.code, u.name, levelOfKind(u.kind), u.provinceCode, u.kind, u.parentCode, u.validFrom, u.validTo],
      );
      await m.query(
        `INSERT INTO org_unit_version (code, seq, name, kind, parent_code, province_code, valid_from, valid_to, recorded_by, recorded_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) ON CONFLICT DO NOTHING`,
        [u.code, e.seq, u.name, u.kind, u.parentCode, u.provinceCode, u.validFrom, u.validTo, e.actorId, e.occurredAt],
      );
      return;
    }
    case 'DirectoryUserRecorded': {
      const u = event.data;
      await m.query(
        `INSERT INTO app_user (id, username, full_name, role, unit_code, oidc_sub, valid_from, valid_to, active, council_of)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, true, CASE WHEN $4 IN ${COUNCIL_ROLES} THEN $5 END)
         ON CONFLICT (id) DO UPDATE SET username = EXCLUDED.username, full_name = EXCLUDED.full_name, role = EXCLUDED.role, unit_code = EXCLUDED.unit_code,
           oidc_sub = EXCLUDED.oidc_sub, valid_from = EXCLUDED.valid_from, valid_to = EXCLUDED.valid_to,
           council_of = CASE WHEN EXCLUDED.role IN ${COUNCIL_ROLES} THEN COALESCE(app_user.council_of, EXCLUDED.unit_code) END`,
        [u.userId, u.username, u.fullName, u.role, u.unitCode, u.oidcSub, u.validFrom, u.validTo],
      );
      return;
    }
    case 'DirectoryUserDeactivated':
      await m.query(`UPDATE app_user SET active = false, valid_to = $2 WHERE id = $1`, [
        event.data.userId,
        event.data.on,
      ]);
      return;
    case 'DirectoryCouncilTermOpened': {
      const t = event.data;
      await m.query(
        `INSERT INTO council_term (id, council_unit_code, name, term_from, term_to, opened_by, opened_at) VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
        [t.termId, t.councilUnitCode, t.name, t.from, t.to, e.actorId, e.occurredAt],
      );
      return;
    }
    case 'DirectoryCouncilSeatAssigned': {
      const s = event.data;
      await m.query(
        `INSERT INTO council_seat (term_id, user_id, council_unit_code, council_role, seat_from, seat_to)
         SELECT $1, $2, council_unit_code, $3, $4, $5 FROM council_term WHERE id = $1
         ON CONFLICT (term_id, user_id) DO UPDATE SET council_role = EXCLUDED.council_role, seat_from = EXCLUDED.seat_from, seat_to = EXCLUDED.seat_to, ended_reason = NULL`,
        [s.termId, s.userId, s.councilRole, s.from, s.to],
      );
      // The seat's council is the member's council for the read paths that predate terms.
      await m.query(
        `UPDATE app_user SET council_of = (SELECT council_unit_code FROM council_term WHERE id = $1) WHERE id = $2`,
        [s.termId, s.userId],
      );
      return;
    }
    case 'DirectoryCouncilSeatEnded':
      await m.query(`UPDATE council_seat SET seat_to = $3, ended_reason = $4 WHERE term_id = $1 AND user_id = $2`, [
        event.data.termId,
        event.data.userId,
        event.data.on,
        event.data.reason,
      ]);
      return;
    default:
      return;
  }
}
