/**
 * Dossier completeness (thành phần hồ sơ): which parts a dossier needs for its award, route and variant, as a table
 * per rule-set version (law page rules 18–22), and a pure check that lists what is missing or unacceptable.
 */
import { findAward, type Route, type SubjectKind } from '../award/catalog';
import { RULE_SET_2024, RULE_SET_2025, RULE_SETS } from '../rule-set/rule-sets';
import { councilRuleFor, ruleSetByVersion } from '../rule-set/select';
import type { RuleSet } from '../rule-set/types';

/**
 * TO_TRINH tờ trình — the proposing level's letter of proposal; BAO_CAO_THANH_TICH báo cáo thành tích — achievement
 * report; BIEN_BAN biên bản — minutes of the council meeting; KET_QUA_BO_PHIEU_KIN — result of the council's secret
 * ballot; ELECTRONIC_FILES tệp điện tử — electronic copy of the whole dossier; EVIDENCE tài liệu chứng minh — supporting
 * documents (initiative recognition, certificates …); OBLIGATIONS_CONFIRMATION xác nhận nghĩa vụ — for foreigners.
 */
export const DOSSIER_PART_KINDS = [
  'TO_TRINH',
  'BAO_CAO_THANH_TICH',
  'BIEN_BAN',
  'KET_QUA_BO_PHIEU_KIN',
  'ELECTRONIC_FILES',
  'EVIDENCE',
  'OBLIGATIONS_CONFIRMATION',
] as const;
export type DossierPartKind = (typeof DOSSIER_PART_KINDS)[number];

/** How an attachment was made: the original, a copy certified by the competent authority, or a plain copy. */
export const COPY_KINDS = ['ORIGINAL', 'CERTIFIED_COPY', 'PLAIN_COPY'] as const;
export type CopyKind = (typeof COPY_KINDS)[number];

export interface DossierPart {
  kind: DossierPartKind;
  /** Attachment or file reference, named in messages. */
  ref?: string;
  copy?: CopyKind;
  /** Báo cáo thành tích: carries the confirmation of the submitting level. */
  confirmedBySubmittingLevel?: boolean;
  /** Báo cáo thành tích of a collective: states that it has no Party or mass organisation (rule 21). */
  statesNoPartyOrMassOrganisation?: boolean;
}

/**
 * The foreigner variant of the BK TTg package (rule 18) drops the council minutes; so does the simplified procedure
 * of an ad-hoc award (Law Art. 85), whose package replaces the route's and the award's own.
 */
export type DossierVariant = 'STANDARD' | 'FOREIGNER' | 'SIMPLIFIED';

/** When a conditional requirement applies. */
export type RequirementCondition =
  'SECRET_BALLOT' | 'GOES_TO_PRIME_MINISTER' | 'COLLECTIVE_WITHOUT_PARTY_OR_MASS_ORGANISATION';

export interface PartRequirement {
  part: DossierPartKind;
  /** Rule number on the law page, or the section (§3.1, §3.2) where no numbered rule exists. */
  rule: string;
  legalBasis: string;
  /** False where the law page marks the requirement UNCONFIRMED or it is extended by analogy. */
  confirmed: boolean;
  /** Absent: always required. */
  when?: RequirementCondition;
  mustBeConfirmedBySubmittingLevel?: boolean;
  mustBeOriginal?: boolean;
  mustStateNoPartyOrMassOrganisation?: boolean;
}

export interface DossierRequirementTable {
  /** The package for each route, unless the award has its own. */
  byRoute: Readonly<Record<Route, readonly PartRequirement[]>>;
  /** An award's own package per variant, replacing the route's. */
  byAward: Readonly<Record<string, Partial<Record<DossierVariant, readonly PartRequirement[]>>>>;
  /** Added to every package when their condition holds. */
  conditional: readonly PartRequirement[];
  /** The simplified procedure's package (Law Art. 85), for every award and route: no biên bản of the council. */
  simplified: readonly PartRequirement[];
  /** Rule 20: how evidence attachments must be made. */
  evidence: { accepted: readonly CopyKind[]; rule: string; legalBasis: string };
}

interface LegalBases {
  bkTtg: { basis: string; confirmed: boolean };
  electronicFiles: { basis: string; confirmed: boolean };
  noPartyStatement: { basis: string; confirmed: boolean };
}

const GRASSROOTS_BASIS = 'Law page §3.1: the grassroots package was not retrieved (UNCONFIRMED)';
const PROVINCIAL_BASIS = 'Law page §3.2: tờ trình, biên bản and báo cáo thành tích go to the provincial TĐKT body';
const CONFIRMATION_BY_ANALOGY =
  'Confirmation by the submitting level, extended from the BK TTg package (rule 18); UNCONFIRMED for this route';
const EVIDENCE_BASIS = 'Công văn 5007/BNV-TĐKT (05/09/2023); Hướng dẫn 3385/BTĐKT-P.II (20/11/2023)';
const BALLOT_BASIS = 'BQP sector rule and Nghị định 91/2017 (superseded); UNCONFIRMED under current law';
const SIMPLIFIED_BASIS =
  'Luật TĐKT 2022 Art. 85 (thủ tục đơn giản), detailed by the decree per Art. 85(2): a short tờ trình and a brief achievement summary, no council minutes (law page §7, UNCONFIRMED under NĐ 152/2025)';

/** The three core documents, from one legal basis. */
function corePackage(
  rule: string,
  legalBasis: string,
  confirmed: boolean,
  extra: { original?: boolean; confirmation?: boolean } = {},
): PartRequirement[] {
  const original = extra.original ? { mustBeOriginal: true } : {};
  return [
    { part: 'TO_TRINH', rule, legalBasis, confirmed, ...original },
    {
      part: 'BAO_CAO_THANH_TICH',
      rule,
      legalBasis,
      confirmed,
      ...original,
      ...(extra.confirmation ? { mustBeConfirmedBySubmittingLevel: true } : {}),
    },
    { part: 'BIEN_BAN', rule, legalBasis, confirmed, ...original },
  ];
}

/** Both rule sets ask for the same parts; they differ in the legal basis they can cite for them. */
function lawTable(bases: LegalBases): DossierRequirementTable {
  const { bkTtg } = bases;
  return {
    byRoute: {
      GRASSROOTS: corePackage('§3.1', GRASSROOTS_BASIS, false),
      PROVINCIAL: [
        ...corePackage('§3.2', PROVINCIAL_BASIS, true),
        {
          part: 'BAO_CAO_THANH_TICH',
          rule: '18',
          legalBasis: CONFIRMATION_BY_ANALOGY,
          confirmed: false,
          mustBeConfirmedBySubmittingLevel: true,
        },
      ],
      STATE: corePackage(
        '18',
        `${bkTtg.basis}, applied to every state-level award (UNCONFIRMED beyond BK TTg)`,
        false,
        { confirmation: true },
      ),
    },
    byAward: {
      BK_THU_TUONG: {
        STANDARD: corePackage('18', `${bkTtg.basis}; one original set`, bkTtg.confirmed, {
          original: true,
          confirmation: true,
        }),
        FOREIGNER: [
          { part: 'TO_TRINH', rule: '18', legalBasis: bkTtg.basis, confirmed: bkTtg.confirmed },
          // The summary report is prepared by the proposing body itself, so there is nobody above to confirm it.
          { part: 'BAO_CAO_THANH_TICH', rule: '18', legalBasis: bkTtg.basis, confirmed: bkTtg.confirmed },
        ],
      },
    },
    conditional: [
      {
        part: 'ELECTRONIC_FILES',
        rule: '19',
        when: 'GOES_TO_PRIME_MINISTER',
        legalBasis: bases.electronicFiles.basis,
        confirmed: bases.electronicFiles.confirmed,
      },
      { part: 'KET_QUA_BO_PHIEU_KIN', rule: '22', when: 'SECRET_BALLOT', legalBasis: BALLOT_BASIS, confirmed: false },
      {
        part: 'BAO_CAO_THANH_TICH',
        rule: '21',
        when: 'COLLECTIVE_WITHOUT_PARTY_OR_MASS_ORGANISATION',
        mustStateNoPartyOrMassOrganisation: true,
        legalBasis: bases.noPartyStatement.basis,
        confirmed: bases.noPartyStatement.confirmed,
      },
    ],
    evidence: { accepted: ['ORIGINAL', 'CERTIFIED_COPY'], rule: '20', legalBasis: EVIDENCE_BASIS },
    simplified: [
      { part: 'TO_TRINH', rule: '§7', legalBasis: SIMPLIFIED_BASIS, confirmed: false },
      { part: 'BAO_CAO_THANH_TICH', rule: '§7', legalBasis: SIMPLIFIED_BASIS, confirmed: false },
    ],
  };
}

export const DOSSIER_REQUIREMENTS: Readonly<Record<string, DossierRequirementTable>> = {
  [RULE_SET_2024.version]: lawTable({
    bkTtg: {
      basis:
        'Luật 06/2022/QH15 Điều 84 and Nghị định 98/2023/NĐ-CP (article not retrieved; content as in NĐ 152/2025 Điều 42, UNCONFIRMED)',
      confirmed: false,
    },
    electronicFiles: {
      basis: 'Nghị định 98/2023/NĐ-CP (article not retrieved; content as in NĐ 152/2025 Điều 42(3), UNCONFIRMED)',
      confirmed: false,
    },
    noPartyStatement: { basis: 'Thông tư 01/2024/TT-BNV, Điều 1(2)', confirmed: true },
  }),
  [RULE_SET_2025.version]: lawTable({
    bkTtg: { basis: 'Nghị định 152/2025/NĐ-CP, Điều 42', confirmed: true },
    electronicFiles: { basis: 'Nghị định 152/2025/NĐ-CP, Điều 42(3)', confirmed: true },
    noPartyStatement: {
      basis: 'Thông tư 01/2024/TT-BNV, Điều 1(2); the Thông tư 15/2025/TT-BNV provision is UNCONFIRMED',
      confirmed: false,
    },
  }),
};

export interface DossierPartsRequest {
  awardCode: string;
  /** The route the dossier travels; the award's catalog route when absent. */
  route?: Route;
  subjectKind: SubjectKind;
  parts: readonly DossierPart[];
  /** The rule set the dossier is bound to. */
  ruleSetVersion: string;
  variant?: DossierVariant;
  /** State-secret dossiers are not sent as electronic files (rule 19). */
  stateSecret?: boolean;
  /** The collective has no Party or mass organisation (the checkbox of rule 21). */
  withoutPartyOrMassOrganisation?: boolean;
}

export interface MissingPart {
  part: DossierPartKind | 'AWARD' | 'RULE_SET';
  rule: string;
  legalBasis: string;
  message: string;
}

export interface DossierPartsCheck {
  complete: boolean;
  missing: MissingPart[];
}

export const PART_NAMES: Readonly<Record<DossierPartKind, string>> = {
  TO_TRINH: 'Tờ trình (proposal letter)',
  BAO_CAO_THANH_TICH: 'Báo cáo thành tích (achievement report)',
  BIEN_BAN: 'Biên bản (council minutes)',
  KET_QUA_BO_PHIEU_KIN: 'Kết quả bỏ phiếu kín (secret ballot result)',
  ELECTRONIC_FILES: 'Tệp điện tử (electronic files of the dossier)',
  EVIDENCE: 'Tài liệu chứng minh (evidence)',
  OBLIGATIONS_CONFIRMATION: 'Xác nhận nghĩa vụ (confirmation of obligations)',
};

const BECAUSE: Readonly<Record<RequirementCondition, string>> = {
  SECRET_BALLOT: 'the council votes on this award by secret ballot',
  GOES_TO_PRIME_MINISTER: 'the dossier goes to the Prime Minister and is not flagged state-secret',
  COLLECTIVE_WITHOUT_PARTY_OR_MASS_ORGANISATION: 'the collective has no Party or mass organisation',
};

function holds(condition: RequirementCondition, request: DossierPartsRequest, route: Route, ruleSet: RuleSet): boolean {
  switch (condition) {
    case 'SECRET_BALLOT':
      return councilRuleFor(ruleSet, request.awardCode).ballot === 'SECRET';
    case 'GOES_TO_PRIME_MINISTER':
      return route === 'STATE' && request.stateSecret !== true;
    case 'COLLECTIVE_WITHOUT_PARTY_OR_MASS_ORGANISATION':
      return request.subjectKind === 'COLLECTIVE' && request.withoutPartyOrMassOrganisation === true;
  }
}

/** Every way the attached parts fall short of one requirement; `absent` when no part of the kind is attached. */
function shortfalls(req: PartRequirement, parts: readonly DossierPart[]): { absent: boolean; messages: string[] } {
  const name = PART_NAMES[req.part];
  const because = req.when ? ` — ${BECAUSE[req.when]}` : '';
  const attached = parts.filter((p) => p.kind === req.part);
  if (attached.length === 0) return { absent: true, messages: [`${name} is missing${because}`] };
  const messages: string[] = [];
  if (req.mustBeConfirmedBySubmittingLevel && !attached.some((p) => p.confirmedBySubmittingLevel === true))
    messages.push(`${name} is not confirmed by the submitting level`);
  if (req.mustBeOriginal && !attached.some((p) => p.copy === 'ORIGINAL'))
    messages.push(`${name} must be the original (one original set)`);
  if (req.mustStateNoPartyOrMassOrganisation && !attached.some((p) => p.statesNoPartyOrMassOrganisation === true))
    messages.push(`${name} must state that the collective has no Party or mass organisation${because}`);
  return { absent: false, messages };
}

/** Checks a dossier's attached parts against its rule set's requirements. Pure and deterministic. */
export function checkDossierParts(
  request: DossierPartsRequest,
  ruleSets: readonly RuleSet[] = RULE_SETS,
  tables: Readonly<Record<string, DossierRequirementTable>> = DOSSIER_REQUIREMENTS,
): DossierPartsCheck {
  const ruleSet = ruleSetByVersion(request.ruleSetVersion, ruleSets);
  const table = tables[request.ruleSetVersion];
  if (!ruleSet || !table)
    return {
      complete: false,
      missing: [
        {
          part: 'RULE_SET',
          rule: '1',
          legalBasis: 'Every dossier carries its legal basis version',
          message: `No dossier requirements are known for rule set ${request.ruleSetVersion}`,
        },
      ],
    };
  const award = findAward(request.awardCode);
  if (!award)
    return {
      complete: false,
      missing: [
        {
          part: 'AWARD',
          rule: '§2',
          legalBasis: 'Award catalog (shared/domain/commendation-law.md §2)',
          message: `Unknown award code ${request.awardCode}`,
        },
      ],
    };

  const route = request.route ?? award.route;
  const own = table.byAward[award.code];
  const base =
    request.variant === 'SIMPLIFIED'
      ? table.simplified
      : (own?.[request.variant ?? 'STANDARD'] ?? own?.STANDARD ?? table.byRoute[route]);
  const required = [
    ...base,
    ...table.conditional.filter((r) => r.when === undefined || holds(r.when, request, route, ruleSet)),
  ];

  const missing: MissingPart[] = [];
  const absent = new Set<DossierPartKind>();
  for (const req of required) {
    const found = shortfalls(req, request.parts);
    // A part several requirements ask for is reported absent once, under the first of them.
    if (found.absent && absent.has(req.part)) continue;
    if (found.absent) absent.add(req.part);
    for (const message of found.messages)
      missing.push({ part: req.part, rule: req.rule, legalBasis: req.legalBasis, message });
  }
  const { evidence } = table;
  for (const part of request.parts.filter(
    (p) => p.kind === 'EVIDENCE' && !(p.copy && evidence.accepted.includes(p.copy)),
  )) {
    const what = part.copy === 'PLAIN_COPY' ? 'is a plain copy' : 'is not marked original or certified copy';
    missing.push({
      part: 'EVIDENCE',
      rule: evidence.rule,
      legalBasis: evidence.legalBasis,
      message: `Evidence ${part.ref ?? '(unnamed)'} ${what}; attach the original or a copy certified by the competent authority`,
    });
  }
  return { complete: missing.length === 0, missing };
}
