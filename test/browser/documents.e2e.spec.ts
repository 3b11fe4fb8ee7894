/**
 * Official documents in the web app, in a real Chromium: on a closed council session the secretariat downloads the
 * Biên bản họp as a PDF (read back with pdftotext); on an awarded dossier the clerk sees the Quyết định and the Bằng
 * khen to print or download, and no Tờ trình (a provincial award has none).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { driveDossier, http, type Cast, type TestSystem } from '../support/system';
import { browserSuite, screenshot, signIn } from '../support/browser';
import { pdfText } from '../support/pdf';

let sys: TestSystem;
let cast: Cast;
let tokens: Record<string, string>;
let page: Page;

browserSuite(
  (s) => ({ sys, cast, tokens } = s),
  (p) => (page = p),
);

it('the secretariat downloads the Biên bản of a closed session from the session page', async () => {
  const dossiers = [await driveDossier(sys, tokens, 2), await driveDossier(sys, tokens, 2)];
  const post = (path: string, who: string, body: unknown) =>
    http<{ id: string }>(sys, 'POST', path, { token: tokens[who], body });
  const convened = await post('/council-sessions', 'secretariat', {
    title: 'Phiên họp in biên bản',
    deadline: `${new Date().getUTCFullYear() + 1}-12-31`,
    dossierIds: dossiers,
  });
  expect(convened.status).toBe(201);
  const id = convened.body.id;
  for (const who of ['member1', 'member2', 'member3'] as const)
    expect(
      (
        await post(`/council-sessions/${id}/attendance`, 'secretariat', {
          memberId: cast.users[who].id,
          attendance: 'PRESENT',
        })
      ).status,
    ).toBe(200);
  for (const who of ['member1', 'member2', 'member3'])
    for (const d of dossiers)
      expect((await post(`/council-sessions/${id}/votes`, who, { dossierId: d, approve: true })).status).toBe(200);
  expect((await post(`/council-sessions/${id}/close`, 'member3', {})).status).toBe(200);

  await signIn(page, cast.users.secretariat.username);
  await page.goto(`/council-sessions/${id}`);
  await page.locator('[data-testid="document-minutes"]').waitFor();
  // Before the chairman's decision, the session has its minutes only.
  expect(await page.locator('[data-testid="document-decision"]').count()).toBe(0);
  await expect(page.locator('[data-testid="document-minutes"]').innerText()).resolves.toContain('Biên bản họp');
  await screenshot(page, 'session-documents');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid="document-download-minutes"]').click(),
  ]);
  expect(download.suggestedFilename()).toBe(`minutes-${id}.pdf`);
  const pdf = readFileSync(await download.path());
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const text = pdfText(pdf);
  for (const expected of [
    'BIÊN BẢN',
    'Họp Hội đồng Thi đua - Khen thưởng: Phiên họp in biên bản',
    'Thành phần: 3 thành viên Hội đồng, 3 thành viên có mặt',
    'Kết luận: ĐẠT',
  ])
    expect(text).toContain(expected);
}, 120_000);

it("the clerk prints or downloads an awarded dossier's Quyết định and Bằng khen; there is no Tờ trình for a provincial award", async () => {
  const id = await driveDossier(sys, tokens);
  await signIn(page, cast.users.clerk.username);
  await page.goto(`/dossiers/${id}`);
  await page.locator('[data-testid="document-certificate"]').waitFor();
  await expect(page.locator('[data-testid="document-decision"]').innerText()).resolves.toContain(
    'Quyết định khen thưởng',
  );
  expect(await page.locator('[data-testid="document-proposal"]').count()).toBe(0);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.locator('[data-testid="document-download-certificate"]').click(),
  ]);
  const text = pdfText(readFileSync(await download.path()));
  expect(text).toContain('BẰNG KHEN');
  expect(text).toContain('Nguyễn Thị Lan');
  // Print opens the PDF in a new tab.
  const [tab] = await Promise.all([
    page.context().waitForEvent('page'),
    page.locator('[data-testid="document-print-decision"]').click(),
  ]);
  await tab.waitForURL(/^blob:/);
  await tab.close();
}, 120_000);
