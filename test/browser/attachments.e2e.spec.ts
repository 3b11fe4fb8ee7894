/**
 * Attachments in a real Chromium: the clerk opens a draft dossier, uploads a PDF to the Tờ trình part and sees it
 * listed (name, size, the SHA-256's start, date, who), downloads it byte for byte; the unit head sees the file but no
 * upload button.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { aBkTinhDossier, http, type Cast, type TestSystem } from '../support/system';
import { browserSuite, screenshot, signIn, switchUser } from '../support/browser';
import { aPdf } from '../support/sample-files';

let sys: TestSystem;
let cast: Cast;
let tokens: Record<string, string>;
let page: Page;

browserSuite(
  (s) => ({ sys, cast, tokens } = s),
  (p) => (page = p),
);

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

test('the clerk uploads a PDF to a dossier part, sees it listed with its hash, and downloads it; the unit head only reads', async () => {
  const created = await http<{ id: string }>(sys, 'POST', '/dossiers', { token: tokens.clerk, body: aBkTinhDossier() });
  const id = created.body.id;
  const pdf = aPdf('To trinh de nghi khen thuong');

  await signIn(page, cast.users.clerk.username);
  await page.goto(`/dossiers/${id}`);
  const part = page.locator('[data-testid="part-files-TO_TRINH"]');
  await part.getByText('Chưa có tệp').waitFor();
  await page
    .locator('[data-testid="upload-TO_TRINH"] input[type="file"]')
    .setInputFiles({ name: 'Tờ trình số 12.pdf', mimeType: 'application/pdf', buffer: pdf });
  await page.getByText('Đã tải tệp lên').waitFor();
  const line = part.locator('[data-testid^="file-"]', { hasText: 'Tờ trình số 12.pdf' });
  await line.waitFor();
  await line.getByText('Phiên bản 1').waitFor();
  await line.locator('[data-testid="sha256"]', { hasText: sha(pdf).slice(0, 12) }).waitFor();
  await line.getByText(`clerk ${cast.users.clerk.id.slice('clerk-'.length)}`, { exact: false }).waitFor();
  await screenshot(page, 'f1-clerk-attachments');

  const [download] = await Promise.all([
    page.waitForEvent('download'),
    line.locator('[data-testid^="download-"]').click(),
  ]);
  expect(download.suggestedFilename()).toBe('Tờ trình số 12.pdf');
  expect(sha(readFileSync(await download.path()))).toBe(sha(pdf));

  await switchUser(page, cast.users.head.username);
  await page.goto(`/dossiers/${id}`);
  await page.locator('[data-testid="part-files-TO_TRINH"]', { hasText: 'Tờ trình số 12.pdf' }).waitFor();
  expect(await page.locator('[data-testid^="upload-"]').count()).toBe(0);
});
