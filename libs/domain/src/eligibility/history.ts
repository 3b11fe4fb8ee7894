/**
 * The award history of one subject (a person, a collective or a household): the input of every eligibility check.
 * A plain serialisable value (arrays of records, ISO date strings, no Map, no Date) so the Postgres read model can
 * fill it and a Temporal workflow can receive it as an argument.
 */

/** Year-end task rating (xếp loại mức độ hoàn thành nhiệm vụ), best first. */
export const TASK_RATINGS = [
  'HTXS', // hoàn thành xuất sắc nhiệm vụ — completed excellently
  'HTTNV', // hoàn thành tốt nhiệm vụ — completed well
  'HTNV', // hoàn thành nhiệm vụ — completed
  'KHTNV', // không hoàn thành nhiệm vụ — not completed
] as const;
export type TaskRating = (typeof TASK_RATINGS)[number];

/** Scope an initiative or topic was recognised at: grassroots, ministry/province, nationwide. Lowest first. */
export const INITIATIVE_LEVELS = ['CO_SO', 'TINH', 'TOAN_QUOC'] as const;
/** A recognised initiative (sáng kiến) or a scientific topic (đề tài). */
export const RECOGNITION_KINDS = ['INITIATIVE', 'TOPIC'] as const;
export type InitiativeLevel = (typeof INITIATIVE_LEVELS)[number];

/** Commendation type (loại hình khen thưởng, Law Art. 8). Ad-hoc, long-service and seniority awards escape rule 16. */
export type CommendationType = 'PERIODIC' | 'AD_HOC' | 'THEMATIC' | 'LONG_SERVICE' | 'SENIORITY' | 'FOREIGN_RELATIONS';
const TYPES: readonly string[] = [
  'PERIODIC',
  'AD_HOC',
  'THEMATIC',
  'LONG_SERVICE',
  'SENIORITY',
  'FOREIGN_RELATIONS',
] satisfies CommendationType[];
export const isCommendationType = (value: string): value is CommendationType => TYPES.includes(value);

export interface YearRating {
  year: number;
  rating: TaskRating;
}

/** A title (danh hiệu) or form (hình thức) the subject received. */
export interface ReceivedAward {
  /** Code from the award catalog, e.g. CSTD_CO_SO, LD_TIEN_TIEN, BK_TINH. */
  awardCode: string;
  /**
   * The year the award counts for: the emulation year of an annual title, the last year of the period of a
   * multi-year title (CSTĐ tỉnh), the achievement year written in the decision of a form.
   */
  year: number;
  /** Date the decision was signed, ISO YYYY-MM-DD. */
  decisionDate: string;
  /**
   * The achievement period the decision names (thời gian lập thành tích), in years. A five-year window after the award
   * counts from its end (NĐ 98/2023 Điều 30(9)); from the decision date only when the decision names no period.
   * Absent in awards recorded or declared before it existed (then the decision date counts, the old meaning).
   */
  achievementPeriod?: AchievementPeriod;
  /** The achievement the award rewarded; one achievement gets one reward (rule 13). */
  achievementId: string;
  /** PERIODIC when absent. */
  commendationType?: CommendationType;
}

/** The years of an achievement period, e.g. { fromYear: 2019, toYear: 2019 } for "thành tích năm 2019". */
export interface AchievementPeriod {
  fromYear?: number;
  toYear: number;
}

/** The recognition of an initiative: the decision, the level that recognised it, the date. */
export interface InitiativeRecognition {
  decision: string;
  level: InitiativeLevel;
  /** ISO date. */
  date: string;
}

/** A recognised initiative (sáng kiến) or accepted science topic (đề tài khoa học). */
export interface RecognisedInitiative {
  /** Its name or number as the recognition decision writes it; the registry matches it normalised. */
  id: string;
  kind: (typeof RECOGNITION_KINDS)[number];
  level: InitiativeLevel;
  /** Year it was recognised. */
  year: number;
  /** The decision that recognised it; absent in records declared before it existed. */
  recognition?: InitiativeRecognition;
  /** The award proposal that already used it as a standard, if any (rule 12: one use ever). */
  usedByProposalId?: string;
}

/** A collective's headcount in a year and how many members hold Lao động tiên tiến that year (rule 11). */
export interface CollectiveYear {
  year: number;
  members: number;
  membersWithLdtt: number;
}

export interface AwardHistory {
  subjectId: string;
  ratings: readonly YearRating[];
  awards: readonly ReceivedAward[];
  initiatives: readonly RecognisedInitiative[];
  /** Only for collectives. */
  collectiveYears: readonly CollectiveYear[];
  /** Months since the person joined or the collective was formed, counted to the end of the evaluation year (rule 17). */
  monthsSinceJoining?: number;
}

export const emptyHistory = (subjectId: string): AwardHistory => ({
  subjectId,
  ratings: [],
  awards: [],
  initiatives: [],
  collectiveYears: [],
});

export const ratingIn = (history: AwardHistory, year: number): TaskRating | undefined =>
  history.ratings.find((r) => r.year === year)?.rating;

/** True when `rating` is `min` or better. A missing rating is never good enough. */
export const ratedAtLeast = (rating: TaskRating | undefined, min: TaskRating): boolean =>
  rating !== undefined && TASK_RATINGS.indexOf(rating) <= TASK_RATINGS.indexOf(min);

export const levelAtLeast = (level: InitiativeLevel, min: InitiativeLevel): boolean =>
  INITIATIVE_LEVELS.indexOf(level) >= INITIATIVE_LEVELS.indexOf(min);

/** Years (ascending, distinct) in which the subject holds any of the given award codes. */
export function yearsHolding(history: AwardHistory, codes: readonly string[]): number[] {
  const years = history.awards.filter((a) => codes.includes(a.awardCode)).map((a) => a.year);
  return [...new Set(years)].sort((a, b) => a - b);
}

/** Years (ascending, distinct) rated `min` or better. */
export function yearsRatedAtLeast(history: AwardHistory, min: TaskRating): number[] {
  const years = history.ratings.filter((r) => ratedAtLeast(r.rating, min)).map((r) => r.year);
  return [...new Set(years)].sort((a, b) => a - b);
}

/** Awards of one code, earliest decision first. ISO dates order as plain strings (no locale, so deterministic). */
export const awardsOf = (history: AwardHistory, code: string): ReceivedAward[] =>
  history.awards
    .filter((a) => a.awardCode === code)
    .sort((a, b) => (a.decisionDate < b.decisionDate ? -1 : a.decisionDate > b.decisionDate ? 1 : 0));

/**
 * The unbroken run of years ending at `end` (ascending) in which `years` holds, never earlier than `from`.
 * Empty when `end` itself is not held.
 */
export function runEndingAt(years: readonly number[], end: number, from: number = Number.NEGATIVE_INFINITY): number[] {
  const held = new Set(years);
  const run: number[] = [];
  for (let y = end; y >= from && held.has(y); y--) run.unshift(y);
  return run;
}

export const yearOfDate = (isoDate: string): number => Number(isoDate.slice(0, 4));
