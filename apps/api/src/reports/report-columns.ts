/** The reports' rows as CSV / .xlsx columns with Vietnamese headers, and the statistics filter of a query. */
import type { AwardCountRow, FiveYearRow, MovementAwardCountRow, StageTime, StatisticsFilter } from '@tdkt/persistence';
import type { CsvColumn } from './csv';
import type { StatisticsQuery } from './reports-query.dto';

const LEVEL_VI: Record<string, string> = { STATE: 'Nhà nước', PROVINCIAL: 'Tỉnh', GRASSROOTS: 'Cơ sở' };
const DECIDER_VI: Record<string, string> = {
  PRESIDENT: 'Chủ tịch nước',
  PRIME_MINISTER: 'Thủ tướng Chính phủ',
  PROVINCIAL_CHAIRMAN: 'Chủ tịch UBND tỉnh',
  UNIT_HEAD: 'Thủ trưởng đơn vị',
};

export const AWARD_COLUMNS: CsvColumn<AwardCountRow>[] = [
  { header: 'Năm', value: (r) => r.year },
  { header: 'Mã hình thức', value: (r) => r.awardCode },
  { header: 'Hình thức khen thưởng', value: (r) => r.awardName },
  { header: 'Cấp', value: (r) => LEVEL_VI[r.level] ?? r.level },
  { header: 'Thẩm quyền quyết định', value: (r) => DECIDER_VI[r.decider] ?? r.decider },
  { header: 'Mã đơn vị', value: (r) => r.unitCode },
  { header: 'Đơn vị', value: (r) => r.unitName },
  { header: 'Mã tỉnh', value: (r) => r.provinceCode },
  { header: 'Tổng số', value: (r) => r.total },
  { header: 'Cá nhân', value: (r) => r.individuals },
  { header: 'Tập thể', value: (r) => r.collectives },
  { header: 'Hộ gia đình', value: (r) => r.households },
  { header: 'Cá nhân trực tiếp lao động, công tác', value: (r) => r.directWorkers },
];

export const MOVEMENT_AWARD_COLUMNS: CsvColumn<MovementAwardCountRow>[] = [
  { header: 'Mã phong trào', value: (r) => r.movementId },
  { header: 'Phong trào thi đua', value: (r) => r.movementName },
  { header: 'Tổng số', value: (r) => r.total },
  { header: 'Cấp Nhà nước', value: (r) => r.state },
  { header: 'Cấp tỉnh', value: (r) => r.provincial },
  { header: 'Cấp cơ sở', value: (r) => r.grassroots },
  { header: 'Cá nhân', value: (r) => r.individuals },
  { header: 'Tập thể', value: (r) => r.collectives },
  { header: 'Hộ gia đình', value: (r) => r.households },
];

export const STAGE_COLUMNS: CsvColumn<StageTime>[] = [
  { header: 'Mã giai đoạn', value: (r) => r.stage },
  { header: 'Giai đoạn', value: (r) => r.label },
  { header: 'Số hồ sơ', value: (r) => r.count },
  { header: 'Trung vị (ngày)', value: (r) => r.medianDays },
  { header: 'Phân vị 90 (ngày)', value: (r) => r.p90Days },
];

export const FIVE_YEAR_COLUMNS: CsvColumn<FiveYearRow>[] = [
  { header: 'STT', value: (r) => r.no },
  { header: 'Hình thức khen thưởng', value: (r) => r.label },
  { header: 'Cấp', value: (r) => LEVEL_VI[r.level] ?? r.level },
  { header: 'Tổng số', value: (r) => r.count },
  { header: 'Cá nhân', value: (r) => r.individuals },
  { header: 'Tập thể', value: (r) => r.collectives },
  { header: 'Hộ gia đình', value: (r) => r.households },
  { header: 'Mã hình thức', value: (r) => r.awardCodes.join('; ') },
];

export const filterOf = (q: StatisticsQuery): StatisticsFilter => ({
  fromYear: q.fromYear,
  toYear: q.toYear,
  ...(q.provinceCode ? { provinceCode: q.provinceCode } : {}),
  ...(q.unitCode ? { unitCode: q.unitCode } : {}),
  ...(q.awardCode ? { awardCode: q.awardCode } : {}),
  ...(q.level ? { level: q.level } : {}),
  ...(q.movementId ? { movementId: q.movementId } : {}),
});
