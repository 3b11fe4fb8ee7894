import type { DataSource } from 'typeorm';
import {
  decideDirectoryImport,
  envelopeEvents,
  planDirectoryImport,
  sheetOf,
  type Actor,
  type RejectionCode,
  type DirectoryImportOptions,
  type DirectoryImportRow,
  type DirectoryImportSheet,
  type DirectoryRowError,
} from '@tdkt/domain';
import type { EventStore } from '../event-store/event-store';
import { unitStreamId, userStreamId } from '../directory/directory-admin';
import { sha256Of } from './award-importer';
import { readTables, UnreadableFile, type NamedTable } from './tabular-file';

/** A directory file is checked within its request and written in one transaction: at most this many rows (units and users together). */
export const MAX_DIRECTORY_IMPORT_ROWS = 5_000;

export interface DirectoryImportOutcome {
  fileSha256: string;
  fileName: string;
  dryRun: boolean;
  /** The tables found: which worksheet (or the CSV) was read as units, which as users. */
  sheets: { name: string; sheet: DirectoryImportSheet }[];
  /** The rows to record (a dry run) or recorded, in the order written: parents first, each entity's versions by start. */
  rows: { sheet: DirectoryImportSheet; row: number; key: string; action: 'CREATE' | 'UPDATE' }[];
  errors: DirectoryRowError[];
  imported: number;
  /** Why nothing was imported. */
  refusal?: { code: RejectionCode; rule: string; message: string };
}

export interface DirectoryImportRunOptions {
  dryRun: boolean;
  sheet?: DirectoryImportSheet;
  mapping?: DirectoryImportOptions['mapping'];
  today: string;
}

/** A file read and checked: the report so far (its refusal, if any) and the rows to write, parents first. */
export interface CheckedDirectoryImport {
  outcome: DirectoryImportOutcome;
  writes: readonly DirectoryImportRow[];
}

/** The request id of a row's event: the file and the row, so the history names the import a version came from. */
export const directoryImportRequestId = (fileSha256: string, row: Pick<DirectoryImportRow, 'sheet' | 'row'>): string =>
  `directory-import:${fileSha256}:${row.sheet}:${row.row}`;

const streamOf = (r: DirectoryImportRow): string => (r.sheet === 'units' ? unitStreamId(r.key) : userStreamId(r.key));

/**
 * Bulk import of units and users from a .csv (one table, units or users by its columns or `sheet`) or an .xlsx (the
 * worksheets named Đơn vị / Người dùng, or recognised by their columns). Every row is checked first; a file with any
 * error writes nothing. Otherwise every row's event is appended to its entity's directory stream (the history shows
 * the administrator and, by the request id, the file and row), all in ONE transaction: the whole file or nothing.
 * `check` reads and checks (a dry run is only that), `write` writes what a check passed (the API runs it as a job).
 */
export class DirectoryImporter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventStore,
  ) {}

  /** Checks the file and, unless it is a dry run or refused, writes its rows (the CLI; the API runs `write` as a job). */
  async run(
    file: { bytes: Buffer; name: string },
    actor: Actor,
    options: DirectoryImportRunOptions,
  ): Promise<DirectoryImportOutcome> {
    const checked = await this.check(file, actor, options);
    return checked.outcome.refusal || options.dryRun ? checked.outcome : this.write(checked, actor);
  }

  /**
   * Reads the file and checks every row against the directory; writes nothing. Throws UnreadableFile for a file that is
   * not a directory table (or has more than MAX_DIRECTORY_IMPORT_ROWS rows); a file with row errors, one already
   * imported or an actor who may not import comes back with its refusal.
   */
  async check(
    file: { bytes: Buffer; name: string },
    actor: Actor,
    options: DirectoryImportRunOptions,
  ): Promise<CheckedDirectoryImport> {
    const fileSha256 = sha256Of(file.bytes);
    const tables = this.tablesOf(await readTables(file.bytes, file.name), options.sheet);
    const rowCount = tables.reduce((n, t) => n + Math.max(0, t.rows.length - 1), 0);
    if (rowCount > MAX_DIRECTORY_IMPORT_ROWS)
      throw new UnreadableFile(`The file has more than ${MAX_DIRECTORY_IMPORT_ROWS} rows; split it`);
    const byKind = Object.fromEntries(tables.map((t) => [t.sheet, t.rows])) as Partial<
      Record<DirectoryImportSheet, string[][]>
    >;
    const plan = planDirectoryImport(
      byKind,
      await this.facts(byKind),
      { today: options.today, ...(options.mapping ? { mapping: options.mapping } : {}) },
      actor,
    );
    const previous = plan.rows[0] ? await this.previousImport(fileSha256, plan.rows[0]) : undefined;
    const decision = decideDirectoryImport(plan, previous ? { alreadyImported: previous } : {}, actor);
    const outcome: DirectoryImportOutcome = {
      fileSha256,
      fileName: file.name,
      dryRun: options.dryRun,
      sheets: tables.map((t) => ({ name: t.name, sheet: t.sheet })),
      rows: plan.rows.map(({ sheet, row, key, action }) => ({ sheet, row, key, action })),
      errors: plan.errors,
      imported: 0,
    };
    if (!decision.ok)
      return {
        outcome: {
          ...outcome,
          refusal: {
            code: decision.rejection.code,
            rule: decision.rejection.rule,
            message: decision.rejection.message,
          },
        },
        writes: [],
      };
    return { outcome, writes: decision.value };
  }

  /**
   * Writes a checked file's rows: one event per row in its entity's stream, ALL in one transaction (the whole file or
   * nothing: a process that dies midway leaves no row written). A row whose event (its request id: file and row) is
   * already in its stream is skipped, so running the same rows again writes each once. `onProgress` hears the rows
   * done so far (inside the transaction; nothing is visible to readers before the commit).
   */
  async write(
    checked: CheckedDirectoryImport,
    actor: Actor,
    onProgress?: (done: number, total: number) => Promise<void>,
  ): Promise<DirectoryImportOutcome> {
    const { outcome, writes } = checked;
    if (outcome.refusal) throw new Error('a refused directory import is not written');
    const occurredAt = new Date().toISOString();
    let imported = 0;
    await this.dataSource.transaction(async (m) => {
      for (const [i, r] of writes.entries()) {
        const streamId = streamOf(r);
        const requestId = directoryImportRequestId(outcome.fileSha256, r);
        const [{ n, written }] = (await m.query(
          `SELECT COALESCE(max(seq), 0)::int AS n, COALESCE(bool_or(request_id = $2), false) AS written FROM dossier_event WHERE stream_id = $1`,
          [streamId, requestId],
        )) as { n: number; written: boolean }[];
        if (!written) {
          const appended = await this.events.append(
            envelopeEvents(streamId, n, [r.event], { actor, occurredAt, requestId }),
            m,
          );
          if (!appended.duplicate) imported++;
        }
        await onProgress?.(i + 1, writes.length);
      }
    });
    return { ...outcome, imported };
  }

  /** The tables to read: the one `sheet` names (a CSV), or every worksheet recognised as units or users. */
  private tablesOf(
    tables: readonly NamedTable[],
    sheet?: DirectoryImportSheet,
  ): (NamedTable & { sheet: DirectoryImportSheet })[] {
    const found = tables.flatMap((t) => {
      const kind = tables.length === 1 && sheet ? sheet : sheetOf(t.name, t.rows[0] ?? []);
      return kind && (!sheet || kind === sheet) ? [{ ...t, sheet: kind }] : [];
    });
    if (!found.length)
      throw new UnreadableFile(
        'No table of units or users found: name the worksheets Đơn vị and Người dùng, or use the documented column titles',
      );
    if (new Set(found.map((t) => t.sheet)).size < found.length)
      throw new UnreadableFile('The workbook has two worksheets of the same kind (units or users); keep one of each');
    return found;
  }

  /** An earlier import of the same file: its first row's event is in that row's stream (imports are all-or-nothing). */
  private async previousImport(
    fileSha256: string,
    first: DirectoryImportRow,
  ): Promise<{ at: string; by: string } | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT occurred_at, actor_id FROM dossier_event WHERE stream_id = $1 AND request_id = $2 LIMIT 1`,
      [streamOf(first), directoryImportRequestId(fileSha256, first)],
    )) as { occurred_at: Date; actor_id: string }[];
    return row && { at: row.occurred_at.toISOString(), by: row.actor_id };
  }

  /** What the directory holds about every code, id, username and OIDC subject the file names. */
  private async facts(tables: Partial<Record<DirectoryImportSheet, string[][]>>) {
    const cells = [...(tables.units ?? []), ...(tables.users ?? [])]
      .flat()
      .map((c) => c.trim())
      .filter(Boolean);
    const values = [...new Set(cells)];
    const units = (await this.dataSource.query(
      `SELECT u.code, u.province_code, u.valid_to, COALESCE((SELECT min(v.valid_from) FROM org_unit_version v WHERE v.code = u.code), u.valid_from)::text AS valid_from
         FROM org_unit u WHERE u.code = ANY($1)`,
      [values],
    )) as { code: string; province_code: string; valid_from: string | null; valid_to: string | null }[];
    const users = (await this.dataSource.query(
      `SELECT id, username, oidc_sub, active FROM app_user WHERE id = ANY($1) OR username = ANY($1) OR oidc_sub = ANY($1)`,
      [values],
    )) as {
      id: string;
      username: string;
      oidc_sub: string | null;
      active: boolean;
    }[];
    return {
      units: new Map(
        units.map((u) => [u.code, { provinceCode: u.province_code, validFrom: u.valid_from, validTo: u.valid_to }]),
      ),
      users: new Map(users.map((u) => [u.id, { username: u.username, active: u.active }])),
      usernames: new Map(users.filter((u) => u.active).map((u) => [u.username, u.id])),
      oidcSubs: new Map(users.filter((u) => u.active && u.oidc_sub).map((u) => [u.oidc_sub!, u.id])),
    };
  }
}
