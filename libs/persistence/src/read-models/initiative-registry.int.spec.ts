/**
 * The initiative registry and the achievement uses (rules 12–13) as the API reads them for a submission: projected from
 * the dossier events, across dossiers and subjects, freed by a withdrawal.
 */
import { randomUUID } from 'node:crypto';
import { exampleCstdCoSoContent, type DossierEvent, type StoredEnvelope } from '@tdkt/domain';
import { scratchDatabase } from '../../../../test/support/scratch-db';
import { EventStore } from '../event-store/event-store';
import { AwardHistoryQueries } from './award-history-queries';

let db: Awaited<ReturnType<typeof scratchDatabase>>;
beforeAll(async () => {
  db = await scratchDatabase();
}, 60_000);
afterAll(async () => db?.drop());

const envelopes = (dossierId: string, events: DossierEvent[], from = 1): StoredEnvelope[] =>
  events.map(
    (e, i) =>
      ({
        streamId: dossierId,
        seq: from + i,
        type: e.type,
        data: e.data,
        actorId: 'clerk',
        actorRole: 'UNIT_CLERK',
        occurredAt: '2025-07-01T03:00:00.000Z',
        ruleSetVersion: 'LAW2022+ND152+TT15/2025',
        requestId: randomUUID(),
      }) as StoredEnvelope,
  );

const created = (fullName: string, initiativeName: string, achievementId: string): DossierEvent => {
  const base = exampleCstdCoSoContent(2024);
  const initiative = {
    id: initiativeName,
    kind: 'INITIATIVE' as const,
    level: 'CO_SO' as const,
    year: 2024,
    recognition: { decision: '15/QĐ-SGDĐT', level: 'CO_SO' as const, date: '2024-11-20' },
  };
  return {
    type: 'DossierCreated',
    data: {
      awardCode: 'CSTD_CO_SO',
      unitCode: 'SGDDT',
      title: 'CSTĐ cơ sở',
      nominee: { kind: 'INDIVIDUAL', fullName },
      achievements: 'Sáng kiến',
      parts: base.parts,
      record: { ...base.record, initiatives: [initiative], initiativeIds: [initiative.id], achievementId },
    },
  };
};
const submitted: DossierEvent = {
  type: 'DossierSubmitted',
  data: { ruleSetVersion: 'LAW2022+ND152+TT15/2025', eligibility: { evaluationYear: 2024, criteria: [] } },
};

it('given dossier A submitted citing an initiative and an achievement, when dossier B cites them differently spelt, then the registry names A; after A is withdrawn, nothing', async () => {
  const store = new EventStore(db.ds);
  const queries = new AwardHistoryQueries(db.ds);
  const a = randomUUID();
  const b = randomUUID();
  await store.append(envelopes(a, [created('Trần Văn Bình', 'Sáng kiến số 12: Ứng dụng CNTT', 'lu-2024'), submitted]));
  await store.append(envelopes(b, [created('Lê Thị Hoa', 'sang kien so 12 - ung dung cntt', 'LU-2024')]));

  expect(await queries.usedInitiativesFor(b)).toEqual([
    {
      dossierId: a,
      nameKey: 'sang kien so 12 ung dung cntt',
      decisionKey: '15 qd sgddt',
      initiativeId: 'Sáng kiến số 12: Ứng dụng CNTT',
    },
  ]);
  expect(await queries.usedAchievementsFor(b)).toEqual([
    { dossierId: a, achievementId: 'lu-2024', awardCode: 'CSTD_CO_SO' },
  ]);
  // A draft uses nothing yet: A does not see B.
  expect(await queries.usedInitiativesFor(a)).toEqual([]);

  await store.append(envelopes(a, [{ type: 'DossierWithdrawn', data: { reason: 'Rút' } }], 3));
  expect(await queries.usedInitiativesFor(b)).toEqual([]);
  expect(await queries.usedAchievementsFor(b)).toEqual([]);
});

it('the award history keeps the achievement period and the commendation type of a decided award', async () => {
  const store = new EventStore(db.ds);
  const person = randomUUID();
  const awarded = randomUUID();
  const nominee = { kind: 'INDIVIDUAL' as const, fullName: 'Phạm Thu Hà', citizenIdHash: `h-${person}` };
  await store.append(
    envelopes(awarded, [
      {
        type: 'DossierCreated',
        data: {
          awardCode: 'BK_TINH',
          unitCode: 'SGDDT',
          title: 'BK',
          nominee,
          achievements: 'x',
          commendationType: 'THEMATIC',
          roundId: 'r1',
        },
      },
      submitted,
      {
        type: 'DossierAwarded',
        data: {
          decision: {
            number: '9/QĐ-UBND',
            authority: 'PROVINCIAL_CHAIRMAN',
            year: 2025,
            signerId: 'chair',
            signedOn: '2025-04-15',
            legalBasis: [],
          },
        },
      },
    ]),
  );
  const next = randomUUID();
  await store.append(
    envelopes(next, [
      {
        type: 'DossierCreated',
        data: { awardCode: 'BK_THU_TUONG', unitCode: 'SGDDT', title: 'BK TTg', nominee, achievements: 'y' },
      },
    ]),
  );
  expect(await new AwardHistoryQueries(db.ds).recordedAwardsFor(next)).toEqual([
    {
      awardCode: 'BK_TINH',
      year: 2025,
      decisionDate: '2025-04-15',
      achievementId: awarded,
      achievementPeriod: { toYear: 2024 },
      commendationType: 'THEMATIC',
    },
  ]);
});
