/**
 * `npm run up`: the whole system on the embedded defaults — Temporal dev server (SQLite file, Web UI), embedded
 * Postgres, migrations, the worker and the API in this process, demo data on first start. Ctrl-C stops everything.
 * Data lives under .cache/tdkt and survives a restart.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createDataSource, Directory, grantRuntimeRole, runMigrations } from '@tdkt/persistence';
import { CACHE, stopAllChildren, startPostgres, startTemporal, type Service } from './runtime';
import { seedDirectory, seedDossiers, seedEmulation } from './demo-data';
import { provisionRoles } from './db-roles';
import { buildWebApp } from './web-build';

const port = (name: string, fallback: number) => Number(process.env[name] ?? fallback);

function secretFile(name: string, make = () => randomBytes(24).toString('hex')): string {
  const file = join(CACHE, name);
  if (!existsSync(file)) writeFileSync(file, make(), { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
}

async function main(): Promise<void> {
  mkdirSync(CACHE, { recursive: true });
  const stops: (() => Promise<void>)[] = [];
  /** API, worker, Temporal, Postgres in reverse order of start; a step that hangs is given up after 15 s. */
  const stopAll = async () => {
    for (const stop of [...stops].reverse()) {
      let timer: NodeJS.Timeout | undefined;
      const giveUp = new Promise<void>(
        (ok) => (timer = setTimeout(() => ok(console.error('[up] a stop step hung; moving on')), 15_000)),
      );
      await Promise.race([stop().catch((e: unknown) => console.error('[up] stop failed:', e)), giveUp]);
      clearTimeout(timer);
    }
    // Whatever was still starting (a signal during start-up) or did not stop: its process group goes too.
    await stopAllChildren();
  };
  let stopping = false;
  const onSignal = () => {
    if (stopping) {
      // A second Ctrl-C: stop the child processes now and leave.
      console.log('\n[up] forced stop');
      void stopAllChildren(1_000).then(() => process.exit(130));
      return;
    }
    stopping = true;
    console.log('\n[up] stopping… (Ctrl-C again to force)');
    void stopAll().then(() => process.exit(0));
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const pg: Service = await startPostgres({
      port: port('TDKT_PG_PORT', 54329),
      dataDir: join(CACHE, 'pg'),
      persistent: true,
    });
    stops.push(() => pg.stop());
    console.log('[up] Postgres ready');
    const temporal = await startTemporal({
      port: port('TDKT_TEMPORAL_PORT', 7233),
      uiPort: port('TDKT_TEMPORAL_UI_PORT', 8233),
      dbFile: join(CACHE, 'temporal.sqlite'),
      logFile: join(CACHE, 'temporal.log'),
      // The Web UI decrypts payloads through the API's codec endpoint (README "Security").
      uiCodecEndpoint: `http://127.0.0.1:${port('PORT', 3000)}/api/temporal-codec`,
    });
    stops.push(() => temporal.stop());
    console.log('[up] Temporal dev server ready');

    // Migrations as the schema's owner; the API and the worker connect as the runtime role, which owns nothing.
    const db = await provisionRoles(pg.url, join(CACHE, 'pg'));
    const ds = await createDataSource(db.owner).initialize();
    const applied = await runMigrations(ds);
    await grantRuntimeRole(ds, process.env.TDKT_DB_RUNTIME_ROLE);
    if (applied.length) console.log(`[up] migrations applied: ${applied.join(', ')}`);
    const directory = new Directory(ds);
    const firstStart = !(await directory.findUserByUsername('clerk.sgddt'));
    await seedDirectory(directory);
    await ds.destroy();

    Object.assign(process.env, {
      DATABASE_URL: db.runtime,
      DATABASE_MIGRATION_URL: db.owner,
      TEMPORAL_ADDRESS: temporal.address,
      TEMPORAL_SEARCH_ATTRIBUTES: 'true',
      PII_HASH_KEY: process.env.PII_HASH_KEY ?? secretFile('pii-hash.key'),
      AUTH_LOCAL_KEY_FILE: process.env.AUTH_LOCAL_KEY_FILE ?? join(CACHE, 'local-issuer.key'),
      TEMPORAL_CODEC_KEYS:
        process.env.TEMPORAL_CODEC_KEYS ??
        `local1:${secretFile('temporal-codec.key', () => randomBytes(32).toString('base64'))}`,
      TEMPORAL_UI_ORIGINS: process.env.TEMPORAL_UI_ORIGINS ?? temporal.uiUrl ?? '',
      PORT: String(port('PORT', 3000)),
    });
    // The web app the API serves at /: rebuilt only when apps/web or the OpenAPI changed.
    await buildWebApp({ log: (line) => console.log(line.replace('[web]', '[up]')) });
    // Loaded after the environment is set: both read their configuration at start.
    const { startWorker } = await import('../../apps/worker/src/worker');
    const { createApi } = await import('../../apps/api/src/api');
    const worker = await startWorker();
    stops.push(() => worker.shutdown());
    const api = await createApi();
    await api.listen(Number(process.env.PORT), '127.0.0.1');
    stops.push(() => api.close());
    const apiBase = `http://127.0.0.1:${process.env.PORT}/api`;
    if (firstStart) console.log(`[up] demo data: ${await seedDossiers(apiBase)} dossiers created`);
    if (firstStart) {
      const emulation = await seedEmulation(apiBase);
      console.log(
        `[up] demo data: ${emulation.blocks} emulation blocks, 1 movement, ${emulation.registrations} registrations, ${emulation.models} exemplary models`,
      );
    }

    console.log(`
  Web app          http://127.0.0.1:${process.env.PORT}/          (open it in a browser; sign in as a demo user)
  API              ${apiBase}          (try: curl ${apiBase}/health)
  OpenAPI docs     ${apiBase}/docs
  Temporal Web UI  ${temporal.uiUrl}
  Database         ${db.runtime}   (the app's role; DATABASE_URL=… npm run cli -- verify-chain)
  Migrations as    ${db.owner}
  Log in           curl -X POST ${apiBase}/auth/token -H 'content-type: application/json' -d '{"username":"clerk.sgddt"}'
  Demo users       clerk.sgddt head.sgddt clerk.syt secretariat.officer council.chair council.member1 council.member2 chairman auditor …

  Ctrl-C stops everything. Data stays in ${CACHE}.`);
  } catch (e) {
    console.error('[up] failed to start:', e);
    await stopAll();
    process.exit(1);
  }
}

void main();
