/**
 * `npm run bench -- award-import`: importing award history (issue 11) — 100,000 rows (BENCH_AWARD_ROWS) in files of at
 * most 50,000 rows, the importer's limit — through AwardImporter (read the CSV, check every row, hash the citizen ids,
 * append one AwardImported event per row with the hash chain and the award-history projection), against a plain
 * `COPY … FROM` of the same files into a table of the same text columns, in the same run and database. The baseline
 * is a server-side COPY of a file on this machine, so it needs a role that may read server files (the embedded
 * Postgres `npm run bench` starts is run as its superuser).
 */
import { createHmac } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AwardImporter, MAX_IMPORT_ROWS, runMigrations, eventStoreWithReadModels } from '@tdkt/persistence';
import { benchDatabase, runBench } from './scratch';

const ROWS = Number(process.env.BENCH_AWARD_ROWS ?? 100_000);
const HEADER = 'STT,Họ và tên,Số CCCD,Mã đơn vị,Hình thức khen thưởng,Năm,Số quyết định,Ngày quyết định';
const AWARDS = ['BK_TINH', 'CSTD_CO_SO', 'LD_TIEN_TIEN', 'CSTD_TINH'];

/** One file's CSV: distinct people (12-digit citizen ids), decision lines distinct within and across files. */
function csvFile(from: number, count: number): string {
  const lines = [HEADER];
  for (let i = from; i < from + count; i++) {
    const year = 2005 + (i % 18);
    lines.push(
      [
        i + 1,
        `Nguyễn Văn Thử ${i}`,
        String(100_000_000_000 + i),
        `DV${i % 400}`,
        AWARDS[i % AWARDS.length],
        year,
        `${1 + (i % 900)}/QĐ-UBND-${year}`,
        `15/12/${year}`,
      ].join(','),
    );
  }
  return `${lines.join('\n')}\n`;
}

async function time<T>(fn: () => Promise<T>): Promise<[number, T]> {
  const t0 = process.hrtime.bigint();
  const result = await fn();
  return [Number(process.hrtime.bigint() - t0) / 1e6, result];
}

async function main(): Promise<void> {
  const { ds, drop } = await benchDatabase('bench_import');
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-bench-'));
  chmodSync(dir, 0o755); // the server process (another OS user) reads the files
  try {
    await runMigrations(ds);
    const files: { path: string; bytes: Buffer; rows: number }[] = [];
    for (let from = 0; from < ROWS; from += MAX_IMPORT_ROWS) {
      const rows = Math.min(MAX_IMPORT_ROWS, ROWS - from);
      const bytes = Buffer.from(csvFile(from, rows), 'utf8');
      const path = join(dir, `khen-thuong-${from}.csv`);
      writeFileSync(path, bytes, { mode: 0o644 });
      files.push({ path, bytes, rows });
    }

    await ds.query(
      `CREATE TABLE bench_copy (stt text, full_name text, citizen_id text, unit_code text, award text, year text, decision_number text, decided_on text)`,
    );
    const [copyMs] = await time(async () => {
      for (const f of files)
        await ds.query(`COPY bench_copy FROM '${f.path.replace(/'/g, "''")}' WITH (FORMAT csv, HEADER true)`);
    });
    const [{ copied }] = (await ds.query(`SELECT count(*)::int AS copied FROM bench_copy`)) as { copied: number }[];

    const importer = new AwardImporter(ds, eventStoreWithReadModels(ds), (id) =>
      createHmac('sha256', 'bench-pii-hash-key-0123456789').update(id).digest('hex'),
    );
    const actor = { userId: 'bench', role: 'ADMINISTRATOR' as const };
    const [dryMs] = await time(async () => {
      for (const [i, f] of files.entries()) {
        const out = await importer.run({ bytes: f.bytes, name: `khen-thuong-${i}.csv` }, actor, { dryRun: true });
        if (out.errors.length || out.refusal)
          throw new Error(
            `dry run of file ${i}: ${out.refusal?.message ?? ''} ${JSON.stringify(out.errors.slice(0, 3))}`,
          );
      }
    });
    const [importMs, imported] = await time(async () => {
      let n = 0;
      for (const [i, f] of files.entries())
        n += (await importer.run({ bytes: f.bytes, name: `khen-thuong-${i}.csv` }, actor, { dryRun: false })).imported;
      return n;
    });
    const [{ history }] = (await ds.query(
      `SELECT count(*)::int AS history FROM award_history WHERE import_id IS NOT NULL`,
    )) as { history: number }[];
    if (copied !== ROWS || imported !== ROWS || history !== ROWS)
      throw new Error(
        `expected ${ROWS} rows everywhere: copied ${copied}, imported ${imported}, award history ${history}`,
      );

    const perSecond = (ms: number) => `${(ROWS / (ms / 1000)).toFixed(0).padStart(8)} rows/s`;
    const line = (label: string, ms: number) =>
      `${label.padEnd(58)} ${ms.toFixed(0).padStart(8)} ms ${perSecond(ms)}   ×${(ms / copyMs).toFixed(1)} of COPY`;
    console.log(
      `award history: ${ROWS} rows in ${files.length} CSV file(s) of at most ${MAX_IMPORT_ROWS} rows (${(files.reduce((n, f) => n + f.bytes.length, 0) / 1024 / 1024).toFixed(1)} MB)`,
    );
    console.log(line('baseline: COPY … FROM the same files into a plain table', copyMs));
    console.log(line('dry run: read, check every row, hash citizen ids', dryMs));
    console.log(line('import: the dry run + AwardImported events, chain, projection', importMs));
    console.log(
      `import vs COPY: ${(copyMs / importMs).toFixed(4)} (the importer's rows/s as a share of COPY's; for comparison between runs only)`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await drop();
  }
}

runBench(main);
