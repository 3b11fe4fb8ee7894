import type { SubjectKind } from '../award/catalog';
import { RULE_SET_2024, RULE_SET_2025 } from '../rule-set/rule-sets';
import {
  DOSSIER_REQUIREMENTS,
  checkDossierParts,
  type CopyKind,
  type DossierPart,
  type DossierPartsCheck,
  type DossierPartsRequest,
} from './dossier-parts';

/** Immutable dossier builder: each step returns a new builder. */
class DossierBuilder {
  constructor(private readonly request: DossierPartsRequest) {}
  private with(patch: Partial<DossierPartsRequest>): DossierBuilder {
    return new DossierBuilder({ ...this.request, ...patch });
  }
  private attach(part: DossierPart): DossierBuilder {
    return this.with({ parts: [...this.request.parts, part] });
  }
  forSubject(subjectKind: SubjectKind): DossierBuilder {
    return this.with({ subjectKind });
  }
  underRuleSet(ruleSetVersion: string): DossierBuilder {
    return this.with({ ruleSetVersion });
  }
  asForeignerVariant(): DossierBuilder {
    return this.with({ variant: 'FOREIGNER' });
  }
  stateSecret(): DossierBuilder {
    return this.with({ stateSecret: true });
  }
  withoutPartyOrMassOrganisation(): DossierBuilder {
    return this.with({ withoutPartyOrMassOrganisation: true });
  }
  withToTrinh(copy: CopyKind = 'ORIGINAL'): DossierBuilder {
    return this.attach({ kind: 'TO_TRINH', copy });
  }
  withBaoCao(opts: { confirmed?: boolean; copy?: CopyKind; noPartyStatement?: boolean } = {}): DossierBuilder {
    return this.attach({
      kind: 'BAO_CAO_THANH_TICH',
      copy: opts.copy ?? 'ORIGINAL',
      confirmedBySubmittingLevel: opts.confirmed ?? true,
      ...(opts.noPartyStatement ? { statesNoPartyOrMassOrganisation: true } : {}),
    });
  }
  withBienBan(): DossierBuilder {
    return this.attach({ kind: 'BIEN_BAN', copy: 'ORIGINAL' });
  }
  withBallotResult(): DossierBuilder {
    return this.attach({ kind: 'KET_QUA_BO_PHIEU_KIN', copy: 'ORIGINAL' });
  }
  withElectronicFiles(): DossierBuilder {
    return this.attach({ kind: 'ELECTRONIC_FILES' });
  }
  withEvidence(ref: string, copy?: CopyKind): DossierBuilder {
    return this.attach({ kind: 'EVIDENCE', ref, ...(copy ? { copy } : {}) });
  }
  /** Tờ trình, confirmed báo cáo and biên bản, all originals. */
  withCorePackage(): DossierBuilder {
    return this.withToTrinh().withBaoCao().withBienBan();
  }
  check(): DossierPartsCheck {
    return checkDossierParts(this.request);
  }
}
const aDossier = (awardCode: string) =>
  new DossierBuilder({ awardCode, subjectKind: 'INDIVIDUAL', parts: [], ruleSetVersion: RULE_SET_2025.version });

const messages = (check: DossierPartsCheck) => check.missing.map((m) => m.message);

describe('rule 18: the Bằng khen Thủ tướng package', () => {
  it('rule 18: tờ trình, confirmed báo cáo thành tích and biên bản, with electronic files, are complete', () => {
    // given
    const dossier = aDossier('BK_THU_TUONG').withCorePackage().withElectronicFiles();
    // when
    const result = dossier.check();
    // then
    expect(result).toEqual({ complete: true, missing: [] });
  });

  it('rule 18: fails without the biên bản of the provincial council', () => {
    const result = aDossier('BK_THU_TUONG').withToTrinh().withBaoCao().withElectronicFiles().check();
    expect(result.complete).toBe(false);
    expect(result.missing).toEqual([
      {
        part: 'BIEN_BAN',
        rule: '18',
        legalBasis: 'Nghị định 152/2025/NĐ-CP, Điều 42; one original set',
        message: 'Biên bản (council minutes) is missing',
      },
    ]);
  });

  it('rule 18: fails when the báo cáo thành tích is not confirmed by the submitting level', () => {
    const result = aDossier('BK_THU_TUONG')
      .withToTrinh()
      .withBaoCao({ confirmed: false })
      .withBienBan()
      .withElectronicFiles()
      .check();
    expect(messages(result)).toEqual([
      'Báo cáo thành tích (achievement report) is not confirmed by the submitting level',
    ]);
  });

  it('rule 18: fails when the tờ trình is a copy rather than the one original set', () => {
    const result = aDossier('BK_THU_TUONG')
      .withToTrinh('CERTIFIED_COPY')
      .withBaoCao()
      .withBienBan()
      .withElectronicFiles()
      .check();
    expect(messages(result)).toEqual(['Tờ trình (proposal letter) must be the original (one original set)']);
  });

  it('rule 18: the foreigner variant needs no biên bản and no confirmation', () => {
    const result = aDossier('BK_THU_TUONG')
      .asForeignerVariant()
      .withToTrinh()
      .withBaoCao({ confirmed: false })
      .withElectronicFiles()
      .check();
    expect(result.complete).toBe(true);
  });

  it('rule 18: the foreigner variant still needs the tờ trình', () => {
    const result = aDossier('BK_THU_TUONG').asForeignerVariant().withBaoCao().withElectronicFiles().check();
    expect(result.missing.map((m) => m.part)).toEqual(['TO_TRINH']);
  });

  it('§3.2: a provincial Bằng khen without tờ trình is incomplete', () => {
    const result = aDossier('BK_TINH').withBaoCao().withBienBan().check();
    expect(result.missing).toMatchObject([{ part: 'TO_TRINH', rule: '§3.2' }]);
  });
});

describe('rule 19: electronic files for dossiers that go to the Prime Minister', () => {
  it('rule 19: a state-level dossier without electronic files is incomplete', () => {
    const result = aDossier('HC_LAO_DONG_3').withCorePackage().check();
    expect(result.missing).toMatchObject([{ part: 'ELECTRONIC_FILES', rule: '19' }]);
    expect(messages(result)[0]).toContain('goes to the Prime Minister');
  });

  it('rule 19: a state-secret dossier is exempt', () => {
    expect(aDossier('HC_LAO_DONG_3').withCorePackage().stateSecret().check().complete).toBe(true);
  });

  it('rule 19: a provincial dossier does not need electronic files', () => {
    expect(aDossier('BK_TINH').withCorePackage().check().complete).toBe(true);
  });
});

describe('rule 20: evidence must be originals or certified copies', () => {
  it('rule 20: a plain copy of evidence is refused', () => {
    const result = aDossier('BK_TINH')
      .withCorePackage()
      .withEvidence('giay-chung-nhan-sang-kien.pdf', 'PLAIN_COPY')
      .check();
    expect(result.complete).toBe(false);
    expect(result.missing).toMatchObject([{ part: 'EVIDENCE', rule: '20' }]);
    expect(messages(result)[0]).toBe(
      'Evidence giay-chung-nhan-sang-kien.pdf is a plain copy; attach the original or a copy certified by the competent authority',
    );
  });

  it('rule 20: originals and certified copies are accepted', () => {
    const result = aDossier('BK_TINH')
      .withCorePackage()
      .withEvidence('a.pdf', 'ORIGINAL')
      .withEvidence('b.pdf', 'CERTIFIED_COPY')
      .check();
    expect(result.complete).toBe(true);
  });

  it('rule 20: evidence not marked either way is refused', () => {
    const result = aDossier('BK_TINH').withCorePackage().withEvidence('c.pdf').check();
    expect(messages(result)[0]).toContain('is not marked original or certified copy');
  });
});

describe('rule 21: a collective without Party or mass organisation says so', () => {
  it('rule 21: the report of such a collective without the statement is incomplete', () => {
    const result = aDossier('BK_TINH')
      .forSubject('COLLECTIVE')
      .withoutPartyOrMassOrganisation()
      .withCorePackage()
      .check();
    expect(result.missing).toMatchObject([{ part: 'BAO_CAO_THANH_TICH', rule: '21' }]);
  });

  it('rule 21: with the statement in the report the dossier is complete', () => {
    const result = aDossier('BK_TINH')
      .forSubject('COLLECTIVE')
      .withoutPartyOrMassOrganisation()
      .withToTrinh()
      .withBaoCao({ noPartyStatement: true })
      .withBienBan()
      .check();
    expect(result.complete).toBe(true);
  });

  it('rule 21: a collective with its organisations needs no statement', () => {
    expect(aDossier('BK_TINH').forSubject('COLLECTIVE').withCorePackage().check().complete).toBe(true);
  });

  it('rule 21: a missing report is reported once, not again for the statement', () => {
    const result = aDossier('BK_TINH')
      .forSubject('COLLECTIVE')
      .withoutPartyOrMassOrganisation()
      .withToTrinh()
      .withBienBan()
      .check();
    expect(result.missing.map((m) => [m.part, m.rule])).toEqual([['BAO_CAO_THANH_TICH', '§3.2']]);
  });
});

describe('rule 22 [U]: secret-ballot awards carry the ballot result', () => {
  it('rule 22: a CSTĐ tỉnh dossier without the kết quả bỏ phiếu kín is incomplete', () => {
    const result = aDossier('CSTD_TINH').withCorePackage().check();
    expect(result.missing).toMatchObject([{ part: 'KET_QUA_BO_PHIEU_KIN', rule: '22' }]);
    expect(messages(result)[0]).toContain('secret ballot');
  });

  it('rule 22: with the ballot result the CSTĐ tỉnh dossier is complete', () => {
    expect(aDossier('CSTD_TINH').withCorePackage().withBallotResult().check().complete).toBe(true);
  });

  it('rule 22: an open-ballot award (Bằng khen tỉnh) needs no ballot result', () => {
    expect(aDossier('BK_TINH').withCorePackage().check().complete).toBe(true);
  });

  it('rule 22: CSTĐ toàn quốc needs both the ballot result and the electronic files', () => {
    const result = aDossier('CSTD_TOAN_QUOC').withCorePackage().check();
    expect(result.missing.map((m) => m.part)).toEqual(['ELECTRONIC_FILES', 'KET_QUA_BO_PHIEU_KIN']);
  });
});

describe('rule 1: requirement tables per rule-set version', () => {
  it('rule 1: both shipped rule sets have a requirement table', () => {
    expect(Object.keys(DOSSIER_REQUIREMENTS).sort()).toEqual([RULE_SET_2024.version, RULE_SET_2025.version].sort());
  });

  it('rule 1: under the 2024 rule set the BK TTg package cites NĐ 98/2023', () => {
    const result = aDossier('BK_THU_TUONG')
      .underRuleSet(RULE_SET_2024.version)
      .withToTrinh()
      .withBaoCao()
      .withElectronicFiles()
      .check();
    expect(result.missing[0].legalBasis).toContain('Nghị định 98/2023/NĐ-CP');
  });

  it('rule 1: an unknown rule-set version cannot be checked', () => {
    const result = aDossier('BK_TINH').underRuleSet('LAW2003').withCorePackage().check();
    expect(result).toMatchObject({ complete: false, missing: [{ part: 'RULE_SET', rule: '1' }] });
  });

  it('§2: an unknown award code cannot be checked', () => {
    expect(aDossier('NO_SUCH_AWARD').withCorePackage().check()).toMatchObject({
      complete: false,
      missing: [{ part: 'AWARD' }],
    });
  });
});
