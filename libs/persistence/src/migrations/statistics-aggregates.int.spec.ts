/** The report aggregates' migration on tables that already hold rows: the reports answer from them at once. */
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { createDataSource, runMigrations } from '../data-source';
import { StatisticsQueries } from '../read-models/statistics-queries';
import { Directory } from '../directory/directory';
import { scratchDatabase } from '../../../../test/support/scratch-db';

let db: Awaited<ReturnType<typeof scratchDatabase>>;
beforeAll(async () => {
  db = await scratchDatabase({ migrate: false });
}, 60_000);
afterAll(async () => db?.drop());

it('fills the stage-time histograms and the award counters from the existing stage_timing and award_fact rows', async () => {
  const all = createDataSource(db.url).options;
  const stampOf = (m: unknown) => Number(/\d{13}$/.exec((m as { name: string }).name)?.[0]);
  const before = new DataSource({
    ...all,
    migrations: (all.migrations as unknown[]).filter((m) => stampOf(m) < 1735960000000),
  } as typeof all);
  await before.initialize();
  await runMigrations(before);
  await new Directory(before).upsertUnit({ code: 'MIG-U', name: 'Đơn vị', level: 'AGENCY', provinceCode: 'MIG' });
  // Five dossiers submitted on 2025-09-01 whose unit review took 1, 2, 3, 4 and 10 days; three of them awarded.
  for (const [i, days] of [1, 2, 3, 4, 10].entries()) {
    const id = randomUUID();
    await before.query(
      `INSERT INTO stage_timing (dossier_id, award_code, unit_code, subject_kind, direct_worker, created_at,
         first_submitted_at, submitted_at, unit_approved_at)
       VALUES ($1, 'BK_TINH', 'MIG-U', 'INDIVIDUAL', $2, '2025-09-01T03:00Z', '2025-09-01T03:00Z', '2025-09-01T03:00Z',
               timestamptz '2025-09-01T03:00Z' + $3 * interval '1 day')`,
      [id, i % 2 === 0, days],
    );
    if (i < 3)
      await before.query(
        `INSERT INTO award_fact (dossier_id, award_code, level, decider, subject_kind, unit_code, direct_worker,
           decision_number, authority, decided_on, year)
         VALUES ($1, 'BK_TINH', 'PROVINCIAL', 'PROVINCIAL_CHAIRMAN', 'INDIVIDUAL', 'MIG-U', $2, $3, 'PROVINCIAL_CHAIRMAN',
                 '2025-10-01', 2025)`,
        [id, i % 2 === 0, `${i}/QĐ-UBND`],
      );
  }
  await before.destroy();

  expect(await runMigrations(db.ds)).toContain('StatisticsAggregates1735960000000');
  const stats = new StatisticsQueries(db.ds);
  const filter = { provinceCode: 'MIG', fromYear: 2025, toYear: 2025 };
  const [unitReview] = await stats.processingTimes(filter);
  expect([unitReview.stage, unitReview.count, unitReview.medianDays, unitReview.p90Days]).toEqual([
    'UNIT_REVIEW',
    5,
    3,
    7.6,
  ]);
  expect((await stats.awards(filter)).map((r) => [r.unitCode, r.total, r.individuals, r.directWorkers])).toEqual([
    ['MIG-U', 3, 3, 2],
  ]);
  expect((await stats.fiveYearReport(filter)).directWorkers).toEqual({
    individuals: 3,
    directWorkers: 2,
    share: 0.6667,
  });
});
