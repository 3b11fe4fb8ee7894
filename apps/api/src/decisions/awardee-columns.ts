import { findAward } from '@tdkt/domain';
import type { DecisionAwardee } from '@tdkt/persistence';
import type { CsvColumn } from '../reports/csv';

const KIND_VI: Record<string, string> = { INDIVIDUAL: 'Cá nhân', COLLECTIVE: 'Tập thể', HOUSEHOLD: 'Hộ gia đình' };

/** A decision's awardees as CSV / .xlsx columns with Vietnamese headers (danh sách được khen thưởng). */
export const AWARDEE_COLUMNS: CsvColumn<DecisionAwardee & { formatted: string }>[] = [
  { header: 'Số quyết định', value: (r) => r.formatted },
  { header: 'Ngày ký', value: (r) => r.signedOn },
  { header: 'Họ và tên / Tên tập thể', value: (r) => r.nomineeName },
  { header: 'Đối tượng', value: (r) => KIND_VI[r.nomineeKind] ?? r.nomineeKind },
  { header: 'Hình thức khen thưởng', value: (r) => findAward(r.awardCode)?.nameVi ?? r.awardCode },
  { header: 'Đơn vị', value: (r) => r.unitName },
  { header: 'Mã đơn vị', value: (r) => r.unitCode },
  { header: 'Mã hồ sơ', value: (r) => r.dossierId },
  { header: 'Trạng thái hồ sơ', value: (r) => r.status },
];
