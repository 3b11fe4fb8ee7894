import type { DataSource } from 'typeorm';
import { EVENT_APPEND_LOCK_KEY, EventStore } from '../event-store/event-store';
import { projectAll, READ_MODEL_TABLES } from './projections';

/**
 * Drops every read model's rows and replays the event table, a page at a time, through the same projections the live path uses, in
 * one transaction (readers see the old rows until it commits). The event table is the only input.
 */
export async function rebuildReadModels(dataSource: DataSource): Promise<{ events: number; tables: string[] }> {
  const store = new EventStore(dataSource);
  return dataSource.transaction(async (m) => {
    // No append commits while the replay runs (appends hold this lock shared); the app's role may not LOCK the event table.
    await m.query(`SELECT pg_advisory_xact_lock($1)`, [EVENT_APPEND_LOCK_KEY]);
    await m.query(`TRUNCATE ${READ_MODEL_TABLES.join(', ')}`);
    let events = 0;
    for await (const page of store.readAll(1000, m)) {
      await projectAll(m, page);
      events += page.length;
    }
    return { events, tables: [...READ_MODEL_TABLES] };
  });
}
