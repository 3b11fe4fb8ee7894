/**
 * `npm run bench -- web`: the web app in headless Chromium with BENCH_WEB_DOSSIERS (10,000) dossiers in the read
 * models — time to interactive of the secretariat's board and of a dossier page, as ratios against a baseline measured
 * in the same run (a navigation to a tiny page of the same server), and the initial bundle (gzip). Not a test: it
 * reports, it asserts nothing; the issue's aims (1.5 s, 400 KB) are printed beside the numbers.
 *
 * The dossiers are simulated with the pure domain (test/support/simulate.ts), written to the event table in bulk
 * (hashes not chained: nothing here verifies them) and projected by the read-model rebuild. The API (with a Temporal
 * dev server of its own) serves the built app from apps/web/dist (built first when stale). "Interactive" is when the
 * page shows its data: the board's first row, the dossier's status tag and timeline.
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { Client } from 'pg';
import { chromium, type Browser } from 'playwright-core';
import { Directory, rebuildReadModels, runMigrations } from '@tdkt/persistence';
import { simulateDossier } from '../../test/support/simulate';
import { CACHE, freePort, startTemporal } from '../../infra/src/runtime';
import { buildWebApp, WEB_DIST } from '../../infra/src/web-build';
import { benchDatabase, runBench } from './scratch';

const DOSSIERS = Number(process.env.BENCH_WEB_DOSSIERS ?? 10_000);
const RUNS = Number(process.env.BENCH_WEB_RUNS ?? 5);
const UNITS = ['SGDDT', 'SYT', 'STC', 'SNV'];

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Bulk-writes simulated dossiers (1–8 commands along the provincial route) into the event table. */
async function seed(url: string): Promise<string> {
  const c = new Client({ connectionString: url });
  await c.connect();
  let sample = '';
  const cols = [
    'stream_id',
    'stream_kind',
    'seq',
    'type',
    'data',
    'actor_id',
    'actor_role',
    'occurred_at',
    'rule_set_version',
    'request_id',
    'prev_hash',
    'hash',
  ];
  for (let start = 0; start < DOSSIERS; start += 250) {
    const rows: unknown[][] = [];
    for (let i = start; i < Math.min(DOSSIERS, start + 250); i++) {
      const events = simulateDossier({
        steps: 1 + (i % 8),
        nominee: `Người ${i}`,
        unitCode: UNITS[i % UNITS.length],
        dayOffsets: [0, 2, 5, 9, 12, 13, 14, 20],
      });
      if (i === 7) sample = events[0].streamId;
      for (const e of events)
        rows.push([
          e.streamId,
          'DOSSIER',
          e.seq,
          e.type,
          JSON.stringify(e.data),
          e.actorId,
          e.actorRole,
          e.occurredAt,
          e.ruleSetVersion,
          e.requestId,
          '0'.repeat(64),
          '0'.repeat(64),
        ]);
    }
    const values = rows.map((_, r) => `(${cols.map((__, k) => `$${r * cols.length + k + 1}`).join(', ')})`).join(', ');
    await c.query(`INSERT INTO dossier_event (${cols.join(', ')}) VALUES ${values}`, rows.flat());
  }
  await c.end();
  return sample;
}

/** The bytes a first visit downloads before the app can render: index.html's script, modulepreloads and stylesheets. */
function initialBundle(): { files: string[]; raw: number; gzip: number } {
  const html = readFileSync(join(WEB_DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const bytes = files.map((f) => readFileSync(join(WEB_DIST, f)));
  return {
    files,
    raw: bytes.reduce((n, b) => n + b.length, 0),
    gzip: bytes.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0),
  };
}

async function main(): Promise<void> {
  const web = await buildWebApp();
  const { ds, url, drop } = await benchDatabase('bench_web');
  const temporal = await startTemporal({
    port: await freePort(),
    logFile: join(CACHE, `bench-web-temporal-${process.pid}.log`),
  });
  let browser: Browser | undefined;
  let stopApi: () => Promise<void> = async () => undefined;
  try {
    await runMigrations(ds);
    const directory = new Directory(ds);
    await directory.upsertUnit({
      code: 'UBND-BENCH',
      name: 'UBND tỉnh (bench)',
      level: 'PROVINCE',
      provinceCode: 'BENCH',
    });
    for (const u of UNITS)
      await directory.upsertUnit({ code: u, name: `Đơn vị ${u}`, level: 'AGENCY', provinceCode: 'BENCH' });
    await directory.upsertUser({
      id: 'bench-sec',
      username: 'bench.secretariat',
      fullName: 'Chuyên viên (bench)',
      role: 'SECRETARIAT_OFFICER',
      unitCode: 'UBND-BENCH',
    });
    const t0 = Date.now();
    const sample = await seed(url);
    const rebuilt = await rebuildReadModels(ds);
    console.log(
      `seeded ${DOSSIERS} dossiers (${rebuilt.events} events) and rebuilt the read models in ${((Date.now() - t0) / 1000).toFixed(1)} s`,
    );

    Object.assign(process.env, {
      LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
      DATABASE_URL: url,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_TASK_QUEUE: `bench-${randomUUID()}`,
      PII_HASH_KEY: process.env.PII_HASH_KEY ?? 'bench-pii-hash-key-0123456789',
      TDKT_WEB_DIST: WEB_DIST,
    });
    // Loaded after the environment is set: the API reads its configuration when it is built.
    const { createApi } = await import('../../apps/api/src/api');
    const app = await createApi();
    await app.listen(0, '127.0.0.1');
    stopApi = () => app.close();
    const origin = `http://127.0.0.1:${(app.getHttpServer().address() as AddressInfo).port}`;
    const token = (await (
      await fetch(`${origin}/api/auth/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'bench.secretariat' }),
      })
    ).json()) as { accessToken: string; expiresAt: string; role: string };
    const stored = JSON.stringify({
      token: token.accessToken,
      me: {
        userId: 'bench-sec',
        username: 'bench.secretariat',
        name: 'Chuyên viên (bench)',
        role: token.role,
        unitCode: 'UBND-BENCH',
        expiresAt: token.expiresAt,
      },
    });

    browser = await chromium.launch({
      executablePath: process.env.TDKT_CHROMIUM ?? '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'],
    });
    /** One cold visit (a fresh context: empty cache and storage), signed in; ms from navigation start until `ready` shows. */
    const visit = async (path: string, ready: string[]): Promise<{ ms: number; js: number }> => {
      const context = await browser!.newContext({ locale: 'vi-VN', timezoneId: 'Asia/Ho_Chi_Minh' });
      await context.addInitScript({ content: `sessionStorage.setItem('tdkt.session', ${JSON.stringify(stored)});` });
      const page = await context.newPage();
      let js = 0;
      page.on('response', (r) => {
        if (r.url().includes('/assets/') && r.url().endsWith('.js'))
          js += gzipSync(readFileSync(join(WEB_DIST, new URL(r.url()).pathname)), { level: 9 }).length;
      });
      await page.goto(`${origin}${path}`);
      for (const selector of ready) await page.locator(selector).first().waitFor({ timeout: 30_000 });
      const ms = (await page.evaluate('performance.now()')) as number;
      await context.close();
      return { ms, js };
    };
    const measure = async (label: string, path: string, ready: string[]) => {
      await visit(path, ready); // warm the server (query plans, the API's first requests), not the browser
      const runs = [];
      for (let i = 0; i < RUNS; i++) runs.push(await visit(path, ready));
      return { label, ms: median(runs.map((r) => r.ms)), js: runs[0].js };
    };
    const baseline = await measure('baseline: GET /api/health/live', '/api/health/live', ['body']);
    const board = await measure(`board (${DOSSIERS} dossiers, first page)`, '/board', ['.ant-table-row']);
    const dossier = await measure('dossier page', `/dossiers/${sample}`, [
      '[data-testid="dossier-status"]',
      '[data-testid="timeline"] .ant-timeline-item',
    ]);

    const bundle = initialBundle();
    const kb = (n: number) => `${(n / 1024).toFixed(0)} KiB`;
    console.log(`\nweb app built: ${web.built ? 'now' : 'up to date'}; ${RUNS} cold visits each, median`);
    for (const r of [baseline, board, dossier]) {
      console.log(
        `${r.label.padEnd(44)} ${r.ms.toFixed(0).padStart(6)} ms   ×${(r.ms / baseline.ms).toFixed(2)} of baseline   JS fetched ${kb(r.js)} gzip`,
      );
    }
    console.log(
      `aim: time to interactive under 1500 ms — board ${board.ms < 1500 ? 'meets it' : 'misses it'}, dossier page ${dossier.ms < 1500 ? 'meets it' : 'misses it'}`,
    );
    console.log(
      `initial bundle (index.html: ${bundle.files.join(', ')}): ${kb(bundle.raw)} raw, ${kb(bundle.gzip)} gzip (aim: under 400 KB) — ${bundle.gzip < 400 * 1000 ? 'meets it' : 'misses it'}`,
    );
  } finally {
    await browser?.close();
    await stopApi();
    await temporal.stop();
    await drop();
  }
}

runBench(main);
