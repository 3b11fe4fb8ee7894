import type { DataSource } from 'typeorm';
import { EVENT_APPEND_LOCK_KEY, EventStore } from '../event-store/event-store';
import { projectAll, READ_MODEL_TABLES } from './projections';

export interface RebuildOptions {
  /** Events per page read from the table and projected as one batch. */
  pageSize?: number;
  /** Called after each page with the events replayed so far (inside the transaction: readers still see the old rows). */
  onProgress?: (events: number) => Promise<void> | void;
}

/**
 * Empties every read model and replays the event table, a page at a time, through the same projections the live path
 * uses, in one transaction. Online for readers: the rows are deleted, not truncated (TRUNCATE would lock every read
 * model against reads until the commit), so the API goes on answering from the old rows until the new ones commit.
 * Appends wait for the commit (they take the append lock shared). The event table is the only input.
 */
export async function rebuildReadModels(
  dataSource: DataSource,
  options: RebuildOptions = {},
): Promise<{ events: number; tables: string[] }> {
  const store = new EventStore(dataSource);
  return dataSource.transaction(async (m) => {
    // No append commits while the replay runs (appends hold this lock shared); the app's role may not LOCK the event table.
    await m.query(`SELECT pg_advisory_xact_lock($1)`, [EVENT_APPEND_LOCK_KEY]);
    for (const table of READ_MODEL_TABLES) await m.query(`DELETE FROM ${table}`);
    let events = 0;
    for await (const page of store.readAll(options.pageSize ?? 1000, m)) {
      await projectAll(m, page);
      events += page.length;
      await options.onProgress?.(events);
    }
    return { events, tables: [...READ_MODEL_TABLES] };
  });
}
