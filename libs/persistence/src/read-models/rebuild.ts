import type { DataSource } from 'typeorm';
import { EventStore } from '../event-store/event-store';
import { PROJECTIONS, READ_MODEL_TABLES } from './projections';

/**
 * Drops every read model's rows and replays the event table through the same projections the live path uses, in
 * one transaction (readers see the old rows until it commits). The event table is the only input.
 */
export async function rebuildReadModels(dataSource: DataSource): Promise<{ events: number; tables: string[] }> {
  const store = new EventStore(dataSource);
  return dataSource.transaction(async (m) => {
    await m.query(`LOCK TABLE dossier_event IN SHARE MODE`);
    await m.query(`TRUNCATE ${READ_MODEL_TABLES.join(', ')}`);
    let events = 0;
    for await (const page of store.readAll(1000, m)) {
      for (const e of page) {
        for (const project of PROJECTIONS) await project(m, e);
        events++;
      }
    }
    return { events, tables: [...READ_MODEL_TABLES] };
  });
}
