/**
 * Administration in a real Chromium (issue 11): an administrator creates a unit and a user on the screens, imports a
 * small CSV of users — the dry run shows the row error in Vietnamese and offers no import, the corrected file imports
 * as a background job whose progress and result the screen shows —, the user's history names the administrator and the file's row, and the imported user signs in.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { http, tokenFor, type Cast, type TestSystem } from '../support/system';
import { browserSuite, choose, screenshot, signIn, switchUser } from '../support/browser';

let sys: TestSystem;
let cast: Cast;
let page: Page;

browserSuite(
  (s) => ({ sys, cast } = s),
  (p) => (page = p),
);

test('an administrator creates a unit and a user, dry-runs a CSV with a row error, imports the fixed file, and the imported user signs in', async () => {
  const tag = randomUUID().slice(0, 8);
  await sys.directory.upsertUser({
    id: `qt-${tag}`,
    username: `qt.${tag}`,
    fullName: 'Quản trị viên',
    role: 'ADMINISTRATOR',
    unitCode: cast.provinceUnitCode,
  });
  const unitCode = `SNV-${tag}`;

  await signIn(page, `qt.${tag}`);
  await page.locator('header a[href="/admin"]').click();

  // A unit under the province, created on the Units tab.
  await page.locator('[data-testid="unit-create"]').click();
  await page.locator('#unit_code').fill(unitCode);
  await page.locator('#unit_name').fill(`Sở Nội vụ ${tag}`);
  await choose(page, '#unit_kind', 'Sở, ban, ngành');
  await choose(page, '#unit_parentCode', `(${cast.provinceUnitCode})`, { typed: cast.provinceUnitCode });
  await page.locator('[data-testid="unit-save"]').click();
  await page.locator('[data-testid="units"] tr', { hasText: unitCode }).filter({ hasText: 'Sở, ban, ngành' }).waitFor();
  await screenshot(page, 'a1-admin-units');

  // A user in it, created on the Users tab (the list narrowed to the new unit: everyone's users are listed 50 a page).
  await page.locator('[data-testid="tab-users"]').click();
  await page.getByRole('combobox', { name: 'Lọc theo đơn vị' }).fill(unitCode);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `(${unitCode})` }).click();
  await page.locator('[data-testid="user-create"]').click();
  await page.locator('#user_username').fill(`cb.${tag}`);
  await page.locator('#user_fullName').fill('Trần Thị Bích');
  await choose(page, '#user_role', 'Cán bộ TĐKT đơn vị');
  await choose(page, '#user_unitCode', `(${unitCode})`, { typed: unitCode });
  await page.locator('[data-testid="user-save"]').click();
  await page
    .locator('[data-testid="users"] tr', { hasText: `cb.${tag}` })
    .filter({ hasText: 'Cán bộ TĐKT đơn vị' })
    .waitFor();

  // A CSV of two users: the second has a role that does not exist. The dry run lists it; nothing can be imported.
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-admin-'));
  const header = 'Tên đăng nhập,Họ và tên,Vai trò,Mã đơn vị';
  const bad = join(dir, 'nguoi-dung.csv');
  writeFileSync(
    bad,
    [
      header,
      `ld.${tag},Lê Văn Dũng,Thủ trưởng đơn vị,${unitCode}`,
      `x.${tag},Ngô Thị Xuân,Phó giám đốc,${unitCode}`,
    ].join('\n'),
  );
  await page.locator('[data-testid="tab-directoryImport"]').click();
  await page.locator('#directory-file').setInputFiles(bad);
  await page.locator('[data-testid="directory-dry-run"]').click();
  await page.locator('[data-testid="dry-run-result"]', { hasText: '1 lỗi' }).waitFor();
  await page
    .locator('[data-testid="import-errors"] tr', { hasText: 'Vai trò không có trong danh mục.' })
    .filter({ hasText: '3' })
    .waitFor();
  expect(await page.locator('[data-testid="directory-import"]').isDisabled()).toBe(true);
  await screenshot(page, 'a2-admin-import-dry-run-error');

  // The fixed file: a clean dry run, then the import.
  const good = join(dir, 'nguoi-dung-da-sua.csv');
  writeFileSync(good, [header, `ld.${tag},Lê Văn Dũng,Thủ trưởng đơn vị,${unitCode}`].join('\n'));
  await page.locator('#directory-file').setInputFiles(good);
  await page.locator('[data-testid="directory-dry-run"]').click();
  await page.locator('[data-testid="dry-run-result"]', { hasText: 'Không có lỗi' }).waitFor();
  // The import runs as an admin job: its status (rows written / total) is shown until it ends, then the result.
  await page.locator('[data-testid="directory-import"]').click();
  await page.locator('[data-testid="directory-job"][data-status="SUCCEEDED"]', { hasText: 'Đã nhập xong' }).waitFor();
  await page.locator('[data-testid="directory-job-progress"]', { hasText: 'Đã ghi 1/1 dòng' }).waitFor();
  await page.locator('[data-testid="import-done"]', { hasText: 'Đã nhập 1 dòng' }).waitFor();
  await page
    .locator('[data-testid="import-rows"] tr', { hasText: `ld.${tag}` })
    .filter({ hasText: 'Thêm mới' })
    .waitFor();
  const [job] = (await sys.db.query(
    `SELECT status, done::int AS done, total::int AS total, created_by FROM admin_job WHERE kind = 'DIRECTORY_IMPORT' AND params->>'fileName' = 'nguoi-dung-da-sua.csv' AND created_by = $1`,
    [`qt-${tag}`],
  )) as { status: string; done: number; total: number; created_by: string }[];
  expect(job).toEqual({ status: 'SUCCEEDED', done: 1, total: 1, created_by: `qt-${tag}` });
  await screenshot(page, 'a3-admin-import-done');

  // The imported user's history names the administrator and the file's row.
  await page.locator('[data-testid="tab-users"]').click();
  // Everyone's users are listed 50 a page: the administrator narrows the list to the new unit, as a person would.
  await page.getByRole('combobox', { name: 'Lọc theo đơn vị' }).fill(unitCode);
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option', { hasText: `(${unitCode})` }).click();
  await page.locator(`[data-testid="user-history-ld.${tag}"]`).click();
  await page
    .locator('[data-testid="history"] tr', { hasText: `qt-${tag}` })
    .filter({ hasText: 'Nhập từ tệp, dòng 2' })
    .waitFor();

  // Both new people can sign in.
  expect((await http(sys, 'GET', '/dossiers', { token: await tokenFor(sys, `cb.${tag}`) })).status).toBe(200);
  await switchUser(page, `ld.${tag}`);
  await page.locator('[data-testid="me"]', { hasText: 'Lê Văn Dũng' }).waitFor();
}, 120_000); // three screens checked by axe and two dry runs: more than the default minute on a loaded machine

test('an administrator opens a term of the provincial council and seats a member with a council role', async () => {
  const tag = randomUUID().slice(0, 8);
  const year = new Date().getUTCFullYear();
  await sys.directory.upsertUser({
    id: `qt2-${tag}`,
    username: `qt2.${tag}`,
    fullName: 'Quản trị viên 2',
    role: 'ADMINISTRATOR',
    unitCode: cast.provinceUnitCode,
  });
  await signIn(page, `qt2.${tag}`);
  await page.goto('/admin?tab=councils');
  await choose(page, '#council-unit-select', `(${cast.provinceUnitCode})`, { typed: cast.provinceUnitCode });
  await page.locator('#term_name').fill(`Nhiệm kỳ ${year}–${year + 5}`);
  for (const [id, day] of [
    ['term_from', `01/01/${year}`],
    ['term_to', `31/12/${year + 4}`],
  ]) {
    await page.locator(`#${id}`).click();
    await page.locator(`#${id}`).fill(day);
    await page.keyboard.press('Enter');
  }
  await page.locator('[data-testid="term-open"]').click();
  const term = page.locator('[data-testid="council-term"]', { hasText: `Nhiệm kỳ ${year}–${year + 5}` });
  await term.waitFor();
  await term.locator('[data-testid="seat-add"]').click();
  await choose(page, '#seat_userId', cast.users.member1.username, { typed: cast.users.member1.username });
  await choose(page, '#seat_councilRole', 'Ủy viên thường trực');
  await page.locator('[data-testid="seat-save"]').click();
  await term.locator('tr', { hasText: cast.users.member1.id }).filter({ hasText: 'Ủy viên thường trực' }).waitFor();
  await screenshot(page, 'a4-admin-council-term');
  expect(await sys.directory.councilMembersFor(cast.unitCode)).toContain(cast.users.member1.id);
});

test('award history in: the dry run of a file with an unknown award lists the row; the fixed file imports as a job', async () => {
  const tag = randomUUID().slice(0, 8);
  await sys.directory.upsertUser({
    id: `qt3-${tag}`,
    username: `qt3.${tag}`,
    fullName: 'Quản trị viên 3',
    role: 'ADMINISTRATOR',
    unitCode: cast.provinceUnitCode,
  });
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-awards-'));
  const header = 'Họ và tên,Mã đơn vị,Hình thức khen thưởng,Năm,Số quyết định,Ngày quyết định';
  const bad = join(dir, 'khen-thuong.csv');
  writeFileSync(
    bad,
    [
      header,
      `Đỗ Văn Em ${tag},${cast.unitCode},Bằng khen của Chủ tịch UBND tỉnh,2019,7/QĐ-UBND-${tag},12/03/2020`,
      `Vũ Thị Gấm ${tag},${cast.unitCode},Huy chương gì đó,2019,8/QĐ-UBND-${tag},12/03/2020`,
    ].join('\n'),
  );
  await signIn(page, `qt3.${tag}`);
  await page.goto('/admin?tab=awardImport');
  await page.locator('#award-file').setInputFiles(bad);
  await page.locator('[data-testid="award-dry-run"]').click();
  await page.locator('[data-testid="award-job"][data-status="FAILED"]').waitFor();
  await page
    .locator('[data-testid="import-errors"] tr', { hasText: 'Hình thức khen thưởng' })
    .filter({ hasText: 'Huy chương gì đó' })
    .waitFor();
  expect(await page.locator('[data-testid="award-import"]').isDisabled()).toBe(true);
  const good = join(dir, 'khen-thuong-da-sua.csv');
  writeFileSync(
    good,
    [
      header,
      `Đỗ Văn Em ${tag},${cast.unitCode},Bằng khen của Chủ tịch UBND tỉnh,2019,7/QĐ-UBND-${tag},12/03/2020`,
    ].join('\n'),
  );
  await page.locator('#award-file').setInputFiles(good);
  await page.locator('[data-testid="award-dry-run"]').click();
  await page.locator('[data-testid="award-job"][data-status="VALIDATED"]').waitFor();
  await page.locator('[data-testid="award-import"]').click();
  await page.locator('[data-testid="award-job"][data-status="SUCCEEDED"]').waitFor();
  await screenshot(page, 'a5-admin-award-import');
  const rows = (await sys.db.query(`SELECT award_code FROM award_history WHERE full_name = $1`, [
    `Đỗ Văn Em ${tag}`,
  ])) as { award_code: string }[];
  expect(rows).toEqual([{ award_code: 'BK_TINH' }]);
});
