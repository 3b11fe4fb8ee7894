import { createHash } from 'node:crypto';
import type { DataSource } from 'typeorm';
import {
  envelopeEvents,
  decideImportAwards,
  decisionLineKey,
  parseAwardTable,
  type Actor,
  type AwardImportField,
  type RowError,
} from '@tdkt/domain';
import type { EventStore } from '../event-store/event-store';
import { nameUuid } from './name-uuid';
import { readTable } from './tabular-file';

export interface AwardImportOutcome {
  fileSha256: string;
  dryRun: boolean;
  /** The import's stream id (set when the file was imported, now or earlier). */
  importId?: string;
  rows: number;
  imported: number;
  errors: RowError[];
  /** Why nothing was imported: row errors, or the same file imported before (the same SHA-256 is refused, never re-imported). */
  refusal?: { code: string; rule: string; message: string };
}

const CHUNK = 500;
export const sha256Of = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
export const awardImportIdOf = (fileSha256: string): string => nameUuid(`award-import:${fileSha256}`);

/**
 * Reads a spreadsheet of historical awards, checks every row, and (unless a dry run) appends the import's stream:
 * one AwardImportStarted, then one AwardImported per row, in chunks (each its own transaction; a crashed import is
 * finished by running it again: the same file maps to the same stream and request id, so written events are skipped).
 * Citizen ids are hashed by `hashCitizenId` as the table is read; nothing here logs a cell.
 */
export class AwardImporter {
  constructor(
    private readonly dataSource: DataSource,
    private readonly events: EventStore,
    private readonly hashCitizenId: (id: string) => string,
  ) {}

  async previousImport(
    fileSha256: string,
  ): Promise<{ importId: string; importedAt: string; complete: boolean } | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT id, imported_at, rows, imported_rows FROM award_import WHERE file_sha256 = $1`,
      [fileSha256],
    )) as {
      id: string;
      imported_at: Date;
      rows: number;
      imported_rows: number;
    }[];
    return (
      row && { importId: row.id, importedAt: row.imported_at.toISOString(), complete: row.imported_rows >= row.rows }
    );
  }

  async run(
    file: { bytes: Buffer; name: string },
    actor: Actor,
    options: {
      dryRun: boolean;
      mapping?: Partial<Record<AwardImportField, string>>;
      onProgress?: (done: number, total: number) => Promise<void> | void;
    },
  ): Promise<AwardImportOutcome> {
    const fileSha256 = sha256Of(file.bytes);
    const table = await readTable(file.bytes, file.name);
    const first = parseAwardTable(table, {
      hashCitizenId: this.hashCitizenId,
      ...(options.mapping ? { mapping: options.mapping } : {}),
    });
    const keys = [...new Set(first.awards.map((a) => a.subjectKey))];
    const recorded = keys.length
      ? ((await this.dataSource.query(
          `SELECT decision_number, subject_key, award_code FROM award_history WHERE subject_key = ANY($1) AND import_id IS DISTINCT FROM $2`,
          [keys, awardImportIdOf(fileSha256)],
        )) as {
          decision_number: string;
          subject_key: string;
          award_code: string;
        }[])
      : [];
    const alreadyRecorded = new Set(
      recorded.map((r) =>
        decisionLineKey({ decisionNumber: r.decision_number, subjectKey: r.subject_key, awardCode: r.award_code }),
      ),
    );
    const parsed = alreadyRecorded.size
      ? parseAwardTable(table, {
          hashCitizenId: this.hashCitizenId,
          alreadyRecorded,
          ...(options.mapping ? { mapping: options.mapping } : {}),
        })
      : first;
    const previous = await this.previousImport(fileSha256);
    const decision = decideImportAwards(
      { sha256: fileSha256, name: file.name },
      parsed,
      previous?.complete ? { alreadyImported: previous } : {},
      actor,
    );
    const base = { fileSha256, dryRun: options.dryRun, rows: parsed.awards.length, errors: parsed.errors };
    if (!decision.ok) {
      const { code, rule, message } = decision.rejection;
      return {
        ...base,
        imported: 0,
        refusal: { code, rule, message },
        ...(previous ? { importId: previous.importId } : {}),
      };
    }
    if (options.dryRun) return { ...base, imported: 0 };
    const importId = awardImportIdOf(fileSha256);
    const requestId = `award-import:${fileSha256}`;
    const occurredAt = new Date().toISOString();
    const events = envelopeEvents(importId, 0, decision.value, { actor, occurredAt, requestId });
    for (let i = 0; i < events.length; i += CHUNK) {
      await this.events.append(events.slice(i, i + CHUNK));
      await options.onProgress?.(Math.max(0, Math.min(i + CHUNK, events.length) - 1), parsed.awards.length);
    }
    return { ...base, importId, imported: parsed.awards.length };
  }
}
