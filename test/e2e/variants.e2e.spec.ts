/**
 * Procedure variants through HTTP (law page §7): an ad-hoc (đột xuất) Bằng khen by the simplified procedure (Law
 * Art. 85) to AWARDED, a late ad-hoc refused (rule 31), and thematic dossiers in an open and a closed round (rule 32).
 */
import {
  aBkTinhDossier,
  http,
  PROVINCIAL_STEPS,
  seedCast,
  startSystem,
  tokensFor,
  type Cast,
  type TestSystem,
} from '../support/system';

type View = {
  id: string;
  status: string;
  commendationType: string;
  simplified: boolean;
  roundId: string | null;
  deadlineKind: string | null;
};
type Round = { roundId: string; name: string; opensOn: string; closesOn: string; awardCodes: string[] };

let sys: TestSystem;
let cast: Cast;
const tokens: Record<string, string> = {};

beforeAll(async () => {
  sys = await startSystem();
  cast = await seedCast(sys);
  Object.assign(tokens, await tokensFor(sys, cast));
}, 120_000);
afterAll(async () => sys?.stop());

/** A date `days` from today in Hà Nội (UTC+7), ISO. */
const hanoiDate = (days: number) => new Date(Date.now() + 7 * 3_600_000 + days * 86_400_000).toISOString().slice(0, 10);
const withoutMinutes = () => aBkTinhDossier().parts.filter((p) => p.kind !== 'BIEN_BAN');

async function create(body: Record<string, unknown>): Promise<View> {
  const res = await http<View>(sys, 'POST', '/dossiers', { token: tokens.clerk, body });
  expect({ status: res.status, body: res.body }).toMatchObject({ status: 201 });
  return res.body;
}
const submit = (id: string) =>
  http<View & { rule?: string; message?: string; details?: Record<string, unknown> }>(
    sys,
    'POST',
    `/dossiers/${id}/submit`,
    { token: tokens.clerk, body: {} },
  );

describe('ad-hoc (đột xuất) dossiers', () => {
  it('an ad-hoc Bằng khen by the simplified procedure, without the biên bản, goes to AWARDED', async () => {
    const created = await create(
      aBkTinhDossier({
        commendationType: 'AD_HOC',
        achievementDate: hanoiDate(-10),
        simplified: true,
        parts: withoutMinutes(),
      }),
    );
    expect(created).toMatchObject({ status: 'DRAFT', commendationType: 'AD_HOC', simplified: true });
    let last: View = created;
    for (const [who, path, body] of PROVINCIAL_STEPS) {
      const res = await http<View>(sys, 'POST', `/dossiers/${created.id}/${path}`, { token: tokens[who], body });
      expect({ path, status: res.status, body: res.body }).toMatchObject({ path, status: 200 });
      last = res.body;
    }
    expect(last.status).toBe('AWARDED');
    const listed = await http<{ items: View[] }>(sys, 'GET', '/dossiers?commendationType=AD_HOC', {
      token: tokens.secretariat,
    });
    expect(listed.body.items.map((d) => d.id)).toContain(created.id);
    const board = await http<{ items: { id: string }[] }>(sys, 'GET', '/board?commendationType=AD_HOC', {
      token: tokens.secretariat,
    });
    expect(board.body.items.map((d) => d.id)).toContain(created.id);
    const periodic = await http<{ items: { id: string }[] }>(sys, 'GET', '/board?commendationType=PERIODIC', {
      token: tokens.secretariat,
    });
    expect(periodic.body.items.map((d) => d.id)).not.toContain(created.id);
  }, 60_000);

  it('an ad-hoc dossier more than 45 days after its achievement is refused with 422 and rule 31', async () => {
    const created = await create(aBkTinhDossier({ commendationType: 'AD_HOC', achievementDate: hanoiDate(-60) }));
    const res = await submit(created.id);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ rule: 'ad-hoc.intake-window', details: { rule: '31', intakeDays: 45 } });
    expect(res.body.message).toMatch(/Rule 31/);
  }, 30_000);
});

describe('thematic rounds (rule 32)', () => {
  async function openRound(opensOn: string, closesOn: string): Promise<Round> {
    const res = await http<Round>(sys, 'POST', '/rounds', {
      token: tokens.secretariat,
      body: { name: `Phong trào ${opensOn}`, opensOn, closesOn, awardCodes: ['BK_TINH'] },
    });
    expect({ status: res.status, body: res.body }).toMatchObject({
      status: 201,
      body: { opensOn, closesOn, awardCodes: ['BK_TINH'] },
    });
    return res.body;
  }

  it('the secretariat creates rounds and everyone lists them; a unit clerk may not create one', async () => {
    const round = await openRound(hanoiDate(-5), hanoiDate(30));
    const listed = await http<Round[]>(sys, 'GET', '/rounds', { token: tokens.clerk });
    expect(listed.body.map((r) => r.roundId)).toContain(round.roundId);
    const refused = await http(sys, 'POST', '/rounds', {
      token: tokens.clerk,
      body: { name: 'Không được', opensOn: hanoiDate(0), closesOn: hanoiDate(1), awardCodes: ['BK_TINH'] },
    });
    expect(refused.status).toBe(403);
    const backwards = await http(sys, 'POST', '/rounds', {
      token: tokens.secretariat,
      body: { name: 'Ngược', opensOn: hanoiDate(1), closesOn: hanoiDate(0), awardCodes: ['BK_TINH'] },
    });
    expect(backwards.status).toBe(400);
  }, 30_000);

  it('a thematic dossier in an open round is accepted', async () => {
    const round = await openRound(hanoiDate(-5), hanoiDate(30));
    const created = await create(aBkTinhDossier({ commendationType: 'THEMATIC', roundId: round.roundId }));
    expect(created.roundId).toBe(round.roundId);
    const res = await submit(created.id);
    expect({ status: res.status, body: res.body }).toMatchObject({ status: 200, body: { status: 'UNIT_REVIEW' } });
  }, 30_000);

  it('a thematic dossier for a closed round is refused with 422 and rule 32', async () => {
    const round = await openRound(hanoiDate(-60), hanoiDate(-30));
    const created = await create(aBkTinhDossier({ commendationType: 'THEMATIC', roundId: round.roundId }));
    const res = await submit(created.id);
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({ rule: 'round.open', details: { rule: '32', closesOn: round.closesOn } });
  }, 30_000);
});
