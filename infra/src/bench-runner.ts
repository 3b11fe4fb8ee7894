/**
 * Starts an embedded Postgres on a free port (unless DATABASE_URL is set), runs a benchmark — bench/src/main.ts, or
 * bench/src/<name>.ts for `npm run bench -- <name>` (e.g. award-import) —, stops it. Arguments after the name go to
 * the benchmark (`npm run bench -- reads --scale 1000000`).
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { CACHE, freePort, ROOT, startPostgres } from './runtime';

async function main(): Promise<number> {
  const named = process.argv[2] !== undefined && !process.argv[2].startsWith('--');
  const script = named ? process.argv[2] : 'main';
  const args = process.argv.slice(named ? 3 : 2);
  if (!/^[a-z][a-z-]*$/.test(script))
    throw new Error(`no benchmark "${script}": name one of bench/src/*.ts without .ts`);
  let url = process.env.DATABASE_URL;
  let stop: () => Promise<void> = async () => undefined;
  if (!url) {
    const pg = await startPostgres({
      port: await freePort(),
      dataDir: join(CACHE, `bench-${process.pid}`, 'pg'),
      persistent: false,
      // The write bench counts SQL statements per dossier with pg_stat_statements, and their planning time apart.
      ...(script === 'writes'
        ? {
            settings: {
              shared_preload_libraries: 'pg_stat_statements',
              'pg_stat_statements.track_planning': 'on',
            },
          }
        : {}),
    });
    url = pg.url;
    stop = () => pg.stop();
  }
  try {
    return await new Promise<number>((ok) =>
      spawn(
        process.execPath,
        ['-r', 'ts-node/register/transpile-only', join(ROOT, 'bench', 'src', `${script}.ts`), ...args],
        {
          stdio: 'inherit',
          env: { ...process.env, DATABASE_URL: url },
        },
      ).on('exit', (c) => ok(c ?? 1)),
    );
  } finally {
    await stop();
  }
}

main().then(
  (c) => process.exit(c),
  (e: unknown) => (console.error(e), process.exit(1)),
);
