import { AWARD_CODES, findAward } from './catalog';

describe('the award catalog follows the Law', () => {
  it('Huân chương Quân công has hạng Nhất, Nhì and Ba (Luật TĐKT 2022 Điều 33)', () => {
    expect(['HC_QUAN_CONG_1', 'HC_QUAN_CONG_2', 'HC_QUAN_CONG_3'].map((c) => findAward(c)?.nameVi)).toEqual([
      'Huân chương Quân công hạng Nhất',
      'Huân chương Quân công hạng Nhì',
      'Huân chương Quân công hạng Ba',
    ]);
  });
  it('Huy chương Chiến sĩ vẻ vang has hạng Nhất, Nhì and Ba (Luật TĐKT 2022 Điều 54)', () => {
    expect(
      ['HCH_CHIEN_SI_VE_VANG_1', 'HCH_CHIEN_SI_VE_VANG_2', 'HCH_CHIEN_SI_VE_VANG_3'].every((c) =>
        AWARD_CODES.includes(c),
      ),
    ).toBe(true);
    expect(findAward('HCH_CHIEN_SI_VE_VANG_3')).toMatchObject({
      route: 'STATE',
      decider: 'PRESIDENT',
      subjects: ['INDIVIDUAL'],
    });
  });
  it('the class-less medal code of older events is still found, but not offered for new dossiers', () => {
    expect(findAward('HCH_CHIEN_SI_VE_VANG')?.route).toBe('STATE');
    expect(AWARD_CODES).not.toContain('HCH_CHIEN_SI_VE_VANG');
  });
});
