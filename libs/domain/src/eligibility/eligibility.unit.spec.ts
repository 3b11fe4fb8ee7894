import { AWARD_CATALOG, type SubjectKind } from '../award/catalog';
import { RULE_SET_2024, RULE_SET_2025, RULE_SETS } from '../rule-set/rule-sets';
import { CRITERIA, checkQuota, type Criterion } from './criteria';
import {
  ELIGIBILITY_TABLES,
  assessEligibility,
  type EligibilityAssessment,
  type EligibilityRequest,
  type EligibilityTable,
} from './eligibility';
import {
  emptyHistory,
  type AwardHistory,
  type CommendationType,
  type InitiativeLevel,
  type TaskRating,
} from './history';

/** Immutable history builder: every step returns a new builder, so no test shares mutable state. */
class HistoryBuilder {
  constructor(private readonly h: AwardHistory) {}
  private with(patch: Partial<AwardHistory>): HistoryBuilder {
    return new HistoryBuilder({ ...this.h, ...patch });
  }
  rated(year: number, rating: TaskRating): HistoryBuilder {
    return this.with({ ratings: [...this.h.ratings, { year, rating }] });
  }
  ratedFrom(from: number, to: number, rating: TaskRating): HistoryBuilder {
    return Array.from({ length: to - from + 1 }, (_, i) => from + i).reduce<HistoryBuilder>(
      (b, y) => b.rated(y, rating),
      this,
    );
  }
  withTitle(
    awardCode: string,
    year: number,
    opts: {
      decisionDate?: string;
      achievementId?: string;
      type?: CommendationType;
      period?: { fromYear?: number; toYear: number };
    } = {},
  ): HistoryBuilder {
    const award = {
      awardCode,
      year,
      decisionDate: opts.decisionDate ?? `${year + 1}-03-15`,
      achievementId: opts.achievementId ?? `${awardCode}-${year}`,
      ...(opts.type ? { commendationType: opts.type } : {}),
      ...(opts.period ? { achievementPeriod: opts.period } : {}),
    };
    return this.with({ awards: [...this.h.awards, award] });
  }
  withTitles(awardCode: string, ...years: number[]): HistoryBuilder {
    return years.reduce<HistoryBuilder>((b, y) => b.withTitle(awardCode, y), this);
  }
  withInitiative(id: string, level: InitiativeLevel, year: number, usedByProposalId?: string): HistoryBuilder {
    const initiative = {
      id,
      kind: 'INITIATIVE' as const,
      level,
      year,
      ...(usedByProposalId ? { usedByProposalId } : {}),
    };
    return this.with({ initiatives: [...this.h.initiatives, initiative] });
  }
  withMembers(year: number, members: number, membersWithLdtt: number): HistoryBuilder {
    return this.with({ collectiveYears: [...this.h.collectiveYears, { year, members, membersWithLdtt }] });
  }
  joinedMonthsAgo(months: number): HistoryBuilder {
    return this.with({ monthsSinceJoining: months });
  }
  build(): AwardHistory {
    return this.h;
  }
}
const aHistory = () => new HistoryBuilder(emptyHistory('subject-1'));

const assess = (
  awardCode: string,
  history: HistoryBuilder,
  extra: Partial<EligibilityRequest> = {},
): EligibilityAssessment =>
  assessEligibility({
    awardCode,
    subjectKind: 'INDIVIDUAL',
    evaluationYear: 2024,
    history: history.build(),
    ruleSetVersion: RULE_SET_2025.version,
    ...extra,
  });

const criterion = (result: EligibilityAssessment, id: string) => {
  const found = result.criteria.find((c) => c.id === id);
  if (!found) throw new Error(`criterion ${id} not in ${result.criteria.map((c) => c.id).join(', ')}`);
  return found;
};

describe('rule 5: Chiến sĩ thi đua cơ sở', () => {
  it('rule 5: passes with Lao động tiên tiến and HTXS in the year', () => {
    // given
    const history = aHistory().withTitle('LD_TIEN_TIEN', 2024).rated(2024, 'HTXS');
    // when
    const result = assess('CSTD_CO_SO', history);
    // then
    expect(result.eligible).toBe(true);
    expect(criterion(result, 'cstd-co-so.standard')).toMatchObject({ passed: true, rule: '5', severity: 'BLOCK' });
    expect(criterion(result, 'cstd-co-so.standard').explanation).toContain(
      'Lao động tiên tiến in 2024; rated HTXS in 2024',
    );
  });

  it('rule 5: passes with HTTNV when an unused grassroots initiative was recognised that year', () => {
    const history = aHistory()
      .withTitle('LD_TIEN_TIEN', 2024)
      .rated(2024, 'HTTNV')
      .withInitiative('SK-1', 'CO_SO', 2024);
    const result = assess('CSTD_CO_SO', history);
    expect(criterion(result, 'cstd-co-so.standard').passed).toBe(true);
    expect(criterion(result, 'cstd-co-so.standard').explanation).toContain('SK-1');
  });

  it('rule 5: fails without Lao động tiên tiến in the year, even with HTXS', () => {
    const history = aHistory().withTitle('LD_TIEN_TIEN', 2023).rated(2024, 'HTXS');
    const result = assess('CSTD_CO_SO', history);
    expect(result.eligible).toBe(false);
    expect(criterion(result, 'cstd-co-so.standard').explanation).toContain(
      'no Lao động tiên tiến (or Chiến sĩ tiên tiến) in 2024',
    );
  });

  it('rule 5: fails with HTTNV when the only initiative already backed another proposal', () => {
    const history = aHistory()
      .withTitle('LD_TIEN_TIEN', 2024)
      .rated(2024, 'HTTNV')
      .withInitiative('SK-1', 'CO_SO', 2024, 'P-OLD');
    const result = assess('CSTD_CO_SO', history);
    expect(criterion(result, 'cstd-co-so.standard')).toMatchObject({ passed: false });
    expect(criterion(result, 'cstd-co-so.standard').explanation).toMatch(/no unused initiative .* — failed$/);
  });
});

describe('rule 6 [U]: Chiến sĩ thi đua tỉnh', () => {
  const threeYears = aHistory().withTitles('CSTD_CO_SO', 2022, 2023, 2024);

  it('rule 6: passes with CSTĐ cơ sở 2022–2024 and a provincial-level initiative', () => {
    const result = assess('CSTD_TINH', threeYears.withInitiative('SK-T', 'TINH', 2023));
    expect(result.eligible).toBe(true);
    expect(criterion(result, 'cstd-tinh.standard').explanation).toBe(
      'CSTĐ cơ sở in 2022, 2023 and 2024 (3 consecutive years ending 2024); unused provincial-level initiative/topic SK-T — passed',
    );
  });

  it('rule 6: fails with CSTĐ cơ sở in 2022 and 2024 only', () => {
    const history = aHistory().withTitles('CSTD_CO_SO', 2022, 2024).withInitiative('SK-T', 'TINH', 2023);
    const result = assess('CSTD_TINH', history);
    expect(result.eligible).toBe(false);
    expect(criterion(result, 'cstd-tinh.standard').explanation).toContain(
      'needs 3 consecutive years 2022, 2023 and 2024',
    );
  });

  it('rule 6: fails when the initiative is recognised only at grassroots level', () => {
    const result = assess('CSTD_TINH', threeYears.withInitiative('SK-1', 'CO_SO', 2023));
    expect(criterion(result, 'cstd-tinh.standard').passed).toBe(false);
  });

  it('rule 6: is configurable — an organisation that switches it off is not blocked by it', () => {
    const result = assess('CSTD_TINH', aHistory(), { settings: { cstdTinhStandard: false } });
    expect(result.eligible).toBe(true);
    expect(criterion(result, 'cstd-tinh.standard').explanation).toMatch(/^Not applied/);
  });
});

describe('rule 7: Chiến sĩ thi đua toàn quốc', () => {
  it('rule 7: passes with CSTĐ tỉnh in 2021 and 2024 and a nationwide initiative', () => {
    const history = aHistory().withTitles('CSTD_TINH', 2021, 2024).withInitiative('SK-N', 'TOAN_QUOC', 2024);
    const result = assess('CSTD_TOAN_QUOC', history);
    expect(result.eligible).toBe(true);
    expect(criterion(result, 'cstd-toan-quoc.standard').explanation).toContain(
      'CSTĐ tỉnh in 2021 and 2024 (consecutive cycles)',
    );
  });

  it('rule 7: fails with CSTĐ tỉnh in 2018 and 2024, a whole cycle apart', () => {
    const history = aHistory().withTitles('CSTD_TINH', 2018, 2024).withInitiative('SK-N', 'TOAN_QUOC', 2024);
    const result = assess('CSTD_TOAN_QUOC', history);
    expect(result.eligible).toBe(false);
    expect(criterion(result, 'cstd-toan-quoc.standard').explanation).toContain(
      'needs 2 with at most 3 years between them',
    );
  });

  it('rule 7: fails when the initiative has only provincial effect', () => {
    const history = aHistory().withTitles('CSTD_TINH', 2021, 2024).withInitiative('SK-T', 'TINH', 2024);
    expect(criterion(assess('CSTD_TOAN_QUOC', history), 'cstd-toan-quoc.standard').passed).toBe(false);
  });
});

describe('rule 8: Bằng khen tỉnh, two alternative routes', () => {
  it('rule 8: Bằng khen tỉnh passes by route 1 with CSTĐ cơ sở in 2023 and 2024', () => {
    const result = assess('BK_TINH', aHistory().withTitles('CSTD_CO_SO', 2023, 2024));
    const bk = criterion(result, 'bk-tinh.standard');
    expect(result.eligible).toBe(true);
    expect(bk.explanation).toContain('CSTĐ cơ sở in 2023 and 2024 (2 consecutive years ending 2024) — passed');
    expect(bk.routes?.map((r) => r.passed)).toEqual([true, false]);
  });

  it('rule 8: Bằng khen tỉnh needs 2 consecutive CSTĐ cơ sở years — fails with 2023 and 2025 only', () => {
    const result = assess('BK_TINH', aHistory().withTitles('CSTD_CO_SO', 2023, 2025), { evaluationYear: 2025 });
    const bk = criterion(result, 'bk-tinh.standard');
    expect(result.eligible).toBe(false);
    expect(bk.explanation).toContain('CSTĐ cơ sở in 2023 and 2025; needs 2 consecutive years 2024 and 2025 — failed');
    expect(bk.explanation).toMatch(/No route passes — failed$/);
  });

  it('rule 8: passes by route 2 with HTXS in 2023–2024 and two unused grassroots initiatives', () => {
    const history = aHistory()
      .ratedFrom(2023, 2024, 'HTXS')
      .withInitiative('SK-1', 'CO_SO', 2023)
      .withInitiative('SK-2', 'CO_SO', 2024);
    const bk = criterion(assess('BK_TINH', history), 'bk-tinh.standard');
    expect(bk.passed).toBe(true);
    expect(bk.routes?.map((r) => r.passed)).toEqual([false, true]);
    expect(bk.explanation).toContain('Route 2');
    expect(bk.explanation).toContain('(SK-1, SK-2)');
  });

  it('rule 8: route 2 fails when one of the two initiatives already won the CSTĐ cơ sở', () => {
    const history = aHistory()
      .ratedFrom(2023, 2024, 'HTXS')
      .withInitiative('SK-1', 'CO_SO', 2023, 'P-CSTD-2023')
      .withInitiative('SK-2', 'CO_SO', 2024);
    const bk = criterion(assess('BK_TINH', history), 'bk-tinh.standard');
    expect(bk.passed).toBe(false);
    expect(bk.explanation).toContain('1 unused grassroots initiative(s)/topic(s) in those years (SK-2); needs 2');
  });

  it('rule 8: route 2 fails with a single HTXS year', () => {
    const history = aHistory()
      .rated(2023, 'HTTNV')
      .rated(2024, 'HTXS')
      .withInitiative('SK-1', 'CO_SO', 2024)
      .withInitiative('SK-2', 'CO_SO', 2024);
    expect(criterion(assess('BK_TINH', history), 'bk-tinh.standard').passed).toBe(false);
  });
});

describe('rule 9: Bằng khen Thủ tướng', () => {
  const base = aHistory().withTitle('BK_TINH', 2018, { decisionDate: '2019-03-01' }).ratedFrom(2020, 2024, 'HTTNV');

  it('rule 9: passes with Bằng khen tỉnh in 2019, then HTTNV 2020–2024 and 3 CSTĐ cơ sở', () => {
    const result = assess('BK_THU_TUONG', base.withTitles('CSTD_CO_SO', 2021, 2022, 2024));
    expect(result.eligible).toBe(true);
    expect(criterion(result, 'bk-thu-tuong.standard').explanation).toBe(
      'Bằng khen tỉnh decided 2019-03-01; HTTNV or better in 2020–2024 (5 consecutive years from 2020; needs 5); CSTĐ cơ sở in 2021, 2022 and 2024 (3; needs 3) — passed',
    );
  });

  it('rule 9: fails with only 2 CSTĐ cơ sở in the window', () => {
    const result = assess('BK_THU_TUONG', base.withTitles('CSTD_CO_SO', 2019, 2022, 2024));
    expect(result.eligible).toBe(false);
    expect(criterion(result, 'bk-thu-tuong.standard').explanation).toContain(
      'CSTĐ cơ sở in 2022 and 2024 (2; needs 3)',
    );
  });

  it('rule 9: fails when an HTNV year breaks the 5 consecutive years', () => {
    const history = aHistory()
      .withTitle('BK_TINH', 2018, { decisionDate: '2019-03-01' })
      .rated(2020, 'HTTNV')
      .rated(2021, 'HTNV')
      .ratedFrom(2022, 2024, 'HTTNV');
    const result = assess('BK_THU_TUONG', history.withTitles('CSTD_CO_SO', 2022, 2023, 2024));
    expect(criterion(result, 'bk-thu-tuong.standard').explanation).toContain('3 consecutive years from 2020; needs 5');
    expect(result.eligible).toBe(false);
  });

  it('rule 9: fails without any Bằng khen tỉnh', () => {
    const result = assess(
      'BK_THU_TUONG',
      aHistory().ratedFrom(2015, 2024, 'HTXS').withTitles('CSTD_CO_SO', 2022, 2023, 2024),
    );
    expect(criterion(result, 'bk-thu-tuong.standard').explanation).toBe(
      'no Bằng khen tỉnh decided before 2024 — failed',
    );
  });

  // Corrected (issue 8): the window counting from the decision date was the default and the achievement year a setting;
  // NĐ 98/2023 Điều 30(9) counts from the achievement period the decision names, the decision date only without one.
  it('rule 9: the achievement period in the decision, not its date, opens the window (NĐ 98/2023 Điều 30(9))', () => {
    const ratings = aHistory().ratedFrom(2019, 2023, 'HTTNV').withTitles('CSTD_CO_SO', 2019, 2020, 2021);
    const withPeriod = ratings.withTitle('BK_TINH', 2018, { decisionDate: '2019-03-01', period: { toYear: 2018 } });
    const withoutPeriod = ratings.withTitle('BK_TINH', 2018, { decisionDate: '2019-03-01' });
    expect(assess('BK_THU_TUONG', withPeriod, { evaluationYear: 2023 }).eligible).toBe(true);
    expect(assess('BK_THU_TUONG', withoutPeriod, { evaluationYear: 2023 }).eligible).toBe(false);
  });

  it('rule 9: given a BK tỉnh for 2019 achievements decided in 04/2020, then the window is 2020–2024', () => {
    // given
    const history = aHistory()
      .withTitle('BK_TINH', 2019, { decisionDate: '2020-04-15', period: { fromYear: 2019, toYear: 2019 } })
      .ratedFrom(2020, 2024, 'HTTNV')
      .withTitles('CSTD_CO_SO', 2020, 2022, 2024);
    // when
    const result = assess('BK_THU_TUONG', history, { evaluationYear: 2024 });
    // then
    expect(result.eligible).toBe(true);
    expect(criterion(result, 'bk-thu-tuong.standard').explanation).toBe(
      'Bằng khen tỉnh for the achievement period 2019 (decided 2020-04-15); HTTNV or better in 2020–2024 (5 consecutive years from 2020; needs 5); CSTĐ cơ sở in 2020, 2022 and 2024 (3; needs 3) — passed',
    );
  });

  it('rule 9: the same award without a period counts from its decision date: the window would open in 2021', () => {
    const history = aHistory()
      .withTitle('BK_TINH', 2019, { decisionDate: '2020-04-15' })
      .ratedFrom(2020, 2024, 'HTTNV')
      .withTitles('CSTD_CO_SO', 2020, 2022, 2024);
    const result = assess('BK_THU_TUONG', history, { evaluationYear: 2024 });
    expect(result.eligible).toBe(false);
    expect(criterion(result, 'bk-thu-tuong.standard').explanation).toContain('4 consecutive years from 2021; needs 5');
  });

  it('rule 9: a thematic Bằng khen tỉnh is no basis for Bằng khen Thủ tướng (NĐ 98/2023 Điều 4(3))', () => {
    const history = aHistory()
      .withTitle('BK_TINH', 2019, { decisionDate: '2020-04-15', period: { toYear: 2019 }, type: 'THEMATIC' })
      .ratedFrom(2020, 2024, 'HTTNV')
      .withTitles('CSTD_CO_SO', 2020, 2022, 2024);
    const result = assess('BK_THU_TUONG', history, { evaluationYear: 2024 });
    expect(result.eligible).toBe(false);
    expect(criterion(result, 'bk-thu-tuong.standard').explanation).toBe(
      'no Bằng khen tỉnh decided before 2024; Bằng khen tỉnh of 2020-04-15 (thematic) not counted: ad-hoc and thematic results are no basis for a merit-based award (Nghị định 98/2023/NĐ-CP, Điều 4(3); the Nghị định 152/2025/NĐ-CP article that carries it over UNCONFIRMED) — failed',
    );
  });

  it('rule 9: an ad-hoc Bằng khen tỉnh does not count either, but a periodic one beside it does', () => {
    const base = aHistory().ratedFrom(2020, 2024, 'HTTNV').withTitles('CSTD_CO_SO', 2020, 2022, 2024);
    const adHocOnly = base.withTitle('BK_TINH', 2019, {
      decisionDate: '2020-04-15',
      period: { toYear: 2019 },
      type: 'AD_HOC',
    });
    expect(
      assess('BK_THU_TUONG', adHocOnly, { evaluationYear: 2024, ruleSetVersion: RULE_SET_2024.version }).eligible,
    ).toBe(false);
    const withPeriodic = adHocOnly.withTitle('BK_TINH', 2018, { decisionDate: '2019-03-01', period: { toYear: 2018 } });
    expect(assess('BK_THU_TUONG', withPeriodic, { evaluationYear: 2024 }).eligible).toBe(true);
  });
});

describe('rule 10: Huân chương Lao động hạng Ba', () => {
  const base = aHistory()
    .withTitle('BK_THU_TUONG', 2018, { decisionDate: '2019-05-01' })
    .withTitles('CSTD_CO_SO', 2020, 2022, 2024);

  it('rule 10: passes with Bằng khen Thủ tướng, then 5 good years including one HTXS and 3 CSTĐ cơ sở', () => {
    const result = assess('HC_LAO_DONG_3', base.ratedFrom(2020, 2023, 'HTTNV').rated(2024, 'HTXS'));
    expect(result.eligible).toBe(true);
    expect(criterion(result, 'hc-lao-dong-3.standard').explanation).toContain('HTXS in 2024 (1; needs 1)');
  });

  it('rule 10: fails when none of the 5 years is HTXS', () => {
    const result = assess('HC_LAO_DONG_3', base.ratedFrom(2020, 2024, 'HTTNV'));
    expect(result.eligible).toBe(false);
    expect(criterion(result, 'hc-lao-dong-3.standard').explanation).toContain('HTXS in no year (0; needs 1)');
  });

  it("rule 10: the window opens after the Bằng khen Thủ tướng's achievement period; a thematic one is no basis", () => {
    const history = aHistory()
      .withTitles('CSTD_CO_SO', 2020, 2022, 2024)
      .ratedFrom(2020, 2023, 'HTTNV')
      .rated(2024, 'HTXS');
    expect(
      assess(
        'HC_LAO_DONG_3',
        history.withTitle('BK_THU_TUONG', 2019, { decisionDate: '2020-06-01', period: { toYear: 2019 } }),
      ).eligible,
    ).toBe(true);
    expect(
      assess('HC_LAO_DONG_3', history.withTitle('BK_THU_TUONG', 2019, { decisionDate: '2020-06-01' })).eligible,
    ).toBe(false);
    expect(
      assess(
        'HC_LAO_DONG_3',
        history.withTitle('BK_THU_TUONG', 2019, {
          decisionDate: '2020-06-01',
          period: { toYear: 2019 },
          type: 'THEMATIC',
        }),
      ).eligible,
    ).toBe(false);
  });

  it('rule 10: fails when the prior award is only a Bằng khen tỉnh', () => {
    const history = aHistory()
      .withTitle('BK_TINH', 2018, { decisionDate: '2019-05-01' })
      .ratedFrom(2020, 2024, 'HTXS')
      .withTitles('CSTD_CO_SO', 2020, 2022, 2024);
    expect(criterion(assess('HC_LAO_DONG_3', history), 'hc-lao-dong-3.standard').passed).toBe(false);
  });
});

describe('rule 11: Tập thể lao động tiên tiến', () => {
  const collective = (history: HistoryBuilder) => assess('TT_LD_TIEN_TIEN', history, { subjectKind: 'COLLECTIVE' });

  it('rule 11: passes with 7 of 10 members holding Lao động tiên tiến (70%)', () => {
    const result = collective(aHistory().withMembers(2024, 10, 7));
    expect(result.eligible).toBe(true);
    expect(criterion(result, 'tt-ld-tien-tien.members-ldtt').explanation).toBe(
      '7 of 10 members (70%) hold Lao động tiên tiến in 2024; needs 70% — passed',
    );
  });

  it('rule 11: fails with 6 of 10 members (60%)', () => {
    const result = collective(aHistory().withMembers(2024, 10, 6));
    expect(result.eligible).toBe(false);
  });

  it('rule 11: fails when the member count of the year is unknown', () => {
    const result = collective(aHistory().withMembers(2023, 10, 10));
    expect(criterion(result, 'tt-ld-tien-tien.members-ldtt').explanation).toBe('no member count for 2024 — failed');
  });
});

describe('rule 12: an initiative backs one proposal only', () => {
  const history = aHistory()
    .withTitle('LD_TIEN_TIEN', 2024)
    .rated(2024, 'HTXS')
    .withInitiative('SK-1', 'CO_SO', 2024, 'P-OLD')
    .withInitiative('SK-2', 'CO_SO', 2024);

  it('rule 12: passes when the cited initiative was never used', () => {
    const result = assess('CSTD_CO_SO', history, { proposal: { proposalId: 'P-NEW', initiativeIds: ['SK-2'] } });
    expect(criterion(result, 'initiative.single-use')).toMatchObject({ passed: true, rule: '12' });
  });

  it('rule 12: fails when the cited initiative already backed another proposal', () => {
    const result = assess('CSTD_CO_SO', history, { proposal: { proposalId: 'P-NEW', initiativeIds: ['SK-1'] } });
    expect(result.eligible).toBe(false);
    expect(criterion(result, 'initiative.single-use').explanation).toBe('SK-1 already backed proposal P-OLD — failed');
  });

  it('rule 12: passes when the initiative is marked as used by this same proposal', () => {
    const result = assess('CSTD_CO_SO', history, { proposal: { proposalId: 'P-OLD', initiativeIds: ['SK-1'] } });
    expect(criterion(result, 'initiative.single-use').passed).toBe(true);
  });

  it('rule 12: fails when the cited initiative is not recognised for the subject', () => {
    const result = assess('GIAY_KHEN', history, { proposal: { initiativeIds: ['SK-9'] } });
    expect(criterion(result, 'initiative.single-use').explanation).toContain('SK-9 is not a recognised initiative');
  });
});

describe('rule 13: one achievement, one reward', () => {
  const history = aHistory().withTitle('GIAY_KHEN', 2024, {
    achievementId: 'ACH-FLOOD-2024',
    decisionDate: '2024-10-01',
    type: 'AD_HOC',
  });

  it('rule 13: passes for an achievement never rewarded', () => {
    const result = assess('BK_TINH', history, { proposal: { achievementId: 'ACH-OTHER' }, subjectKind: 'COLLECTIVE' });
    expect(criterion(result, 'achievement.one-reward').passed).toBe(true);
  });

  it('rule 13: fails for an achievement already rewarded with a Giấy khen', () => {
    const result = assess('GIAY_KHEN', history, { proposal: { achievementId: 'ACH-FLOOD-2024' } });
    expect(result.eligible).toBe(false);
    expect(criterion(result, 'achievement.one-reward').explanation).toBe(
      'achievement ACH-FLOOD-2024 was already rewarded with Giấy khen (decision of 2024-10-01) — failed',
    );
  });
});

describe('rule 14: no ladder unless the criterion names one', () => {
  const allCriteria = (list: readonly Criterion[]): Criterion[] =>
    list.flatMap((c) => [c, ...allCriteria(c.routes ?? [])]);

  it('rule 14: only criteria of rules 6–10 require a lower award first', () => {
    const laddered = allCriteria(Object.values(CRITERIA)).filter((c) => (c.ladder ?? []).length > 0);
    expect(laddered.length).toBeGreaterThan(0);
    for (const c of laddered) expect(['6', '7', '8', '9', '10']).toContain(c.rule);
  });

  it('rule 14: Bằng khen tỉnh by route 2 needs no earlier award', () => {
    const history = aHistory()
      .ratedFrom(2023, 2024, 'HTXS')
      .withInitiative('SK-1', 'CO_SO', 2023)
      .withInitiative('SK-2', 'CO_SO', 2024);
    expect(assess('BK_TINH', history).eligible).toBe(true);
  });

  // Corrected (issue 8): the generic checks now come with a warning that the order's standard is not encoded.
  it('rule 14: Huân chương Lao động hạng Nhì does not require hạng Ba (generic checks, and the unencoded standard as a warning)', () => {
    const result = assess('HC_LAO_DONG_2', aHistory());
    expect(result.eligible).toBe(true);
    expect(result.criteria.map((c) => c.id)).toEqual([
      'award.subject-kind',
      'initiative.single-use',
      'achievement.one-reward',
      'state-award.one-per-year',
      'standard.not-encoded',
    ]);
  });
});

describe('rule 15: quotas are off unless the rule set turns them on', () => {
  const quota = { capPct: 15, baseCount: 20, currentCount: 3 };
  const history = aHistory().withTitle('LD_TIEN_TIEN', 2024).rated(2024, 'HTXS');
  const quotaRuleSets = RULE_SETS.map((r) => ({ ...r, quotasEnabled: true }));

  it('rule 15: a full local cap does not block while the rule set sets no quota', () => {
    const result = assess('CSTD_CO_SO', history, { settings: { quota } });
    expect(result.eligible).toBe(true);
    expect(criterion(result, 'quota.local-cap').explanation).toContain(
      'Not applied: rule set LAW2022+ND152+TT15/2025 sets no quota',
    );
  });

  it('rule 15: with quotas on, a 4th CSTĐ cơ sở out of 20 breaks a 15% cap', () => {
    const result = assessEligibility(
      {
        awardCode: 'CSTD_CO_SO',
        subjectKind: 'INDIVIDUAL',
        evaluationYear: 2024,
        history: history.build(),
        ruleSetVersion: RULE_SET_2025.version,
        settings: { quota },
      },
      quotaRuleSets,
    );
    expect(result.eligible).toBe(false);
    expect(criterion(result, 'quota.local-cap').explanation).toBe('4 of 20 with this proposal; local cap 15% — failed');
  });

  it('rule 15: the quota check passes when one more holder stays within the cap', () => {
    expect(checkQuota({ capPct: 15, baseCount: 20, currentCount: 2 })).toEqual({
      passed: true,
      explanation: '3 of 20 with this proposal; local cap 15% — passed',
    });
  });
});

describe('a movement’s quota (the launcher’s cap per title or form, Luật Điều 16–17)', () => {
  const history = aHistory().withTitle('LD_TIEN_TIEN', 2024).rated(2024, 'HTXS');
  const quota = (taken: number, awardCode = 'CSTD_CO_SO') => ({
    movementQuota: { movementId: 'm-1', movementName: 'Dạy tốt, học tốt', awardCode, max: 2, taken },
  });

  it('the last place left passes, naming how many of the cap this proposal makes', () => {
    const result = assess('CSTD_CO_SO', history, quota(1));
    expect(result.eligible).toBe(true);
    expect(criterion(result, 'movement.quota')).toMatchObject({ passed: true, severity: 'BLOCK' });
    expect(criterion(result, 'movement.quota').explanation).toBe(
      '2 of 2 places for CSTD_CO_SO in the movement Dạy tốt, học tốt with this proposal',
    );
  });

  it('a proposal beyond the cap is refused, naming the movement, the cap and the places taken', () => {
    const result = assess('CSTD_CO_SO', history, quota(2));
    expect(result.eligible).toBe(false);
    expect(criterion(result, 'movement.quota').explanation).toBe(
      'The movement Dạy tốt, học tốt caps CSTD_CO_SO at 2; 2 already proposed or awarded',
    );
  });

  it('a cap on another award, or none, adds no check', () => {
    expect(assess('CSTD_CO_SO', history, quota(5, 'BK_TINH')).criteria.map((c) => c.id)).not.toContain(
      'movement.quota',
    );
    expect(assess('CSTD_CO_SO', history).criteria.map((c) => c.id)).not.toContain('movement.quota');
  });
});

describe('rule 16 [U]: one state-level form per year is a warning', () => {
  const history = aHistory().withTitle('BK_THU_TUONG', 2024);

  it('rule 16: a second state-level form in the year warns but does not block', () => {
    const result = assess('HC_LAO_DONG_2', history);
    expect(result.eligible).toBe(true);
    expect(criterion(result, 'state-award.one-per-year')).toMatchObject({
      passed: false,
      severity: 'WARNING',
      rule: '16',
    });
    expect(criterion(result, 'state-award.one-per-year').explanation).toBe(
      'already holds Bằng khen Thủ tướng for 2024 — failed',
    );
  });

  it('rule 16: no warning when the year holds no other state-level form', () => {
    expect(
      criterion(assess('HC_LAO_DONG_2', aHistory().withTitle('BK_THU_TUONG', 2022)), 'state-award.one-per-year').passed,
    ).toBe(true);
  });

  it('rule 16: ad-hoc proposals are exempt', () => {
    const result = assess('HC_LAO_DONG_2', history, { proposal: { commendationType: 'AD_HOC' } });
    expect(criterion(result, 'state-award.one-per-year').explanation).toBe('Not applied: AD_HOC awards are exempt');
  });

  it('rule 16: the warning can be switched off', () => {
    const result = assess('HC_LAO_DONG_2', history, { settings: { oneStateAwardPerYearWarning: false } });
    expect(criterion(result, 'state-award.one-per-year').passed).toBe(true);
  });
});

describe('rule 17 [U]: newcomers and annual titles, per organisation', () => {
  const history = aHistory().withTitle('LD_TIEN_TIEN', 2024).rated(2024, 'HTXS').joinedMonthsAgo(6);
  const excluding = { newcomerExclusion: { enabled: true, minMonths: 9 } };

  it('rule 17: off by default — a person with 6 months of service is not excluded', () => {
    const result = assess('CSTD_CO_SO', history);
    expect(result.eligible).toBe(true);
    expect(criterion(result, 'newcomer.excluded').explanation).toMatch(/^Not applied/);
  });

  it('rule 17: when the organisation turns it on, 6 months of service fails a 9-month minimum', () => {
    const result = assess('CSTD_CO_SO', history, { settings: excluding });
    expect(result.eligible).toBe(false);
    expect(criterion(result, 'newcomer.excluded').explanation).toBe(
      '6 months since joining or forming; needs 9 — failed',
    );
  });

  it('rule 17: when on, a collective formed 12 months ago passes', () => {
    const result = assess('TT_LD_TIEN_TIEN', aHistory().withMembers(2024, 10, 8).joinedMonthsAgo(12), {
      subjectKind: 'COLLECTIVE',
      settings: excluding,
    });
    expect(criterion(result, 'newcomer.excluded').passed).toBe(true);
  });
});

describe('award catalog and subject kind (§2)', () => {
  it('§2: Chiến sĩ thi đua cơ sở cannot go to a collective', () => {
    const result = assess('CSTD_CO_SO', aHistory(), { subjectKind: 'COLLECTIVE' });
    expect(result.eligible).toBe(false);
    expect(criterion(result, 'award.subject-kind').passed).toBe(false);
  });

  it('§2: a Bằng khen tỉnh for a collective gets a warning that rule 8 is encoded for individuals only', () => {
    const result = assess('BK_TINH', aHistory(), { subjectKind: 'COLLECTIVE' });
    expect(result.eligible).toBe(true);
    expect(criterion(result, 'bk-tinh.standard')).toMatchObject({ passed: false, severity: 'WARNING' });
    expect(criterion(result, 'bk-tinh.standard').explanation).toContain('not encoded');
  });

  it('§2: an unknown award code is not eligible', () => {
    expect(assess('NO_SUCH_AWARD', aHistory())).toMatchObject({
      eligible: false,
      criteria: [{ id: 'award.known', passed: false }],
    });
  });
});

describe('standards not encoded are warnings, never silent passes', () => {
  it.each([
    ['CO_TD_CHINH_PHU', 'Điều 25'],
    ['CO_TD_TINH', 'Điều 26'],
  ])(
    'given a %s dossier, then its assessment warns "standard not encoded: block leadership" (Luật %s)',
    (code, article) => {
      const result = assess(code, aHistory(), { subjectKind: 'COLLECTIVE' });
      expect(criterion(result, 'standard.not-encoded')).toMatchObject({
        severity: 'WARNING',
        passed: false,
        explanation: 'standard not encoded: block leadership — the appraiser checks it',
      });
      expect(criterion(result, 'standard.not-encoded').legalBasis).toContain(article);
      expect(result.eligible).toBe(true);
    },
  );
  it.each([
    ['TT_LD_XUAT_SAC', 'COLLECTIVE'],
    ['LD_TIEN_TIEN', 'INDIVIDUAL'],
    ['TT_LD_TIEN_TIEN', 'COLLECTIVE'],
    ['GIAY_KHEN', 'INDIVIDUAL'],
    ['HC_DOC_LAP_1', 'INDIVIDUAL'],
    ['HC_LAO_DONG_2', 'INDIVIDUAL'],
    ['HC_QUAN_CONG_3', 'INDIVIDUAL'],
  ] as const)('%s says the same way what is not encoded', (code, subjectKind) => {
    const result = assess(code, aHistory().withMembers(2024, 10, 10), { subjectKind });
    expect(criterion(result, 'standard.not-encoded').explanation).toMatch(
      /^standard not encoded: .+ — the appraiser checks it$/,
    );
  });
  it('an award whose standard is encoded carries no such warning (Huân chương Lao động hạng Ba, Bằng khen tỉnh)', () => {
    for (const code of ['HC_LAO_DONG_3', 'BK_TINH'])
      expect(assess(code, aHistory()).criteria.map((c) => c.id)).not.toContain('standard.not-encoded');
  });
});

describe('rule 1: criteria tables per rule-set version', () => {
  const covered = [
    'CSTD_CO_SO',
    'CSTD_TINH',
    'CSTD_TOAN_QUOC',
    'BK_TINH',
    'BK_THU_TUONG',
    'HC_LAO_DONG_3',
    'TT_LD_TIEN_TIEN',
  ];

  it('rule 1: both shipped rule sets have a table covering the seven encoded awards', () => {
    for (const version of [RULE_SET_2024.version, RULE_SET_2025.version])
      expect(Object.keys(ELIGIBILITY_TABLES[version].byAward).sort()).toEqual([...covered].sort());
  });

  // Corrected (issue 8): these awards used to pass the generic checks silently; their unencoded standard is now a warning.
  it('rule 1: every other catalog award gets the generic checks, and says its standard is not encoded', () => {
    for (const award of AWARD_CATALOG.filter((a) => !covered.includes(a.code))) {
      const subjectKind: SubjectKind = award.subjects[0];
      const result = assess(award.code, aHistory(), { subjectKind });
      expect(result.criteria.map((c) => c.id)).toEqual([
        'award.subject-kind',
        'initiative.single-use',
        'achievement.one-reward',
        'state-award.one-per-year',
        'standard.not-encoded',
      ]);
      expect(criterion(result, 'standard.not-encoded')).toMatchObject({
        passed: false,
        severity: 'WARNING',
        explanation: expect.stringMatching(/^standard not encoded: /),
      });
      expect(result.eligible).toBe(true);
    }
  });

  it('rule 1: a new rule set changes which criteria apply through its table, not through code', () => {
    const lenient: EligibilityTable = {
      generic: ['award.subject-kind'],
      byAward: {},
      encodedStandards: ['BK_TINH'],
      notEncoded: {},
    };
    const result = assessEligibility(
      {
        awardCode: 'BK_TINH',
        subjectKind: 'INDIVIDUAL',
        evaluationYear: 2024,
        history: aHistory().build(),
        ruleSetVersion: RULE_SET_2025.version,
      },
      RULE_SETS,
      { [RULE_SET_2025.version]: lenient },
    );
    expect(result).toMatchObject({ eligible: true, criteria: [{ id: 'award.subject-kind' }] });
  });

  it('rule 1: an unknown rule-set version is refused with an explanation', () => {
    const result = assess('BK_TINH', aHistory(), { ruleSetVersion: 'LAW2003' });
    expect(result).toMatchObject({ eligible: false, criteria: [{ id: 'rule-set.known', rule: '1' }] });
  });

  it('every criterion is registered under its own id and names a rule and legal basis', () => {
    for (const [id, c] of Object.entries(CRITERIA)) {
      expect(c.id).toBe(id);
      expect(c.rule).not.toBe('');
      expect(c.legalBasis).not.toBe('');
      expect(c.description.vi).not.toBe('');
    }
  });
});
