import type { MigrationInterface, QueryRunner } from 'typeorm';
import { streamKindOf } from '@tdkt/domain';

/**
 * The event table holds every stream kind, so its stream column says so: `dossier_id` becomes `stream_id`, and
 * `stream_kind` stores what `streamKindOf(type)` gives (DOSSIER, SESSION, REGISTER, ROUND, DIRECTORY, BLOCK_YEAR…),
 * so a rebuild or a report that reads one kind skips the others by index instead of testing every type name.
 * The hash chain does not change: its canonical form covers the stream id under the key `dossierId`, never the
 * column's name nor the kind (derived from the type, which it covers). Existing rows take their kind from their type;
 * the append-only trigger is set aside for that one backfill inside this migration's transaction.
 */
export class StreamId1735920000000 implements MigrationInterface {
  name = 'StreamId1735920000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE dossier_event RENAME COLUMN dossier_id TO stream_id`);
    await q.query(`ALTER TABLE dossier_event ADD COLUMN stream_kind text`);
    const types = ((await q.query(`SELECT DISTINCT type FROM dossier_event`)) as { type: string }[]).map((r) => r.type);
    if (types.length) {
      await q.query(`ALTER TABLE dossier_event DISABLE TRIGGER dossier_event_no_update`);
      await q.query(
        `UPDATE dossier_event e SET stream_kind = k.kind FROM jsonb_to_recordset($1::jsonb) AS k(type text, kind text) WHERE k.type = e.type`,
        [JSON.stringify(types.map((type) => ({ type, kind: streamKindOf(type) })))],
      );
      await q.query(`ALTER TABLE dossier_event ENABLE TRIGGER dossier_event_no_update`);
    }
    await q.query(`ALTER TABLE dossier_event ALTER COLUMN stream_kind SET NOT NULL`);
    await q.query(`CREATE INDEX dossier_event_kind ON dossier_event (stream_kind, id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX dossier_event_kind`);
    await q.query(`ALTER TABLE dossier_event DROP COLUMN stream_kind`);
    await q.query(`ALTER TABLE dossier_event RENAME COLUMN stream_id TO dossier_id`);
  }
}
