/**
 * Priority and fairness facts stay out of Temporal and the logs (issue 12: "No such field is mandatory, none goes to
 * Temporal search attributes or logs"), on the real system: the clerk records a nominee's occupation group, gender,
 * ethnic minority and area class through the API, the dossier is driven on to its decision, and then none of those
 * facts — field names or values — is found in the dossier workflow's search attributes (described through the Temporal
 * client, with search attributes indexed as under `npm run up`), in its history's payloads once decoded with the
 * codec, or in any log line the API and the worker wrote during the test (both run in this process).
 *
 * Each absence is read next to a presence that proves the probe looks where it should: the facts are recorded (GET),
 * the search attributes hold the dossier's stage and award, the decoded history holds the nominee's name, the logs
 * hold the priority request itself. Were the facts to travel — e.g. the priority service starting the dossier
 * workflow's update with them, the workflow upserting `TdktGender`, or the HTTP log line carrying the request body —
 * the `not.toContain` / `not.toMatch` lines below fail.
 */
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Client, Connection } from '@temporalio/client';
import { setLogDestination } from '@tdkt/platform';
import { dossierWorkflowId } from '@tdkt/workflows/src/messages';
import {
  aBkTinhDossier,
  http,
  PROVINCIAL_STEPS,
  seedCast,
  startSystem,
  tokensFor,
  type TestSystem,
} from '../support/system';
import { decodedPayloads } from '../support/temporal-codec';

const lines: string[] = [];
const capture = new Writable({
  write(chunk: Buffer | string, _enc, done) {
    lines.push(...String(chunk).split('\n').filter(Boolean));
    done();
  },
});

let sys: TestSystem;
let tokens: Record<string, string>;
const savedSearchAttributes = process.env.TEMPORAL_SEARCH_ATTRIBUTES;
const tag = randomUUID().slice(0, 8);
const fullName = `Mùa Thị Ưu Tiên ${tag}`;
/** The facts, with the rarer values of each list (so a hit cannot be a coincidence of some other field). */
const facts = { occupationGroup: 'FARMER', gender: 'FEMALE', ethnicMinority: true, areaClass: 'ESPECIALLY_DIFFICULT' };
/** What must never show: the fields' names, their values, the stream's event type. */
const forbidden = [...Object.keys(facts), 'FARMER', 'FEMALE', 'ESPECIALLY_DIFFICULT', 'NomineePriority'];

beforeAll(async () => {
  // Debug: every line the API and the worker may write, not only the default level's.
  setLogDestination(capture, 'debug');
  process.env.TEMPORAL_SEARCH_ATTRIBUTES = 'true';
  sys = await startSystem();
  tokens = await tokensFor(sys, await seedCast(sys));
}, 120_000);

afterAll(async () => {
  await sys?.stop();
  setLogDestination(process.stdout);
  if (savedSearchAttributes === undefined) delete process.env.TEMPORAL_SEARCH_ATTRIBUTES;
  else process.env.TEMPORAL_SEARCH_ATTRIBUTES = savedSearchAttributes;
});

it('a nominee’s priority facts, recorded and driven to a decision, reach no search attribute, workflow payload or log line', async () => {
  const created = await http<{ id: string }>(sys, 'POST', '/dossiers', {
    token: tokens.clerk,
    body: aBkTinhDossier({
      title: `Đề nghị tặng Bằng khen của Chủ tịch UBND tỉnh cho bà ${fullName}`,
      nominee: { kind: 'INDIVIDUAL', fullName, position: 'Cán bộ khuyến nông', citizenId: '001190004242' },
    }),
  });
  expect(created.status).toBe(201);
  const dossierId = created.body.id;

  // Recorded before the dossier moves on, so every later command could carry them.
  const recorded = await http(sys, 'PUT', `/dossiers/${dossierId}/priority`, { token: tokens.clerk, body: facts });
  expect(recorded.status).toBe(200);
  for (const [who, path, body] of PROVINCIAL_STEPS) {
    const res = await http(sys, 'POST', `/dossiers/${dossierId}/${path}`, { token: tokens[who], body });
    expect([path, res.status]).toEqual([path, 200]);
  }
  // The facts are really there, beside the awarded dossier.
  const read = await http<Record<string, unknown>>(sys, 'GET', `/dossiers/${dossierId}/priority`, {
    token: tokens.secretariat,
  });
  expect(read.body).toMatchObject({ dossierId, ...facts });
  expect((await http<{ status: string }>(sys, 'GET', `/dossiers/${dossierId}`, { token: tokens.clerk })).body).toEqual(
    expect.objectContaining({ status: 'AWARDED' }),
  );

  // (a) The workflow's search attributes: the operators' keys, none of the facts.
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  try {
    const handle = new Client({ connection }).workflow.getHandle(dossierWorkflowId(dossierId));
    const description = await handle.describe();
    const attributes = description.searchAttributes;
    expect(attributes).toMatchObject({ TdktStage: ['AWARDED'], TdktAwardCode: ['BK_TINH'] });
    const custom = Object.keys(attributes).filter((k) => !/^(BinaryChecksums|BuildIds|TemporalChangeVersion)$/.test(k));
    expect(custom.sort()).toEqual(['TdktAwardCode', 'TdktLevel', 'TdktStage', 'TdktUnitCode']);
    const indexed = JSON.stringify(attributes);
    for (const word of [...forbidden, fullName]) expect(indexed).not.toContain(word);

    // (b) The history's payloads, decoded as the workflow and the API wrote them.
    const history = await handle.fetchHistory();
    const decoded = (await decodedPayloads(history.events ?? []))
      .map((p) => Buffer.from(p.data ?? new Uint8Array()).toString('utf8'))
      .join('\n');
    expect(decoded).toContain(fullName);
    for (const word of forbidden) expect(decoded).not.toContain(word);
    expect(decoded).not.toMatch(/"ethnicMinority"|"gender"|"areaClass"|"occupationGroup"/);
  } finally {
    await connection.close();
  }

  // (c) The logs of the API and the worker: the priority request is there, the facts and the nominee are not.
  expect(lines.some((l) => l.includes('"route":"/api/dossiers/:id/priority"') && l.includes('"status":200'))).toBe(
    true,
  );
  expect(lines.some((l) => l.includes(`"workflowId":"dossier-${dossierId}"`))).toBe(true);
  for (const line of lines) {
    for (const word of [...forbidden, fullName]) expect(line).not.toContain(word);
  }
}, 120_000);
