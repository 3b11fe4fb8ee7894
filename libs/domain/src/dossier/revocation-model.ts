/**
 * What a revocation is (hủy bỏ quyết định khen thưởng, Law Ch. VII): its grounds, the recovery tasks and records. Data
 * only, so the dossier's state, events and commands can name it without importing the revocation's decisions.
 */
/** The grounds of Law Ch. VII, clauses (a)–(d), as the law page §8.1 summarises them. */
export const REVOCATION_GROUNDS = [
  'FRAUDULENT_DECLARATION',
  'FALSE_INFORMATION_OR_FORGERY',
  'UNLAWFUL_PROCEDURE',
  'VIOLATION_FOUND_BY_AUTHORITY',
] as const;
export type RevocationGround = (typeof REVOCATION_GROUNDS)[number];

export interface GroundInfo {
  clause: 'a' | 'b' | 'c' | 'd';
  vi: string;
  en: string;
}

/**
 * The English wording follows the law page (source: vietjack.me, Luật TĐKT 2022 chương VII). The law page gives no
 * Vietnamese text and no article number: the Vietnamese labels are translations, UNCONFIRMED against the statute.
 */
export const REVOCATION_GROUND_INFO: Readonly<Record<RevocationGround, GroundInfo>> = {
  FRAUDULENT_DECLARATION: {
    clause: 'a',
    vi: 'Gian dối trong việc kê khai thành tích, công trạng',
    en: 'Achievements or merits were fraudulently declared',
  },
  FALSE_INFORMATION_OR_FORGERY: {
    clause: 'b',
    vi: 'Cung cấp thông tin sai sự thật hoặc làm giả hồ sơ, giấy tờ',
    en: 'False information was given or dossier documents were forged',
  },
  UNLAWFUL_PROCEDURE: {
    clause: 'c',
    vi: 'Thẩm định, xét duyệt, phê duyệt, đề nghị khen thưởng trái pháp luật',
    en: 'Appraisal, review, approval or proposal was contrary to law',
  },
  VIOLATION_FOUND_BY_AUTHORITY: {
    clause: 'd',
    vi: 'Có kết luận, quyết định, bản án của cơ quan có thẩm quyền xác định vi phạm dẫn đến không đạt tiêu chuẩn trong thời gian tính thành tích',
    en: "A competent authority's conclusion, decision or judgment finds violations meaning the standards were not met in the period counted, or relating to the work behind a prize",
  },
};
/** For a rule set that names no basis of its own (none shipped today): the Law's article. */
export const REVOCATION_LEGAL_BASIS = 'Luật Thi đua, khen thưởng số 06/2022/QH15, Điều 93';

export const isRevocationGround = (value: string): value is RevocationGround =>
  (REVOCATION_GROUNDS as readonly string[]).includes(value);

/** What must be recovered: the award objects (certificate, badge, flag …) and the bonus money. */
export const RECOVERY_ITEMS = ['AWARD_OBJECT', 'BONUS'] as const;
export type RecoveryItem = (typeof RECOVERY_ITEMS)[number];

export type RecoveryTask =
  | { item: 'AWARD_OBJECT'; description: string }
  | {
      item: 'BONUS';
      description: string;
      amountVnd: number | null;
      multiplier: number | null;
      baseSalaryVnd: number;
      basis: string;
    };

export interface RecoveryRecord {
  item: RecoveryItem;
  recordedOn: string;
  note?: string;
  /** The amount actually recovered (bonus only). */
  amountVnd?: number;
}

export interface Revocation {
  ground: RevocationGround;
  reason: string;
  /** The decision that revokes the award (số quyết định hủy bỏ). */
  decisionRef: string;
  revokedOn: string;
  tasks: RecoveryTask[];
  recovered: RecoveryRecord[];
  completedOn?: string;
}
