import type { EntityManager } from 'typeorm';
import type { SessionEvent, StoredEnvelope } from '@tdkt/domain';

/**
 * The council session read model: agenda, members, attendance, recusals, tallies once closed, minutes. Secret votes
 * appear only as counts (from the tally); who took part is the session's public record, how they voted is nowhere.
 * Session votes also mark the member's council_ballot row as voted, so their inbox drops the task.
 */
export async function projectCouncilSession(m: EntityManager, e: StoredEnvelope): Promise<void> {
  const event = { type: e.type, data: e.data } as SessionEvent;
  const touch = (sets: string, params: unknown[]) =>
    m.query(`UPDATE council_session_view SET ${sets}${sets ? ', ' : ''}last_seq = $2 WHERE id = $1`, [
      e.streamId,
      e.seq,
      ...params,
    ]);
  switch (event.type) {
    case 'SessionConvened': {
      const d = event.data;
      await m.query(
        `INSERT INTO council_session_view (id, province_code, title, status, deadline, members, agenda, convened_by, convened_at, last_seq)
         VALUES ($1, $2, $3, 'OPEN', $4, $5, $6, $7, $8, $9)`,
        [
          e.streamId,
          d.provinceCode,
          d.title,
          d.deadline,
          JSON.stringify(d.members),
          JSON.stringify(d.agenda.map(({ rule, ...it }) => ({ ...it, ballot: rule.ballot }))),
          e.actorId,
          e.occurredAt,
          e.seq,
        ],
      );
      return;
    }
    case 'SessionAgendaItemDropped':
      await touch(
        `agenda = (SELECT coalesce(jsonb_agg(x), '[]') FROM jsonb_array_elements(agenda) x WHERE x->>'dossierId' <> $3)`,
        [event.data.dossierId],
      );
      return;
    case 'SessionMemberRecused':
      await touch(`recusals = recusals || $3::jsonb`, [JSON.stringify([event.data])]);
      return;
    case 'SessionAttendanceRecorded':
      await touch(`attendance = attendance || jsonb_build_object($3::text, $4::text)`, [
        event.data.memberId,
        event.data.attendance,
      ]);
      return;
    case 'SessionOpenVoteCast':
    case 'SessionSecretBallotTakenPart':
      await touch('', []);
      await m.query(
        `UPDATE council_ballot SET voted_at = $3 WHERE dossier_id = $1 AND member_id = $2 AND voted_at IS NULL`,
        [event.data.dossierId, event.data.memberId, e.occurredAt],
      );
      return;
    case 'SessionBallotsCounted':
      await touch('', []);
      return;
    case 'SessionClosed':
      await touch(`status = 'CLOSED', tallies = $3, closed_at = $4`, [
        JSON.stringify(event.data.tallies),
        e.occurredAt,
      ]);
      return;
    case 'SessionMinutesIssued':
      await touch(`minutes = $3`, [event.data.minutes]);
      return;
    case 'SessionDecisionIssued':
      await touch(`decision = $3`, [JSON.stringify(event.data)]);
      return;
  }
}
