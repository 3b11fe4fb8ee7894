/** The decision register against real Postgres: voiding is an event (never a deletion), the number stays used. */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { Actor, EventEnvelope } from '@tdkt/domain';
import { createDataSource } from '../data-source';
import { EventStore } from '../event-store/event-store';
import { DecisionNumbers } from './decision-numbers';
import { DecisionRegister, registerStreamId } from './decision-register';

let ds: DataSource;
let store: EventStore;
let numbers: DecisionNumbers;
let register: DecisionRegister;
beforeAll(async () => {
  ds = await createDataSource(process.env.DATABASE_URL ?? '').initialize();
  store = new EventStore(ds);
  numbers = new DecisionNumbers(ds);
  register = new DecisionRegister(ds, store);
});
afterAll(async () => ds?.destroy());

const admin: Actor = { userId: 'admin-1', role: 'ADMINISTRATOR' };
const allocate = (authority: string, dossierId = randomUUID()) =>
  numbers.allocate({ authority, issuerCode: 'UBND', year: 2026, dossierId, requestId: randomUUID() });

it('the stream id is a name-based UUID of authority and year: the same inputs, the same stream', () => {
  expect(registerStreamId('PROVINCIAL_CHAIRMAN:HN', 2026)).toBe(registerStreamId('PROVINCIAL_CHAIRMAN:HN', 2026));
  expect(registerStreamId('PROVINCIAL_CHAIRMAN:HN', 2026)).not.toBe(registerStreamId('PROVINCIAL_CHAIRMAN:HN', 2027));
  expect(registerStreamId('A', 2026)).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
});

it('voids an unused number by an event in the register stream; the next allocation takes the following number', async () => {
  const authority = `TEST-${randomUUID().slice(0, 8)}`;
  await allocate(authority);
  await allocate(authority);
  const requestId = randomUUID();
  const voided = await register.void({
    authority,
    year: 2026,
    number: 2,
    reason: 'Không ban hành',
    actor: admin,
    requestId,
  });
  expect(voided.ok).toBe(true);
  // A retry of the same request answers the same; another request is refused.
  expect(
    (await register.void({ authority, year: 2026, number: 2, reason: 'Không ban hành', actor: admin, requestId })).ok,
  ).toBe(true);
  expect(
    await register.void({ authority, year: 2026, number: 2, reason: 'lần nữa', actor: admin, requestId: randomUUID() }),
  ).toMatchObject({ ok: false, rejection: { rule: 'register.void-once' } });
  expect(
    await register.void({
      authority,
      year: 2026,
      number: 3,
      reason: 'chưa cấp',
      actor: admin,
      requestId: randomUUID(),
    }),
  ).toMatchObject({ ok: false, rejection: { rule: 'register.void-allocated' } });
  expect((await allocate(authority)).number).toBe('3/QĐ-UBND');

  const stream = await store.readStream(registerStreamId(authority, 2026));
  expect(stream.map((e) => [e.seq, e.type, e.actorId])).toEqual([[1, 'DecisionNumberVoided', 'admin-1']]);
  const list = await register.list(authority, 2026);
  expect(list.lastNumber).toBe(3);
  expect(list.entries.map((e) => [e.formatted, e.voided?.reason ?? null])).toEqual([
    ['1/QĐ-UBND', null],
    ['2/QĐ-UBND', 'Không ban hành'],
    ['3/QĐ-UBND', null],
  ]);
  expect(list.entries[1].voided).toMatchObject({ voidedBy: 'admin-1', voidedRole: 'ADMINISTRATOR' });
});

it("a number a dossier's decision carries is refused, and the dossier projections ignore the register's events", async () => {
  const authority = `TEST-${randomUUID().slice(0, 8)}`;
  const dossierId = randomUUID();
  const allocated = await allocate(authority, dossierId);
  const base = {
    streamId: dossierId,
    actorId: 'chair',
    actorRole: 'PROVINCIAL_DECIDER',
    occurredAt: '2026-03-02T03:00:00.000Z',
    requestId: randomUUID(),
    ruleSetVersion: null,
  };
  const events: EventEnvelope[] = [
    {
      ...base,
      seq: 1,
      type: 'DossierCreated',
      data: {
        awardCode: 'BK_TINH',
        unitCode: 'SGDDT',
        title: 'Bằng khen',
        nominee: { kind: 'INDIVIDUAL', fullName: 'Nguyễn Thị Lan' },
        achievements: 'Xuất sắc',
      },
    },
    {
      ...base,
      seq: 2,
      type: 'DossierAwarded',
      data: {
        decision: { ...allocated, signerId: 'chair', signedOn: '2026-03-02', legalBasis: ['Luật 06/2022/QH15'] },
      },
    },
  ];
  await store.append(events);
  const refused = await register.void({
    authority,
    year: 2026,
    number: 1,
    reason: 'nhầm',
    actor: admin,
    requestId: randomUUID(),
  });
  expect(refused).toMatchObject({ ok: false, rejection: { code: 'WRONG_STATE', rule: 'register.void-unused' } });
  expect((await register.list(authority, 2026)).entries[0].dossiers).toEqual([
    expect.objectContaining({ dossierId, signerId: 'chair', signedOn: '2026-03-02' }),
  ]);
  // A second, unused number is voided; no dossier row, statistic or history appears for the register's stream.
  await allocate(authority);
  expect(
    (await register.void({ authority, year: 2026, number: 2, reason: 'hủy', actor: admin, requestId: randomUUID() }))
      .ok,
  ).toBe(true);
  const streamId = registerStreamId(authority, 2026);
  const [{ n }] = (await ds.query(
    `SELECT (SELECT count(*) FROM dossier_view WHERE id = $1) + (SELECT count(*) FROM stage_timing WHERE dossier_id = $1) AS n`,
    [streamId],
  )) as { n: string }[];
  expect(Number(n)).toBe(0);
});
