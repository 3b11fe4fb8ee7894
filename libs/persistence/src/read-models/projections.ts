import type { EntityManager } from 'typeorm';
import type { EventEnvelope } from '@tdkt/domain';
import { projectDossierView } from './dossier-projection';

export type Projection = (m: EntityManager, e: EventEnvelope) => Promise<void>;

/**
 * Every read model: its projection (run for each event, inline in the append transaction and in a rebuild) and the
 * tables it owns (truncated before a rebuild). Add a read model by adding one entry.
 */
export const READ_MODELS: readonly { name: string; project: Projection; tables: readonly string[] }[] = [
  { name: 'dossier board', project: projectDossierView, tables: ['dossier_view'] },
];

export const PROJECTIONS: readonly Projection[] = READ_MODELS.map((r) => r.project);
export const READ_MODEL_TABLES: readonly string[] = READ_MODELS.flatMap((r) => r.tables);
