import { exampleBkTinhContent } from '../dossier/examples';
import { givenStream, thenEvents, thenRejected, when } from '../dossier/given-when-then';
import type { DossierEvent } from '../dossier/events';
import type { Actor } from '../shared/actor';
import { applyOverride, validateProvinceRuleSets, type RuleSetOverride } from './override';
import { RULE_SET_2024, RULE_SET_2025, RULE_SETS } from './rule-sets';
import { councilRuleFor } from './select';

const override: RuleSetOverride = {
  baseVersion: RULE_SET_2025.version,
  adoptedBy: 'Quyết định 12/2026/QĐ-UBND tỉnh Mẫu',
  deadlines: { appraisalWD: 5 },
  council: { byAward: { BK_TINH: { threshold: { share: [2, 3], strict: false } } } },
};
const mine = applyOverride(RULE_SET_2025, 'MAU', override);
const clerk: Actor = { userId: 'c', role: 'UNIT_CLERK', unitCode: 'SGDDT' };
const head: Actor = { userId: 'h', role: 'UNIT_HEAD', unitCode: 'SGDDT' };
const JULY_2025 = Date.UTC(2025, 6, 1, 3);
const given = givenStream('d-ovr');
const created: DossierEvent = {
  type: 'DossierCreated',
  data: {
    awardCode: 'BK_TINH',
    unitCode: 'SGDDT',
    title: 'Bằng khen',
    nominee: { kind: 'INDIVIDUAL', fullName: 'Lan' },
    achievements: 'Xuất sắc',
    ...exampleBkTinhContent(2024),
  },
};

describe("a province's own rule-set file", () => {
  it('overrides settings over the shipped rule set, which stays untouched, and names both in its version', () => {
    expect(mine.version).toBe('LAW2022+ND152+TT15/2025@MAU');
    expect(mine.baseVersion).toBe(RULE_SET_2025.version);
    expect(mine.deadlines).toMatchObject({ appraisalWD: 5, supplementWD: RULE_SET_2025.deadlines.supplementWD });
    expect(councilRuleFor(mine, 'BK_TINH')).toMatchObject({
      threshold: { share: [2, 3], strict: false },
      ballot: 'OPEN',
      quorum: [2, 3],
    });
    expect(RULE_SET_2025.deadlines.appraisalWD).toBe(10);
  });

  it('a file with an unknown base or impossible settings is refused, naming each problem', () => {
    const bad = validateProvinceRuleSets(
      {
        provinceCode: 'MAU',
        overrides: [
          {
            baseVersion: 'NO-SUCH',
            adoptedBy: '',
            deadlines: { appraisalWD: 0 },
            council: { default: { quorum: [3, 2] } },
          },
        ],
      },
      RULE_SETS,
    );
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.problems).toHaveLength(4);
    expect(validateProvinceRuleSets({ provinceCode: 'MAU', overrides: [override] }, RULE_SETS).ok).toBe(true);
  });

  it('given a file that sets the Central Council quorum, when the API starts, then it is refused naming the field', () => {
    const file = { provinceCode: 'MAU', overrides: [{ ...override, centralCouncil: { quorum: [1, 2] } }] };
    const result = validateProvinceRuleSets(file, RULE_SETS);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        expect.stringMatching(/^overrides\[0\]\.centralCouncil cannot be overridden by a province: .*Điều 47/),
      ]);
  });
  it('the periods and tables the law fixes are refused too, each named; unknown award codes as well', () => {
    const file = {
      provinceCode: 'MAU',
      overrides: [
        {
          ...override,
          bonus: {},
          stateRoute: {},
          deadlines: { publicPostingWD: 7, centralPublicConsultationWD: 5 },
          council: { byAward: { NO_SUCH: { quorum: [1, 2] } }, default: { legalBasis: 'x' } },
        },
      ],
    };
    const result = validateProvinceRuleSets(file, RULE_SETS);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems.map((p) => p.split(' ')[0]).sort()).toEqual([
        'overrides[0].bonus',
        'overrides[0].council.byAward.NO_SUCH',
        'overrides[0].council.default.legalBasis',
        'overrides[0].deadlines.centralPublicConsultationWD',
        'overrides[0].deadlines.publicPostingWD',
        'overrides[0].stateRoute',
      ]);
  });
  it('what the law leaves to the province is accepted: per-award appraisal periods, the council retry period', () => {
    const file = {
      provinceCode: 'MAU',
      overrides: [{ ...override, deadlines: { appraisalWDByAward: { BK_THU_TUONG: 15 }, councilRetryWD: 7 } }],
    };
    expect(validateProvinceRuleSets(file, RULE_SETS).ok).toBe(true);
    const applied = applyOverride(RULE_SET_2025, 'MAU', file.overrides[0]);
    expect(applied.deadlines).toMatchObject({
      appraisalWD: 10,
      appraisalWDByAward: { BK_THU_TUONG: 15 },
      councilRetryWD: 7,
    });
    expect(
      validateProvinceRuleSets(
        { provinceCode: 'MAU', overrides: [{ ...override, deadlines: { appraisalWDByAward: { BK_THU_TUONG: 0 } } }] },
        RULE_SETS,
      ).ok,
    ).toBe(false);
  });

  it('the block regulation: flag quotas and the meeting vote are the province’s; the flag awards stay the catalog’s', () => {
    const blocks = applyOverride(RULE_SET_2025, 'MAU', {
      ...override,
      emulation: { flagQuotas: { provincialPerBlock: 2 }, flagVote: { quorum: [1, 2] } },
    });
    expect(blocks.emulation?.flagQuotas).toEqual({ provincialPerBlock: 2, largeBlockFrom: 10, governmentPerBlock: 1 });
    expect(blocks.emulation?.flagVote).toEqual({ quorum: [1, 2], threshold: { share: [1, 2], strict: true } });
    expect(RULE_SET_2025.emulation?.flagQuotas.provincialPerBlock).toBe(1);
    const bad = validateProvinceRuleSets(
      {
        provinceCode: 'MAU',
        overrides: [
          {
            ...override,
            emulation: {
              flagQuotas: { provincialPerBlock: -1 },
              flagVote: { quorum: [3, 2] },
              flagAwards: { provincial: 'BK_TINH' },
            },
          },
        ],
      },
      RULE_SETS,
    );
    expect(bad.ok ? [] : bad.problems).toEqual([
      expect.stringContaining('overrides[0].emulation.flagAwards cannot be overridden by a province'),
      'overrides[0].emulation.flagQuotas.provincialPerBlock must be a whole number, 0–50',
      'overrides[0].emulation.flagVote: a share is [numerator, denominator] with 0 < numerator ≤ denominator',
    ]);
  });
  it("submission binds the province's rule set as a snapshot, and the dossier keeps it for life", () => {
    const [submitted] = thenEvents(
      when(given(created), { type: 'SubmitDossier', data: { ruleSet: mine } }, clerk, JULY_2025),
    );
    expect(submitted.data).toMatchObject({ ruleSetVersion: mine.version, ruleSet: { deadlines: { appraisalWD: 5 } } });
    // The appraisal clock runs on the province's 5 working days: 01/07/2025 → 08/07/2025.
    const [, clock] = thenEvents(when(given(created, submitted), { type: 'ApproveAtUnit', data: {} }, head, JULY_2025));
    expect(clock).toEqual({ type: 'AppraisalClockStarted', data: { deadline: '2025-07-08', workingDays: 5 } });
    // A later file (or none) does not change a dossier already bound: resubmission keeps the snapshot.
    const returned = given(created, submitted, {
      type: 'DossierReturned',
      data: { reason: 'Bổ sung', from: 'UNIT_REVIEW' },
    });
    const [again] = thenEvents(when(returned, { type: 'SubmitDossier', data: {} }, clerk, JULY_2025));
    expect(again.data).toMatchObject({ ruleSetVersion: mine.version });
  });

  it('an override of a rule set not in force on the day is refused', () => {
    const old = applyOverride(RULE_SET_2024, 'MAU', { ...override, baseVersion: RULE_SET_2024.version });
    expect(
      thenRejected(when(given(created), { type: 'SubmitDossier', data: { ruleSet: old } }, clerk, JULY_2025)).rule,
    ).toBe('rule-set.in-force');
  });
});
