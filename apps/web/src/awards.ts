// The award catalog is domain data shared with the API (libs/domain, pure TypeScript with no imports).
import { AWARD_CATALOG, type AwardForm } from '../../../libs/domain/src/award/catalog';

export const AWARDS: readonly AwardForm[] = AWARD_CATALOG.filter((a) => !a.historical);
const byCode = new Map(AWARD_CATALOG.map((a) => [a.code, a]));

export function awardName(code: string, language: string): string {
  const a = byCode.get(code);
  return a ? (language.startsWith('vi') ? a.nameVi : a.nameEn) : code;
}
