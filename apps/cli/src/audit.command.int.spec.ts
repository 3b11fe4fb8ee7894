/** The audit commands against a database of their own: verify-chain's verdict and exit code, rebuild-read-models. */
import { Client } from 'pg';
import { eventStoreWithReadModels } from '@tdkt/persistence';
import { batchesOf, simulateDossier } from '../../../test/support/simulate';
import { scratchDatabase } from '../../../test/support/scratch-db';
import { main } from './main';

let db: Awaited<ReturnType<typeof scratchDatabase>>;
let out: string[];
let err: string[];
const savedUrl = process.env.DATABASE_URL;
beforeAll(async () => {
  db = await scratchDatabase();
  process.env.DATABASE_URL = db.url;
}, 60_000);
afterAll(async () => {
  process.env.DATABASE_URL = savedUrl;
  await db?.drop();
});
beforeEach(() => {
  out = [];
  err = [];
  jest.spyOn(process.stdout, 'write').mockImplementation((s) => (out.push(String(s)), true));
  jest.spyOn(process.stderr, 'write').mockImplementation((s) => (err.push(String(s)), true));
});
afterEach(() => jest.restoreAllMocks());

it('verify-chain reports an intact chain with exit 0, then names the edited event with exit 1', async () => {
  const events = simulateDossier({ steps: 4 });
  for (const batch of batchesOf(events)) await eventStoreWithReadModels(db.ds).append(batch);
  expect(await main(['verify-chain'])).toBe(0);
  expect(out.join('')).toMatch(new RegExp(`chain intact: ${events.length} events in 1 streams`));

  const c = new Client({ connectionString: db.url });
  await c.connect();
  await c.query('SET session_replication_role = replica');
  await c.query(`UPDATE dossier_event SET actor_role = 'AUDITOR' WHERE stream_id = $1 AND seq = 3`, [
    events[0].streamId,
  ]);
  await c.end();
  expect(await main(['verify-chain', events[0].streamId])).toBe(1);
  expect(err.join('')).toContain(`stream ${events[0].streamId} event 3: HASH_MISMATCH`);
});

it('rebuild-read-models replays the event table, saying how far it is', async () => {
  expect(await main(['rebuild-read-models'])).toBe(0);
  expect(out.join('')).toMatch(/rebuilt dossier_view, .* from \d+ events/);
  const [{ n }] = (await db.ds.query(`SELECT count(*)::int AS n FROM dossier_event`)) as { n: number }[];
  expect(err.join('')).toContain(`replayed ${n} of ${n} events`);
});

it('rebuild-read-models --only rebuilds one read model, named or by a table; an unknown one is a usage error', async () => {
  expect(await main(['rebuild-read-models', '--only', 'stage_timing'])).toBe(0);
  expect(out.join('')).toMatch(
    /^rebuilt stage_timing, award_fact, stage_time_stat, stage_time_all, stage_time_unit, award_count from \d+ events/,
  );
  out.length = 0;
  expect(await main(['rebuild-read-models', '--only', 'award history'])).toBe(0);
  expect(out.join('')).toMatch(/^rebuilt award_subject, award_history, initiative_use, award_import from/);
  expect(await main(['rebuild-read-models', '--only', 'dossier_event'])).toBe(2);
  expect(err.join('')).toContain('no read model is named "dossier_event"');
  expect(err.join('')).toContain(
    '"dossier board (rows, counts and inbox tasks)" (dossier_view, dossier_count, dossier_task)',
  );
  expect(await main(['rebuild-read-models', '--only'])).toBe(2);
});

it('without DATABASE_URL the audit commands explain what they need (exit 2)', async () => {
  delete process.env.DATABASE_URL;
  expect(await main(['verify-chain'])).toBe(2);
  expect(err.join('')).toContain('DATABASE_URL');
  process.env.DATABASE_URL = db.url;
});
