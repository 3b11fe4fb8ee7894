/**
 * Two streams writing one read-model row at once: a dossier's own events and a payment from the award fund's stream
 * both move the dossier's ledger line (award_fund_entry). The batched folds read the rows they touch, fold in memory
 * and write them back, so the append locks what it read until it commits: the second append waits for the first and
 * folds over what the first wrote. Without the lock the second would write back the line it read before the first
 * committed, and the payment would be lost from the ledger (the event table would still hold it).
 */
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { EventEnvelope } from '@tdkt/domain';
import { simulateDossier } from '../../../../test/support/simulate';
import { createDataSource } from '../data-source';
import { eventStoreWithReadModels } from '../read-models/projections';
import type { EventStore } from './event-store';

let ds: DataSource;
let store: EventStore;
beforeAll(async () => {
  ds = await createDataSource(process.env.DATABASE_URL ?? '').initialize();
  store = eventStoreWithReadModels(ds);
});
afterAll(async () => ds?.destroy());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A payment of the award fund for `dossierId`, in a fund stream of its own. */
const payment = (dossierId: string, amountVnd: number): EventEnvelope =>
  ({
    streamId: randomUUID(),
    seq: 1,
    type: 'AwardFundPaymentRecorded',
    data: { dossierId, amountVnd, paidOn: '2025-10-06', source: 'STATE_BUDGET', voucherRef: 'PC-01' },
    actorId: 'accountant',
    actorRole: 'SECRETARIAT_OFFICER',
    occurredAt: '2025-10-06T03:00:00.000Z',
    ruleSetVersion: null,
    requestId: randomUUID(),
  }) as unknown as EventEnvelope;

type Entry = { paid_vnd: string; decision_number: string | null };
const entryOf = async (dossierId: string): Promise<Entry> =>
  (
    (await ds.query(`SELECT paid_vnd::text, decision_number FROM award_fund_entry WHERE dossier_id = $1`, [
      dossierId,
    ])) as Entry[]
  )[0];

it('a payment and the dossier’s own events appended at once both reach the ledger line', async () => {
  // The whole provincial route: created, then the events up to the award, which set the line's decision.
  const stream = simulateDossier({
    steps: 99,
    approve: true,
    decision: { approve: true, number: `${randomUUID().slice(0, 8)}/QĐ-UBND` },
  });
  expect(stream.map((e) => e.type)).toContain('DossierAwarded');
  const dossierId = stream[0].streamId;
  await store.append(stream.slice(0, 1));
  expect(await entryOf(dossierId)).toEqual({ paid_vnd: '0', decision_number: null });

  // The payment's append holds its transaction open after writing the line…
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  let written!: () => void;
  const paymentWritten = new Promise<void>((r) => (written = r));
  const paying = ds.transaction(async (m) => {
    await store.append([payment(dossierId, 1_500_000)], m);
    written();
    await held;
  });
  await paymentWritten;
  // …while the dossier's award is appended: it cannot finish before the payment commits…
  const awarding = store.append(stream.slice(1));
  expect(await Promise.race([awarding.then(() => 'finished'), sleep(600).then(() => 'waiting')])).toBe('waiting');
  release();
  await paying;
  expect((await awarding).appended).toBe(stream.length - 1);

  // …and the line holds both: the payment and the decision.
  const entry = await entryOf(dossierId);
  expect(entry.paid_vnd).toBe('1500000');
  expect(entry.decision_number).not.toBeNull();
});
