/**
 * Personal data in Temporal: a dossier created through the API leaves its nominee's name and birth date in the
 * workflow history only encrypted (payload codec, TEMPORAL_CODEC_KEYS); the codec endpoint decrypts for an
 * administrator, and only for them.
 */
import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { Payload } from '@temporalio/common';
import { ENCRYPTED_ENCODING, KEY_ID_METADATA } from '@tdkt/platform';
import { dossierWorkflowId } from '@tdkt/workflows/src/messages';
import { REQUEST_CONTEXT_HEADER } from '@tdkt/workflows/src/request-context-header';
import { aBkTinhDossier, http, seedCast, startSystem, tokenFor, type Cast, type TestSystem } from '../support/system';
import { decodedPayloads, storedPayloads } from '../support/temporal-codec';

let sys: TestSystem;
let cast: Cast;
let admin: string;
let clerk: string;
const tag = randomUUID().slice(0, 8);
const name = `Nguyễn Thị Mật ${tag}`;
const birthDate = '1979-11-23';
let stored: Payload[];
/** Payloads the SDK writes itself without the codec: patch markers (`patched()`) and their TemporalChangeVersion search attribute. */
let sdkOwn: Payload[];
/** The request-context headers (request id and actor id, for the logs): plain by design, checked apart. */
let contextHeaders: Payload[];

const text = (payloads: Payload[]) =>
  payloads.map((p) => Buffer.from(p.data ?? new Uint8Array()).toString('utf8')).join('\n');
const b64 = (b: Uint8Array | null | undefined) => Buffer.from(b ?? new Uint8Array()).toString('base64');

const UI = 'http://127.0.0.1:8233';
beforeAll(async () => {
  process.env.TEMPORAL_UI_ORIGINS = UI;
  sys = await startSystem();
  delete process.env.TEMPORAL_UI_ORIGINS;
  cast = await seedCast(sys);
  await sys.directory.upsertUser({
    id: `admin-${tag}`,
    username: `admin.${tag}`,
    fullName: 'Quản trị',
    role: 'ADMINISTRATOR',
    unitCode: null,
  });
  admin = await tokenFor(sys, `admin.${tag}`);
  clerk = await tokenFor(sys, cast.users.clerk.username);
  const body = aBkTinhDossier({
    nominee: { kind: 'INDIVIDUAL', fullName: name, position: 'Giáo viên', citizenId: '001190000999', birthDate },
  });
  const created = await http<{ id: string }>(sys, 'POST', '/dossiers', { token: clerk, body });
  expect(created.status).toBe(201);
  // The raw client: no codec, the history exactly as the server stores it.
  const connection = await Connection.connect({ address: process.env.TEMPORAL_ADDRESS });
  const history = await new Client({ connection }).workflow
    .getHandle(dossierWorkflowId(created.body.id))
    .fetchHistory();
  await connection.close();
  const events = history.events ?? [];
  const own = (e: (typeof events)[number]) =>
    Boolean(e.markerRecordedEventAttributes ?? e.upsertWorkflowSearchAttributesEventAttributes);
  // Headers do not go through the payload codec: take the request-context header out, and check it holds ids only.
  contextHeaders = [];
  const takeContext = (v: unknown): void => {
    if (!v || typeof v !== 'object') return;
    const fields = (v as { fields?: Record<string, Payload> }).fields;
    if (fields && REQUEST_CONTEXT_HEADER in fields) {
      contextHeaders.push(fields[REQUEST_CONTEXT_HEADER]);
      delete fields[REQUEST_CONTEXT_HEADER];
    }
    for (const x of Object.values(v)) takeContext(x);
  };
  takeContext(events);
  stored = storedPayloads(events.filter((e) => !own(e)));
  sdkOwn = storedPayloads(events.filter(own));
}, 120_000);
afterAll(async () => sys?.stop());

it("keeps the nominee's name and birth date out of the stored workflow history", () => {
  expect(stored.length).toBeGreaterThan(2);
  const raw = text([...stored, ...sdkOwn]);
  expect(raw).not.toContain(name);
  expect(raw).not.toContain(tag);
  expect(raw).not.toContain(birthDate);
  for (const p of stored) {
    expect(Buffer.from(p.metadata?.encoding ?? new Uint8Array()).toString()).toBe(ENCRYPTED_ENCODING);
    expect(Buffer.from(p.metadata?.[KEY_ID_METADATA] ?? new Uint8Array()).toString()).toMatch(/^run\d+$/);
  }
  // The request-context header: a request id and an actor id, nothing else.
  expect(contextHeaders.length).toBeGreaterThan(0);
  for (const p of contextHeaders)
    expect(Object.keys(JSON.parse(Buffer.from(p.data ?? new Uint8Array()).toString('utf8')) as object).sort()).toEqual([
      'actorId',
      'requestId',
    ]);
  // The SDK's own plain payloads name patches only.
  for (const p of sdkOwn)
    expect(Buffer.from(p.data ?? new Uint8Array()).toString()).toMatch(
      /^(\[("[a-z-]+",?)*\]|\{"id":"[a-z-]+","deprecated":(true|false)\})$/,
    );
});

it('finds them once the payloads are decoded with the codec', async () => {
  const decoded = text(await decodedPayloads({ events: stored }));
  expect(decoded).toContain(name);
  expect(decoded).toContain(birthDate);
});

describe('the codec endpoint (Temporal remote codec protocol)', () => {
  const asProtocol = (payloads: Payload[]) => ({
    payloads: payloads.map((p) => ({
      metadata: Object.fromEntries(Object.entries(p.metadata ?? {}).map(([k, v]) => [k, b64(v)])),
      data: b64(p.data),
    })),
  });

  it('decodes the stored payloads for an administrator', async () => {
    const res = await http<{ payloads: { metadata: Record<string, string>; data: string }[] }>(
      sys,
      'POST',
      '/temporal-codec/decode',
      { token: admin, body: asProtocol(stored) },
    );
    expect(res.status).toBe(200);
    expect(res.body.payloads).toHaveLength(stored.length);
    const decoded = res.body.payloads.map((p) => Buffer.from(p.data, 'base64').toString('utf8')).join('\n');
    expect(decoded).toContain(name);
    expect(Buffer.from(res.body.payloads[0].metadata.encoding, 'base64').toString()).toBe('json/plain');
  });

  it('encodes, and what it encodes decodes back', async () => {
    const plain = {
      payloads: [
        {
          metadata: { encoding: Buffer.from('json/plain').toString('base64') },
          data: Buffer.from(JSON.stringify({ fullName: name })).toString('base64'),
        },
      ],
    };
    const encoded = await http<typeof plain>(sys, 'POST', '/temporal-codec/encode', { token: admin, body: plain });
    expect(encoded.status).toBe(200);
    expect(Buffer.from(encoded.body.payloads[0].data, 'base64').toString('utf8')).not.toContain(tag);
    const back = await http<typeof plain>(sys, 'POST', '/temporal-codec/decode', { token: admin, body: encoded.body });
    expect(back.body).toEqual(plain);
  });

  it('refuses other roles (an auditor, a clerk) with 403 and no token with 401', async () => {
    const auditor = await tokenFor(sys, cast.users.auditor.username);
    for (const token of [auditor, clerk])
      expect((await http(sys, 'POST', '/temporal-codec/decode', { token, body: asProtocol(stored) })).status).toBe(403);
    expect((await http(sys, 'POST', '/temporal-codec/decode', { body: asProtocol(stored) })).status).toBe(401);
  });

  it('answers 400 to a payload altered after encryption', async () => {
    const altered = asProtocol(stored.slice(0, 1));
    const data = Buffer.from(altered.payloads[0].data, 'base64');
    data[data.length - 1] ^= 1;
    altered.payloads[0].data = data.toString('base64');
    const res = await http(sys, 'POST', '/temporal-codec/decode', { token: admin, body: altered });
    expect(res).toMatchObject({
      status: 400,
      body: { message: 'A payload does not decrypt with its key (altered, or not from this engine)' },
    });
  });

  it("answers the Web UI's CORS preflight for its own origin only", async () => {
    const preflight = (origin: string) =>
      fetch(`${sys.baseUrl}/temporal-codec/decode`, {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'authorization,content-type,x-namespace',
        },
      });
    const ok = await preflight(UI);
    expect(ok.status).toBe(204);
    expect(ok.headers.get('access-control-allow-origin')).toBe(UI);
    expect(ok.headers.get('access-control-allow-headers')).toMatch(/Authorization.*X-Namespace/);
    const other = await preflight('http://evil.example');
    expect(other.status).toBe(403);
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
  });
});
