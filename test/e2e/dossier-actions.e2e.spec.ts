/**
 * GET /api/dossiers/:id/actions: the commands the caller may take now, computed by decide() on the dossier's state —
 * what the web app shows as buttons, so it never offers a refused command.
 */
import {
  driveDossier,
  http,
  seedCast,
  startSystem,
  tokensFor,
  aBkTinhDossier,
  type Cast,
  type TestSystem,
} from '../support/system';

interface Action {
  command: string;
  method: string;
  path: string;
  needsBody: boolean;
  bodySchema: string;
  placeholder: Record<string, unknown>;
  expectedRefusal?: { rule: string; code: string; message: string };
}
interface Actions {
  dossierId: string;
  status: string;
  actions: Action[];
}

let sys: TestSystem;
let cast: Cast;
let tokens: Record<string, string>;

beforeAll(async () => {
  sys = await startSystem();
  cast = await seedCast(sys);
  tokens = await tokensFor(sys, cast);
});
afterAll(() => sys?.stop());

const actionsOf = async (who: string, id: string) => {
  const res = await http<Actions>(sys, 'GET', `/dossiers/${id}/actions`, { token: tokens[who] });
  expect(res.status).toBe(200);
  return res.body;
};
const paths = (a: Actions) => a.actions.map((x) => x.path.split('/').slice(4).join('/')).sort();

test("a clerk's draft offers submit, content and withdrawal with their calls, and not a decision", async () => {
  const created = await http<{ id: string }>(sys, 'POST', '/dossiers', { token: tokens.clerk, body: aBkTinhDossier() });
  const a = await actionsOf('clerk', created.body.id);
  expect(a.status).toBe('DRAFT');
  expect(paths(a)).toEqual(['content', 'submit', 'withdrawal']);
  const byCommand = Object.fromEntries(a.actions.map((x) => [x.command, x]));
  expect(byCommand.SubmitDossier).toMatchObject({
    method: 'POST',
    path: `/api/dossiers/${created.body.id}/submit`,
    needsBody: false,
    bodySchema: 'EmptyDto',
  });
  expect(byCommand.SubmitDossier.expectedRefusal).toBeUndefined();
  expect(byCommand.WithdrawDossier).toMatchObject({
    method: 'POST',
    needsBody: true,
    bodySchema: 'ReasonDto',
    placeholder: { reason: expect.any(String) },
  });
  expect(byCommand.UpdateDossierContent).toMatchObject({ method: 'PUT', needsBody: true });
  expect(a.actions.some((x) => x.command === 'DecideDossier')).toBe(false);
  // The unit head sees the draft but may only withdraw it; the chairman may do nothing with it.
  expect(paths(await actionsOf('head', created.body.id))).toEqual(['withdrawal']);
  expect((await actionsOf('chairman', created.body.id)).actions).toEqual([]);
});

test('an incomplete draft still offers submit, naming the rule that would refuse it', async () => {
  const created = await http<{ id: string }>(sys, 'POST', '/dossiers', {
    token: tokens.clerk,
    body: aBkTinhDossier({ parts: [] }),
  });
  const submit = (await actionsOf('clerk', created.body.id)).actions.find((x) => x.command === 'SubmitDossier');
  expect(submit?.expectedRefusal).toMatchObject({ rule: 'dossier.parts-complete', code: 'RULE_VIOLATION' });
});

test('the chairman gets the decision on AWAITING_DECISION; an auditor gets none; another unit cannot ask', async () => {
  const id = await driveDossier(sys, tokens, 6);
  const chairman = await actionsOf('chairman', id);
  expect(chairman.status).toBe('AWAITING_DECISION');
  expect(chairman.actions.map((x) => [x.command, x.path])).toEqual([['DecideDossier', `/api/dossiers/${id}/decision`]]);
  expect(chairman.actions[0]).toMatchObject({ needsBody: true, bodySchema: 'DecisionDto' });
  expect((await actionsOf('auditor', id)).actions).toEqual([]);
  // The clerk may still not withdraw a dossier past the council; the secretariat has nothing to do here.
  expect((await actionsOf('clerk', id)).actions).toEqual([]);
  expect((await actionsOf('secretariat', id)).actions).toEqual([]);
  const other = await http(sys, 'GET', `/dossiers/${id}/actions`, { token: tokens.otherClerk });
  expect([403, 404]).toContain(other.status);
});

test('each step of the provincial route offers the next actor exactly the next command', async () => {
  const created = await http<{ id: string }>(sys, 'POST', '/dossiers', { token: tokens.clerk, body: aBkTinhDossier() });
  const id = created.body.id;
  await http(sys, 'POST', `/dossiers/${id}/submit`, { token: tokens.clerk, body: {} });
  expect(paths(await actionsOf('head', id))).toEqual(['return', 'unit-approval', 'withdrawal']);
  await http(sys, 'POST', `/dossiers/${id}/unit-approval`, { token: tokens.head, body: {} });
  expect(paths(await actionsOf('secretariat', id))).toEqual(['appraisal-acceptance', 'return', 'supplement-request']);
  await http(sys, 'POST', `/dossiers/${id}/appraisal-acceptance`, { token: tokens.secretariat, body: {} });
  expect(paths(await actionsOf('member1', id))).toEqual(['votes']);
  await http(sys, 'POST', `/dossiers/${id}/votes`, { token: tokens.member1, body: { approve: true } });
  // Voted once: no second vote offered.
  expect((await actionsOf('member1', id)).actions).toEqual([]);
});
