import type { DataSource } from 'typeorm';
import type { BlockMember, BlockStanding, BlockYearState } from '@tdkt/domain';

export interface EmulationBlockView {
  blockId: string;
  code: string;
  name: string;
  provinceCode: string;
  members: BlockMember[];
  createdBy: string;
  createdAt: string;
}

export interface BlockYearView {
  blockYearId: string;
  blockId: string;
  year: number;
  phase: string;
  headUnit: string;
  deputyUnit: string;
  selfAssessmentDeadline: string | null;
  state: BlockYearState;
  updatedAt: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
interface BlockRow {
  id: string;
  code: string;
  name: string;
  province_code: string;
  members: BlockMember[];
  created_by: string;
  created_at: Date;
}
interface YearRow {
  id: string;
  block_id: string;
  year: number;
  phase: string;
  head_unit: string;
  deputy_unit: string;
  self_assessment_deadline: string | null;
  state: BlockYearState;
  updated_at: Date;
}
const toBlock = (r: BlockRow): EmulationBlockView => ({
  blockId: r.id,
  code: r.code,
  name: r.name,
  provinceCode: r.province_code,
  members: r.members,
  createdBy: r.created_by,
  createdAt: r.created_at.toISOString(),
});
const toYear = (r: YearRow): BlockYearView => ({
  blockYearId: r.id,
  blockId: r.block_id,
  year: r.year,
  phase: r.phase,
  headUnit: r.head_unit,
  deputyUnit: r.deputy_unit,
  selfAssessmentDeadline: r.self_assessment_deadline,
  state: r.state,
  updatedAt: r.updated_at.toISOString(),
});

/** The emulation read models: blocks, block years, and the standing of a unit in its block's ranking. */
export class EmulationQueries {
  constructor(private readonly dataSource: DataSource) {}

  async listBlocks(provinceCode?: string): Promise<EmulationBlockView[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM emulation_block_view ${provinceCode ? 'WHERE province_code = $1' : ''} ORDER BY province_code, code`,
      provinceCode ? [provinceCode] : [],
    )) as BlockRow[];
    return rows.map(toBlock);
  }

  async findBlock(id: string): Promise<EmulationBlockView | undefined> {
    if (!UUID.test(id)) return undefined;
    const [row] = (await this.dataSource.query(`SELECT * FROM emulation_block_view WHERE id = $1`, [id])) as BlockRow[];
    return row && toBlock(row);
  }

  async findBlockByCode(provinceCode: string, code: string): Promise<EmulationBlockView | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT * FROM emulation_block_view WHERE province_code = $1 AND code = $2`,
      [provinceCode, code],
    )) as BlockRow[];
    return row && toBlock(row);
  }

  async findBlockYear(id: string): Promise<BlockYearView | undefined> {
    if (!UUID.test(id)) return undefined;
    const [row] = (await this.dataSource.query(`SELECT * FROM block_year_view WHERE id = $1`, [id])) as YearRow[];
    return row && toYear(row);
  }

  async yearsOf(blockId: string): Promise<BlockYearView[]> {
    if (!UUID.test(blockId)) return [];
    return (
      (await this.dataSource.query(`SELECT * FROM block_year_view WHERE block_id = $1 ORDER BY year DESC`, [
        blockId,
      ])) as YearRow[]
    ).map(toYear);
  }

  /** The block's latest year before `year` (for the rotation of head and deputy). */
  async previousYear(blockId: string, year: number): Promise<BlockYearView | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT * FROM block_year_view WHERE block_id = $1 AND year < $2 ORDER BY year DESC LIMIT 1`,
      [blockId, year],
    )) as YearRow[];
    return row && toYear(row);
  }

  /** Where a unit stands in its blocks' rankings, one per year (the closed ranking first), newest year first. */
  async standingsOf(unitCode: string): Promise<BlockStanding[]> {
    const rows = (await this.dataSource.query(
      `SELECT DISTINCT ON (year) block_id, block_name, year, rank, ranked_members FROM block_ranking WHERE unit_code = $1 ORDER BY year DESC, closed DESC, rank`,
      [unitCode],
    )) as { block_id: string; block_name: string; year: number; rank: number; ranked_members: number }[];
    return rows.map((row) => ({
      blockId: row.block_id,
      blockName: row.block_name,
      year: row.year,
      rank: row.rank,
      rankedMembers: row.ranked_members,
    }));
  }

  /** Where a unit stands in its block's ranking of an emulation year (the closed ranking first), if ranked. */
  async standingOf(unitCode: string, year: number): Promise<BlockStanding | undefined> {
    const [row] = (await this.dataSource.query(
      `SELECT block_id, block_name, year, rank, ranked_members FROM block_ranking WHERE unit_code = $1 AND year = $2 ORDER BY closed DESC, rank LIMIT 1`,
      [unitCode, year],
    )) as { block_id: string; block_name: string; year: number; rank: number; ranked_members: number }[];
    return (
      row && {
        blockId: row.block_id,
        blockName: row.block_name,
        year: row.year,
        rank: row.rank,
        rankedMembers: row.ranked_members,
      }
    );
  }
}
