/**
 * A block's emulation year in a real Chromium, in Vietnamese, from the template to the closure: the head unit's head
 * fills the scoring template, the secretariat approves it, takes the pledges on the members' behalf, records the mid-year
 * check (sơ kết 6 tháng) with a remark on a member and opens the self-assessment; two members' clerks assess themselves (evidence where the criterion asks for it), the third sends
 * nothing; the secretariat closes the self-assessment, adjusts a score with its reason and ranks the block (two members
 * share the first place); the head proposes a member outside the leading places and sees the rule refused, then its
 * own leading unit, which the meeting's vote does not carry (one of three present), then carries by secret ballot with
 * one member absent; that unit's clerk creates its Cờ thi đua draft dossier from the proposal and opens it; the
 * secretariat sees it listed and closes the year. What the screens show is checked against the API.
 * The block, its units and people are this file's own (the cast's province, a tag of their own).
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { http, tokenFor, type Cast, type TestSystem } from '../support/system';
import { browserSuite, choose, expectStatus, screenshot, signIn, switchUser } from '../support/browser';

let sys: TestSystem;
let cast: Cast;
let tokens: Record<string, string>;
let page: Page;

browserSuite(
  (s) => ({ sys, cast, tokens } = s),
  (p) => (page = p),
);

const tag = randomUUID().slice(0, 6);
const [A, B, C] = ['A', 'B', 'C'].map((u) => `KB${u}-${tag}`);
const name = (u: string) => `Sở thành viên ${u}`;
const year = new Date().getUTCFullYear() - 1;

interface Ranked {
  unitCode: string;
  rank: number;
  total: number;
  assessed: boolean;
}
interface YearView {
  phase: string;
  state: {
    template?: { criteria: { code: string; maxPoints: number; evidenceRequired: boolean }[]; maxPenalty: number };
    assessments: {
      unitCode: string;
      scores: { criterionCode: string; points: number; evidence: string[] }[];
      bonus: number;
      bonusReason?: string;
    }[];
    missingAssessments: string[];
    midYearCheck?: { heldOn: string; summary: string; remarks: { unitCode: string; remark: string }[] };
    adjustments: { unitCode: string; target: string; points: number; reason: string }[];
    ranking?: Ranked[];
    proposals?: { provincial: string[]; government: string[]; minutesRef: string };
    proposalDossiers?: { unitCode: string; flag: string; awardCode: string; dossierId: string }[];
  };
}

const phase = (p: string) => page.locator(`[data-testid="block-year-phase"][data-phase="${p}"]`).waitFor();

test('a head unit fills the template, the secretariat approves it, members self-assess, the secretariat ranks, the block votes to propose its leader, whose clerk creates the dossier', async () => {
  const province = (await sys.directory.provinceOf(cast.unitCode)) ?? '';
  for (const u of [A, B, C])
    await sys.directory.upsertUnit({ code: u, name: name(u), level: 'AGENCY', provinceCode: province });
  const people: [string, 'UNIT_HEAD' | 'UNIT_CLERK', string][] = [
    [`head.${A}`, 'UNIT_HEAD', A],
    [`clerk.${A}`, 'UNIT_CLERK', A],
    [`clerk.${B}`, 'UNIT_CLERK', B],
  ];
  for (const [username, role, unitCode] of people)
    await sys.directory.upsertUser({ id: username, username, fullName: username, role, unitCode });
  const block = await http<{ blockId: string }>(sys, 'POST', '/emulation-blocks', {
    token: tokens.secretariat,
    body: {
      code: `KTD-${tag}`,
      name: `Khối thi đua ${tag}`,
      members: [A, B, C].map((u) => ({ unitCode: u, name: name(u) })),
    },
  });
  expect(block.status).toBe(201);
  const opened = await http<{ blockYearId: string; headUnit: string; deputyUnit: string }>(
    sys,
    'POST',
    `/emulation-blocks/${block.body.blockId}/years`,
    { token: tokens.secretariat, body: { year } },
  );
  expect(opened.body).toMatchObject({ headUnit: A, deputyUnit: B });
  const id = opened.body.blockYearId;
  const view = async () =>
    (await http<YearView>(sys, 'GET', `/block-years/${id}`, { token: await tokenFor(sys, `clerk.${B}`) })).body;
  const yearPage = `/block-years/${id}`;

  // The head unit's head: the scoring template (two criteria, the first needs evidence; bonus and penalty maxima).
  await signIn(page, `head.${A}`);
  await page.goto(yearPage);
  await phase('TEMPLATE_PENDING');
  await page.locator('#template_criteria_0_title').fill('Hoàn thành nhiệm vụ chuyên môn');
  await page.locator('#template_criteria_0_maxPoints').fill('70');
  await page.locator('[data-testid="add-criterion"]').click();
  await page.locator('#template_criteria_1_title').fill('Tổ chức phong trào thi đua');
  await page.locator('#template_criteria_1_maxPoints').fill('30');
  await page.locator('#template_maxPenalty').fill('10');
  await screenshot(page, 'by1-template-form');
  await page.locator('[data-testid="save-template"]').click();
  await phase('TEMPLATE_ADOPTED');
  expect((await view()).state.template).toEqual({
    criteria: [
      { code: 'TC1', title: 'Hoàn thành nhiệm vụ chuyên môn', maxPoints: 70, evidenceRequired: true },
      { code: 'TC2', title: 'Tổ chức phong trào thi đua', maxPoints: 30, evidenceRequired: false },
    ],
    maxBonus: 5,
    maxPenalty: 10,
  });
  // Only the secretariat approves: the head sees no approval button.
  expect(await page.locator('[data-testid="approve-template"]').count()).toBe(0);

  // The secretariat approves, signs the pledges on the members' behalf and opens the self-assessment.
  await switchUser(page, cast.users.secretariat.username);
  await page.goto(yearPage);
  await page.locator('[data-testid="approve-template"]').click();
  await phase('PLEDGING');
  for (const u of [A, B, C]) {
    await page.locator(`[data-testid="pledge-${u}"]`).click();
    await page.locator(`[data-testid="pledge-${u}"]`).waitFor({ state: 'detached' });
  }
  await phase('IN_PROGRESS');
  // The mid-year check (sơ kết 6 tháng): a day of the block's year, the summary and a remark on C.
  const midYear = page.locator('[data-testid="block-mid-year-check"]');
  await midYear.getByText('Chưa ghi nhận sơ kết 6 tháng.').waitFor();
  await page.locator('#midYear_heldOn').click();
  await page.locator('#midYear_heldOn').fill(`10/07/${year}`);
  await page.keyboard.press('Tab');
  await page.locator('#midYear_summary').fill('Các đơn vị hoàn thành 55% kế hoạch năm');
  await page.locator(`[id="midYear_remarks_${C}"]`).fill('Cần đẩy nhanh tiến độ tiêu chí 1');
  await screenshot(page, 'by1b-mid-year-check-form');
  await page.locator('[data-testid="record-mid-year-check"]').click();
  await midYear.locator('[data-testid="mid-year-held-on"]', { hasText: `10/07/${year}` }).waitFor();
  await midYear
    .locator(`[data-testid="mid-year-remarks"] li[data-unit="${C}"]`, {
      hasText: `${name(C)} (${C}): Cần đẩy nhanh tiến độ tiêu chí 1`,
    })
    .waitFor();
  expect((await view()).state.midYearCheck).toMatchObject({
    heldOn: `${year}-07-10`,
    summary: 'Các đơn vị hoàn thành 55% kế hoạch năm',
    remarks: [{ unitCode: C, remark: 'Cần đẩy nhanh tiến độ tiêu chí 1' }],
  });
  await page.locator('[data-testid="open-self-assessment"]').click();
  await phase('SELF_ASSESSMENT');
  // Once the self-assessment is open the mid-year check is kept as recorded, no longer offered.
  expect(await page.locator('[data-testid="record-mid-year-check"]').count()).toBe(0);
  await page.locator('[data-testid="self-assessment-deadline"]').waitFor();
  // The secretariat does not assess for a member.
  expect(await page.locator('[data-testid="assessment-form"]').count()).toBe(0);

  // Member A's clerk: points without evidence on TC1 are stopped by the form, then sent with the evidence.
  await switchUser(page, `clerk.${A}`);
  await page.goto(yearPage);
  await page.locator('#assessment_scores_0_points').fill('65');
  await page.locator('#assessment_scores_1_points').fill('20');
  await page.locator('[data-testid="submit-assessment"]').click();
  await page.getByText('Tiêu chí này cần minh chứng cho số điểm tự chấm').waitFor();
  await page.locator('#assessment_scores_0_evidence').fill('12/BC-A\n15/QĐ-A');
  // A bonus point claimed with its grounds, shown to everyone beside the points…
  await page.locator('#assessment_bonus').fill('2');
  await page.locator('#assessment_bonusReason').fill('Bằng khen của Bộ cho phong trào chuyển đổi số');
  await screenshot(page, 'by2-self-assessment');
  await page.locator('[data-testid="submit-assessment"]').click();
  await page.getByText('Đơn vị đã gửi bản tự chấm').waitFor();
  const rowOfA = page.locator(`[data-testid="assessments"] tr[data-row-key="${A}"]`);
  await rowOfA.filter({ hasText: 'Điểm thưởng: Bằng khen của Bộ cho phong trào chuyển đổi số' }).waitFor();
  expect((await view()).state.assessments.find((a) => a.unitCode === A)).toMatchObject({
    bonus: 2,
    bonusReason: 'Bằng khen của Bộ cho phong trào chuyển đổi số',
  });
  // …then withdrawn before the deadline: sending again replaces the self-assessment, grounds included.
  await page.locator('#assessment_bonus').fill('0');
  await page.locator('#assessment_bonusReason').fill('');
  await page.locator('[data-testid="submit-assessment"]').click();
  await rowOfA.filter({ hasNotText: 'Bằng khen của Bộ' }).waitFor();

  await switchUser(page, `clerk.${B}`);
  await page.goto(yearPage);
  // Every member sees the mid-year check as recorded.
  await page
    .locator('[data-testid="mid-year-summary"]', { hasText: 'Các đơn vị hoàn thành 55% kế hoạch năm' })
    .waitFor();
  await page.locator('#assessment_scores_0_points').fill('70');
  await page.locator('#assessment_scores_0_evidence').fill('08/BC-B');
  await page.locator('#assessment_scores_1_points').fill('20');
  await page.locator('[data-testid="submit-assessment"]').click();
  await page.getByText('Đơn vị đã gửi bản tự chấm').waitFor();
  const assessed = await view();
  expect(assessed.state.assessments.find((a) => a.unitCode === A)).not.toHaveProperty('bonusReason');
  expect(assessed.state.assessments.map((a) => [a.unitCode, a.scores])).toEqual([
    [
      A,
      [
        { criterionCode: 'TC1', points: 65, evidence: ['12/BC-A', '15/QĐ-A'] },
        { criterionCode: 'TC2', points: 20, evidence: [] },
      ],
    ],
    [
      B,
      [
        { criterionCode: 'TC1', points: 70, evidence: ['08/BC-B'] },
        { criterionCode: 'TC2', points: 20, evidence: [] },
      ],
    ],
  ]);

  // The secretariat closes it (C sent nothing), cuts B's TC1 with a reason, and ranks: A and B share the first place.
  await switchUser(page, cast.users.secretariat.username);
  await page.goto(yearPage);
  await page.locator('[data-testid="close-self-assessment"]').click();
  await phase('CROSS_REVIEW');
  await page.getByText(`Không gửi bản tự chấm đúng hạn: ${name(C)} (${C})`).waitFor();
  await choose(page, '[data-testid="adjust-unit"]', `(${B})`);
  await choose(page, '[data-testid="adjust-target"]', 'TC1.');
  await page.locator('#adjustment_points').fill('65');
  await page.locator('#adjustment_reason').fill('Một minh chứng không đúng năm thi đua');
  await page.locator('[data-testid="save-adjustment"]').click();
  await page.locator('[data-testid="adjustments"]', { hasText: 'Một minh chứng không đúng năm thi đua' }).waitFor();
  await page.locator('[data-testid="rank-block"]').click();
  await phase('RANKED');
  const ranked = await view();
  expect(ranked.state.adjustments).toEqual([
    { unitCode: B, target: 'TC1', points: 65, reason: 'Một minh chứng không đúng năm thi đua' },
  ]);
  expect(ranked.state.ranking?.map((r) => [r.unitCode, r.rank, r.total, r.assessed])).toEqual([
    [A, 1, 85, true],
    [B, 1, 85, true],
    [C, 3, 0, false],
  ]);
  const ranking = page.locator('[data-testid="ranking"]');
  await ranking.locator(`tr[data-unit="${A}"][data-rank="1"]`, { hasText: 'Đồng hạng' }).waitFor();
  await ranking.locator(`tr[data-unit="${B}"][data-rank="1"]`, { hasText: 'Đồng hạng' }).waitFor();
  await ranking.locator(`tr[data-unit="${C}"][data-rank="3"]`, { hasText: 'Chưa tự chấm' }).waitFor();
  // The secretariat may rank but the proposals are the block's (the head or the secretariat): its form is offered.
  await screenshot(page, 'by3-ranking');

  // The head proposes C (ranked third), all members present and voting for it: refused with the rule in Vietnamese.
  await switchUser(page, `head.${A}`);
  await page.goto(yearPage);
  const votes = (u: string) => page.locator(`[id="proposals_votes_PROVINCIAL_${u}"]`);
  // Every member is present by default.
  for (const u of [A, B, C])
    expect(await page.getByRole('checkbox', { name: `${name(u)} (${u})` }).isChecked()).toBe(true);
  await choose(page, '[data-testid="propose-provincial"]', `(${C})`);
  await page.keyboard.press('Escape');
  await page.locator('#proposals_minutesRef').fill(`01/BB-KTD-${tag}`);
  await votes(C).fill('3');
  await page.locator('[data-testid="send-proposals"]').click();
  await page
    .locator('[data-testid="refusal"]', { hasText: 'Chỉ đơn vị dẫn đầu khối mới được đề nghị tặng Cờ thi đua.' })
    .waitFor();
  expect((await view()).phase).toBe('RANKED');
  // Then its own leading unit, which one member of the three present votes for: refused, not more than half.
  await page.locator('[data-testid="propose-provincial"] .ant-select-selection-item-remove').click();
  await choose(page, '[data-testid="propose-provincial"]', `(${A})`);
  await page.keyboard.press('Escape');
  await votes(A).fill('1');
  await page.locator('[data-testid="send-proposals"]').click();
  await page
    .locator('[data-testid="refusal"]', {
      hasText: 'Đơn vị được đề nghị chưa được quá nửa số đơn vị có mặt tán thành.',
    })
    .waitFor();
  expect((await view()).phase).toBe('RANKED');
  // By secret ballot, C absent, both members present voting for A: proposed.
  await page.getByRole('radio', { name: 'Bỏ phiếu kín' }).check();
  await page.getByRole('checkbox', { name: `${name(C)} (${C})` }).uncheck();
  await page.getByText('2/3 đơn vị thành viên có mặt').waitFor();
  await votes(A).fill('2');
  await screenshot(page, 'by4-proposals-vote');
  await page.locator('[data-testid="send-proposals"]').click();
  await phase('PROPOSED');
  await page.locator('[data-testid="proposals"]', { hasText: `${name(A)} (${A})` }).waitFor();
  await page.locator('[data-testid="vote-recorded-method"]', { hasText: 'Bỏ phiếu kín' }).waitFor();
  await page
    .locator(`[data-testid="vote-tallies"] li[data-unit="${A}"][data-flag="PROVINCIAL"]`, {
      hasText: '2/2 đơn vị có mặt tán thành',
    })
    .waitFor();
  expect((await view()).state.proposals).toMatchObject({
    provincial: [A],
    government: [],
    minutesRef: `01/BB-KTD-${tag}`,
    vote: { method: 'SECRET', present: [A, B], tallies: [{ unitCode: A, flag: 'PROVINCIAL', votesFor: 2 }] },
  });
  expect(await page.locator('[data-testid="close-year"]').count()).toBe(0);
  // The head is no clerk: it does not create the dossier.
  expect(await page.locator('[data-testid="create-proposal-dossiers"]').count()).toBe(0);

  // A's clerk turns the proposal into its Cờ thi đua draft dossier and opens it.
  await switchUser(page, `clerk.${A}`);
  await page.goto(yearPage);
  await page.locator('[data-testid="create-proposal-dossiers"]').click();
  const created = page.locator('[data-testid="created-proposal-dossiers"] a', {
    hasText: 'Cờ thi đua của UBND tỉnh',
  });
  await created.waitFor();
  await screenshot(page, 'by5-proposal-dossier');
  const recorded = (await view()).state.proposalDossiers ?? [];
  expect(recorded).toEqual([
    { unitCode: A, flag: 'PROVINCIAL', awardCode: 'CO_TD_TINH', dossierId: expect.any(String) },
  ]);
  expect(await page.locator('[data-testid="create-proposal-dossiers"]').count()).toBe(0);
  await created.click();
  await page.waitForURL(`**/dossiers/${recorded[0]?.dossierId}`);
  await expectStatus(page, 'DRAFT');
  await page
    .locator('[data-testid="dossier-title"]', { hasText: `Cờ thi đua của UBND tỉnh năm ${year} cho ${name(A)}` })
    .waitFor();

  // The secretariat sees the dossier in the list (and creates none), then closes the year.
  await switchUser(page, cast.users.secretariat.username);
  await page.goto(yearPage);
  await page
    .locator(`[data-testid="proposal-dossiers"] a[href="/dossiers/${recorded[0]?.dossierId}"]`, { hasText: 'Mở hồ sơ' })
    .waitFor();
  expect(await page.locator('[data-testid="create-proposal-dossiers"]').count()).toBe(0);
  await page.locator('[data-testid="close-year"]').click();
  await phase('CLOSED');
  await screenshot(page, 'by6-closed');
  expect((await view()).phase).toBe('CLOSED');
});
