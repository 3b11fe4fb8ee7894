/**
 * The emulation demo data `npm run up` loads goes through the real API: the 14 blocks with their members, a year
 * opened for each, the yearly movement, two registrations and two exemplary models (no raw SQL beyond the directory's
 * units and users, which the demo seeds as it always has).
 */
import { DEMO_PROVINCE, seedDirectory, seedEmulation } from '../../infra/src/demo-data';
import { http, startSystem, tokenFor, type TestSystem } from '../support/system';

let sys: TestSystem;
beforeAll(async () => {
  sys = await startSystem();
}, 120_000);
afterAll(async () => sys?.stop());

it('seeds the province’s 14 blocks and their years, the movement, registrations and exemplary models through the API', async () => {
  await seedDirectory(sys.directory);
  const seeded = await seedEmulation(sys.baseUrl);
  expect(seeded).toMatchObject({ blocks: 14, registrations: 2, models: 2 });
  const token = await tokenFor(sys, 'auditor');
  const blocks = await http<{ blockId: string; provinceCode: string; members: unknown[] }[]>(
    sys,
    'GET',
    '/emulation-blocks',
    { token },
  );
  const demo = blocks.body.filter((b) => b.provinceCode === DEMO_PROVINCE);
  expect(demo).toHaveLength(14);
  expect(demo.every((b) => b.members.length >= 3)).toBe(true);
  const first = await http<{ years: { phase: string }[] }>(
    sys,
    'GET',
    `/emulation-blocks/${demo.find((b) => (b as unknown as { code: string }).code === 'KHOI-VHXH')?.blockId}`,
    { token },
  );
  expect(first.body.years.map((y) => y.phase)).toEqual(['IN_PROGRESS']);
  const movement = await http<{ status: string; scopeCode: string }>(sys, 'GET', `/movements/${seeded.movementId}`, {
    token,
  });
  expect(movement.body).toMatchObject({ status: 'LAUNCHED', scopeCode: DEMO_PROVINCE });
  const models = await http<{ stage: string }[]>(sys, 'GET', `/exemplary-models?movementId=${seeded.movementId}`, {
    token,
  });
  expect(models.body.map((m) => m.stage).sort()).toEqual(['FOSTERED', 'FOUND']);
}, 300_000);
