import type { DataSource } from 'typeorm';
import { Where } from './sql';
import type { ExemplaryModelState } from '@tdkt/domain';

export interface ExemplaryModelView {
  modelId: string;
  title: string;
  subjectKind: string;
  subjectName: string;
  unitCode: string;
  field: string;
  movementId: string | null;
  stage: string;
  foundOn: string;
  state: ExemplaryModelState;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export interface ExemplaryModelFilter {
  movementId?: string;
  stage?: string;
  unitCode?: string;
  field?: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
interface Row {
  id: string;
  title: string;
  subject_kind: string;
  subject_name: string;
  unit_code: string;
  field: string;
  movement_id: string | null;
  stage: string;
  found_on: string;
  state: ExemplaryModelState;
  created_by: string;
  created_at: Date;
  updated_at: Date;
}
const toView = (r: Row): ExemplaryModelView => ({
  modelId: r.id,
  title: r.title,
  subjectKind: r.subject_kind,
  subjectName: r.subject_name,
  unitCode: r.unit_code,
  field: r.field,
  movementId: r.movement_id,
  stage: r.stage,
  foundOn: r.found_on,
  state: r.state,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
  updatedAt: r.updated_at.toISOString(),
});

/** The register of exemplary models. */
export class ExemplaryModelQueries {
  constructor(private readonly dataSource: DataSource) {}

  async findById(id: string): Promise<ExemplaryModelView | undefined> {
    if (!UUID.test(id)) return undefined;
    const [row] = (await this.dataSource.query(`SELECT * FROM exemplary_model_view WHERE id = $1`, [id])) as Row[];
    return row && toView(row);
  }

  /** Latest found first; filtered by movement, stage, unit, field. */
  async list(filter: ExemplaryModelFilter = {}): Promise<ExemplaryModelView[]> {
    const w = new Where();
    if (filter.movementId) w.add('movement_id = ?', filter.movementId);
    if (filter.stage) w.add('stage = ?', filter.stage);
    if (filter.unitCode) w.add('unit_code = ?', filter.unitCode);
    if (filter.field) w.add('field = ?', filter.field);
    const rows = (await this.dataSource.query(
      `SELECT * FROM exemplary_model_view ${w.sql} ORDER BY found_on DESC, id LIMIT 1000`,
      w.params,
    )) as Row[];
    return rows.map(toView);
  }
}
