/**
 * The secretariat reviews registrations for emulation (đăng ký thi đua) in a real Chromium, in Vietnamese: of one
 * unit's two registrations (two years), it accepts one and returns the other with a reason — the return waits for a
 * reason; the unit's clerk then sees both outcomes and the reason on the same screen. What the screens show is checked
 * against the API. (The clerk's own registration through the form is proven in emulation.e2e.spec.ts.)
 */
import type { Page } from 'playwright-core';
import { http, type Cast, type TestSystem } from '../support/system';
import { browserSuite, screenshot, signIn, switchUser } from '../support/browser';

let sys: TestSystem;
let cast: Cast;
let tokens: Record<string, string>;
let page: Page;

browserSuite(
  (s) => ({ sys, cast, tokens } = s),
  (p) => (page = p),
);

interface Registration {
  registrationId: string;
  unitCode: string;
  year: number;
  status: string;
  state: { returns: { on: string; reason: string }[] };
}

// Years still open to registration whatever today is: the next two.
const first = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear() + 1;
const reason = 'Thiếu danh sách tập thể lao động xuất sắc; bổ sung và gửi lại';

test('the secretariat accepts one registration and returns another with a reason; the clerk sees both and the reason', async () => {
  const register = async (year: number, name: string) => {
    const res = await http<Registration>(sys, 'POST', '/registrations', {
      token: tokens.clerk,
      body: { year, subjects: [{ kind: 'INDIVIDUAL', name, awardCode: 'CSTD_CO_SO' }] },
    });
    expect(res.status).toBe(201);
    return res.body.registrationId;
  };
  const accepted = await register(first, 'Lường Thị Xuân');
  const returned = await register(first + 1, 'Quàng Văn Đông');
  const row = (id: string) => page.locator(`tr[data-row-key="${id}"]`);
  const status = (id: string, text: string) =>
    row(id).locator('[data-testid="registration-status"]', { hasText: text }).waitFor();
  const byApi = async (id: string) =>
    (await http<Registration>(sys, 'GET', `/registrations/${id}`, { token: tokens.auditor })).body;

  // The secretariat: both sent, each with its review buttons.
  await signIn(page, cast.users.secretariat.username);
  await page.goto('/registrations');
  await status(accepted, 'Đã gửi');
  await status(returned, 'Đã gửi');
  await screenshot(page, 'r1-registrations-to-review');

  // Chấp nhận the first.
  await row(accepted).locator('[data-testid="registration-accept"]').click();
  await status(accepted, 'Đã chấp nhận');
  expect(await row(accepted).locator('[data-testid="registration-accept"]').count()).toBe(0);
  expect((await byApi(accepted)).status).toBe('ACCEPTED');

  // Trả lại the second: the button waits for a reason, then sends it.
  await row(returned).locator('[data-testid="registration-return"]').click();
  const send = page.locator('[data-testid="registration-return-send"]:visible');
  await send.waitFor();
  expect(await send.isDisabled()).toBe(true);
  await page.locator('[data-testid="registration-return-reason-input"]:visible').fill(reason);
  await screenshot(page, 'r2-registration-return-reason');
  await send.click();
  await status(returned, 'Bị trả lại');
  await row(returned).locator('[data-testid="registration-return-reason"]', { hasText: reason }).waitFor();
  expect(await byApi(returned)).toMatchObject({ status: 'RETURNED', state: { returns: [{ reason }] } });
  expect((await byApi(accepted)).status).toBe('ACCEPTED');
  await screenshot(page, 'r3-registrations-reviewed');

  // The unit's clerk: the accepted one, the returned one with its reason, and no review buttons.
  await switchUser(page, cast.users.clerk.username);
  await page.goto('/registrations');
  await status(accepted, 'Đã chấp nhận');
  await status(returned, 'Bị trả lại');
  await row(returned)
    .locator('[data-testid="registration-return-reason"]', { hasText: `Lý do trả lại: ${reason}` })
    .waitFor();
  expect(await row(accepted).locator('[data-testid="registration-return-reason"]').count()).toBe(0);
  expect(await page.locator('[data-testid="registration-accept"], [data-testid="registration-return"]').count()).toBe(
    0,
  );
  await screenshot(page, 'r4-clerk-sees-outcomes');
  const mine = await http<Registration[]>(sys, 'GET', '/registrations', { token: tokens.clerk });
  expect(mine.body.map((r) => [r.year, r.status]).sort()).toEqual([
    [first, 'ACCEPTED'],
    [first + 1, 'RETURNED'],
  ]);
});
