/** The statistics' movement migration on tables that already hold rows: each row takes its dossier's movement. */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '../data-source';
import { scratchDatabase } from '../../../../test/support/scratch-db';

let db: Awaited<ReturnType<typeof scratchDatabase>>;
beforeAll(async () => {
  db = await scratchDatabase({ migrate: false });
}, 60_000);
afterAll(async () => db?.drop());

it('fills movement_id of stage_timing and award_fact from DossierCreated: movementId, else the thematic round', async () => {
  const all = createDataSource(db.url).options;
  const stampOf = (m: unknown) => Number(/\d{13}$/.exec((m as { name: string }).name)?.[0]);
  const before = new DataSource({
    ...all,
    migrations: (all.migrations as unknown[]).filter((m) => stampOf(m) < 1735930000000),
  } as typeof all);
  await before.initialize();
  await runMigrations(before);
  const [movement, round] = [randomUUID(), randomUUID()];
  const dossiers = { ofMovement: randomUUID(), ofRound: randomUUID(), ofNone: randomUUID(), notAwarded: randomUUID() };
  const created: Record<string, Record<string, unknown>> = {
    [dossiers.ofMovement]: { awardCode: 'BK_TINH', movementId: movement },
    [dossiers.ofRound]: { awardCode: 'BK_TINH', commendationType: 'THEMATIC', roundId: round },
    [dossiers.ofNone]: { awardCode: 'BK_TINH' },
    [dossiers.notAwarded]: { awardCode: 'BK_TINH', movementId: movement },
  };
  for (const [id, data] of Object.entries(created)) {
    await before.query(
      `INSERT INTO dossier_event (stream_id, stream_kind, seq, type, data, actor_id, actor_role, occurred_at, request_id, prev_hash, hash)
       VALUES ($1, 'DOSSIER', 1, 'DossierCreated', $2, 'clerk', 'UNIT_CLERK', now(), $3, repeat('0', 64), repeat('1', 64))`,
      [id, JSON.stringify(data), randomUUID()],
    );
    await before.query(
      `INSERT INTO stage_timing (dossier_id, award_code, unit_code, subject_kind, direct_worker, created_at)
       VALUES ($1, 'BK_TINH', 'SGDDT', 'INDIVIDUAL', false, now())`,
      [id],
    );
    if (id !== dossiers.notAwarded)
      await before.query(
        `INSERT INTO award_fact (dossier_id, award_code, level, decider, subject_kind, unit_code, direct_worker, decision_number, authority, decided_on, year)
         VALUES ($1, 'BK_TINH', 'PROVINCIAL', 'PROVINCIAL_CHAIRMAN', 'INDIVIDUAL', 'SGDDT', false, '1/QĐ-UBND', 'PROVINCIAL_CHAIRMAN', '2026-05-01', 2026)`,
        [id],
      );
  }
  await before.destroy();

  expect(await runMigrations(db.ds)).toContain('StatisticsMovement1735930000000');
  const movementOf = async (table: string) =>
    Object.fromEntries(
      (
        (await db.ds.query(`SELECT dossier_id, movement_id FROM ${table}`)) as {
          dossier_id: string;
          movement_id: string | null;
        }[]
      ).map((r) => [r.dossier_id, r.movement_id]),
    );
  expect(await movementOf('stage_timing')).toEqual({
    [dossiers.ofMovement]: movement,
    [dossiers.ofRound]: round,
    [dossiers.ofNone]: null,
    [dossiers.notAwarded]: movement,
  });
  expect(await movementOf('award_fact')).toEqual({
    [dossiers.ofMovement]: movement,
    [dossiers.ofRound]: round,
    [dossiers.ofNone]: null,
  });
});
