/**
 * Attachments on the real system (API, worker, Temporal, Postgres; the embedded Postgres store): a dossier part's file
 * is uploaded as a stream, typed from its content, its SHA-256 recorded in the AttachmentAdded event; replacing it keeps
 * the old version; the dossier's scope decides who reads it; the auditor's zip carries the files and their hashes.
 */
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { driveDossier, http, seedCast, startSystem, tokensFor, type Cast, type TestSystem } from '../support/system';
import { aBkTinhDossier } from '../support/system';
import { aDocx, aPdf, aPng, anXlsx } from '../support/sample-files';
import { EventStore } from '@tdkt/persistence';
import { projectAttachment } from '../../libs/persistence/src/read-models/attachment-projection';

const LIMIT = 256 * 1024;
let sys: TestSystem;
let cast: Cast;
let tokens: Record<string, string>;
let dossierId: string;

beforeAll(async () => {
  process.env.TDKT_ATTACHMENT_MAX_BYTES = String(LIMIT);
  sys = await startSystem();
  cast = await seedCast(sys);
  tokens = await tokensFor(sys, cast);
  const created = await http<{ id: string }>(sys, 'POST', '/dossiers', { token: tokens.clerk, body: aBkTinhDossier() });
  dossierId = created.body.id;
}, 120_000);
afterAll(async () => {
  delete process.env.TDKT_ATTACHMENT_MAX_BYTES;
  await sys?.stop();
});

interface FileView {
  fileId: string;
  part: string;
  name: string;
  contentType: string;
  size: number;
  sha256: string;
  version: number;
  current: boolean;
  lineageId: string;
  replacedBy: string | null;
  streamId: string;
  seq: number;
  uploadedBy: string;
}
interface Listing {
  editable: boolean;
  maxBytes: number;
  files: (FileView & { uploadedByName: string | null })[];
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** POSTs the bytes as the body, as a browser's fetch(file) does (any content type the client claims). */
async function upload(
  id: string,
  part: string,
  bytes: Buffer,
  opts: { token?: string; name?: string; replaces?: string; type?: string } = {},
) {
  const q = new URLSearchParams({
    name: opts.name ?? 'tệp.pdf',
    ...(opts.replaces ? { replaces: opts.replaces } : {}),
  });
  const res = await fetch(`${sys.baseUrl}/dossiers/${id}/parts/${part}/files?${q}`, {
    method: 'POST',
    headers: {
      authorization: `Bearer ${opts.token ?? tokens.clerk}`,
      'content-type': opts.type ?? 'application/octet-stream',
    },
    body: bytes,
  });
  const text = await res.text();
  return {
    status: res.status,
    body: (text ? JSON.parse(text) : undefined) as FileView & {
      rule?: string;
      message: string;
      fields?: Record<string, string[]>;
    },
  };
}

async function download(id: string, fileId: string, token = tokens.clerk) {
  const res = await fetch(`${sys.baseUrl}/dossiers/${id}/files/${fileId}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return { status: res.status, headers: res.headers, bytes: Buffer.from(await res.arrayBuffer()) };
}

const attachmentEvents = async (streamId: string) =>
  (await sys.db.query(`SELECT seq, type, data, actor_id, hash FROM dossier_event WHERE stream_id = $1 ORDER BY seq`, [
    streamId,
  ])) as { seq: number; type: string; data: FileView; actor_id: string; hash: string }[];

it('a PDF uploaded to a part is stored, typed from its content, and its SHA-256 is in the event that attaches it', async () => {
  const pdf = aPdf('To trinh so 12');
  // The client claims an image: the type comes from the bytes.
  const res = await upload(dossierId, 'TO_TRINH', pdf, { name: 'Tờ trình số 12.pdf', type: 'image/png' });
  expect(res.status).toBe(201);
  expect(res.body).toMatchObject({
    part: 'TO_TRINH',
    name: 'Tờ trình số 12.pdf',
    contentType: 'application/pdf',
    size: pdf.length,
    sha256: sha(pdf),
    version: 1,
    current: true,
    uploadedBy: cast.users.clerk.id,
  });

  const events = await attachmentEvents(res.body.streamId);
  const attached = events.find((e) => e.seq === res.body.seq);
  expect(attached?.type).toBe('AttachmentAdded');
  expect(attached?.data).toMatchObject({
    fileId: res.body.fileId,
    dossierId,
    sha256: sha(pdf),
    size: pdf.length,
    contentType: 'application/pdf',
  });
  // Its own stream, not the dossier's: the dossier's stream is still only the workflow's.
  expect(res.body.streamId).not.toBe(dossierId);
  const dossierEvents = (await sys.db.query(`SELECT type FROM dossier_event WHERE stream_id = $1`, [dossierId])) as {
    type: string;
  }[];
  expect(dossierEvents.map((e) => e.type)).not.toContain('AttachmentAdded');

  const got = await download(dossierId, res.body.fileId);
  expect(got.status).toBe(200);
  expect(got.headers.get('content-type')).toBe('application/pdf');
  expect(got.headers.get('x-content-sha256')).toBe(sha(pdf));
  expect(got.headers.get('content-disposition')).toContain(
    `filename*=UTF-8''${encodeURIComponent('Tờ trình số 12.pdf')}`,
  );
  expect(sha(got.bytes)).toBe(sha(pdf));
});

it('PNG, DOCX and XLSX are accepted and typed; HTML, a plain ZIP and JSON are refused with 415, an empty body with 400, and nothing is attached', async () => {
  const accepted = [
    ['EVIDENCE', aPng(), 'image/png'],
    ['BAO_CAO_THANH_TICH', await aDocx(), 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
    ['EVIDENCE', await anXlsx(), 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ] as const;
  for (const [part, bytes, type] of accepted) {
    const res = await upload(dossierId, part, bytes, { name: 'x' });
    expect([res.status, res.body.contentType]).toEqual([201, type]);
  }
  const before = (await http<Listing>(sys, 'GET', `/dossiers/${dossierId}/files`, { token: tokens.clerk })).body.files
    .length;
  const html = await upload(dossierId, 'EVIDENCE', Buffer.from('<html><body>not a pdf</body></html>'), {
    name: 'giả.pdf',
    type: 'application/pdf',
  });
  expect([html.status, html.body.rule]).toEqual([415, 'attachment.unsupported-type']);
  const zip = await upload(dossierId, 'EVIDENCE', Buffer.from('504b0304', 'hex'), { name: 'a.docx' });
  expect(zip.status).toBe(415);
  const json = await http(sys, 'POST', `/dossiers/${dossierId}/parts/EVIDENCE/files?name=a.pdf`, {
    token: tokens.clerk,
    body: { file: '%PDF-1.4' },
  });
  expect(json.status).toBe(415);
  const empty = await upload(dossierId, 'EVIDENCE', Buffer.alloc(0));
  expect(empty.status).toBe(400);
  const noName = await fetch(`${sys.baseUrl}/dossiers/${dossierId}/parts/EVIDENCE/files`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.clerk}` },
    body: aPdf(),
  });
  expect(noName.status).toBe(400);
  expect(((await noName.json()) as { fields: Record<string, string[]> }).fields.name).toBeDefined();
  const badPart = await upload(dossierId, 'NOT_A_PART', aPdf());
  expect([badPart.status, Object.keys(badPart.body.fields ?? {})]).toEqual([400, ['part']]);
  expect(
    (await http<Listing>(sys, 'GET', `/dossiers/${dossierId}/files`, { token: tokens.clerk })).body.files.length,
  ).toBe(before);
});

it('a file over the limit is refused with 413 — declared or streamed without a length — and nothing stays stored', async () => {
  const big = Buffer.concat([aPdf(), Buffer.alloc(LIMIT)]);
  const declared = await upload(dossierId, 'EVIDENCE', big);
  expect([declared.status, declared.body.rule]).toEqual([413, 'attachment.too-large']);
  // Chunked (no Content-Length): counted as it streams.
  const chunks = [aPdf(), Buffer.alloc(LIMIT / 2), Buffer.alloc(LIMIT / 2)];
  const streamed = await fetch(`${sys.baseUrl}/dossiers/${dossierId}/parts/EVIDENCE/files?name=big.pdf`, {
    method: 'POST',
    headers: { authorization: `Bearer ${tokens.clerk}`, 'content-type': 'application/octet-stream' },
    body: new ReadableStream({
      pull: (c) => {
        const next = chunks.shift();
        if (next) c.enqueue(next);
        else c.close();
      },
    }),
    duplex: 'half',
  } as RequestInit);
  expect(streamed.status).toBe(413);
  const [orphans] = (await sys.db.query(
    `SELECT count(*)::int AS n FROM attachment_blob WHERE storage_key LIKE $1 AND storage_key NOT IN (SELECT storage_key FROM dossier_file)`,
    [`dossiers/${dossierId}/%`],
  )) as { n: number }[];
  expect(orphans.n).toBe(0);
});

it('replacing a file is a new version in a new event; the old version stays listed and downloadable', async () => {
  const v1 = aPdf('Bien ban v1');
  const v2 = aPdf('Bien ban v2');
  const first = await upload(dossierId, 'BIEN_BAN', v1, { name: 'bien-ban.pdf' });
  const second = await upload(dossierId, 'BIEN_BAN', v2, { name: 'bien-ban-sua.pdf', replaces: first.body.fileId });
  expect(second.status).toBe(201);
  expect(second.body).toMatchObject({ lineageId: first.body.fileId, version: 2, current: true });
  expect(second.body.seq).toBe(first.body.seq + 1);

  const listing = await http<Listing>(sys, 'GET', `/dossiers/${dossierId}/files`, { token: tokens.clerk });
  const lineage = listing.body.files.filter((f) => f.lineageId === first.body.fileId);
  expect(lineage.map((f) => [f.version, f.current, f.sha256])).toEqual([
    [1, false, sha(v1)],
    [2, true, sha(v2)],
  ]);
  expect(lineage[0].replacedBy).toBe(second.body.fileId);
  expect(lineage[0].uploadedByName).toBe(`clerk ${cast.users.clerk.id.split('-').slice(1).join('-')}`);
  expect(sha((await download(dossierId, first.body.fileId)).bytes)).toBe(sha(v1));

  // The old version is no longer current: replacing it again is refused, as is replacing across parts.
  const stale = await upload(dossierId, 'BIEN_BAN', v2, { replaces: first.body.fileId });
  expect([stale.status, stale.body.rule]).toEqual([409, 'attachment.replaces-current']);
  const otherPart = await upload(dossierId, 'TO_TRINH', v2, { replaces: second.body.fileId });
  expect(otherPart.status).toBe(400);
});

it("another unit's clerk can neither list, download nor upload (403); other roles may read but not upload; an unknown dossier or file is 404", async () => {
  const [file] = (await http<Listing>(sys, 'GET', `/dossiers/${dossierId}/files`, { token: tokens.clerk })).body.files;
  expect((await http(sys, 'GET', `/dossiers/${dossierId}/files`, { token: tokens.otherClerk })).status).toBe(403);
  expect((await download(dossierId, file.fileId, tokens.otherClerk)).status).toBe(403);
  expect((await upload(dossierId, 'EVIDENCE', aPdf(), { token: tokens.otherClerk })).status).toBe(403);
  expect(
    (
      await fetch(`${sys.baseUrl}/dossiers/${dossierId}/export.zip`, {
        headers: { authorization: `Bearer ${tokens.otherClerk}` },
      })
    ).status,
  ).toBe(403);
  // The unit head and the secretariat read, but only the clerk attaches.
  const head = await http<Listing>(sys, 'GET', `/dossiers/${dossierId}/files`, { token: tokens.head });
  expect([head.status, head.body.editable]).toEqual([200, false]);
  expect((await upload(dossierId, 'EVIDENCE', aPdf(), { token: tokens.head })).status).toBe(403);
  expect((await download(dossierId, file.fileId, tokens.secretariat)).status).toBe(200);
  expect((await http<Listing>(sys, 'GET', `/dossiers/${dossierId}/files`, { token: tokens.clerk })).body.editable).toBe(
    true,
  );
  expect((await download(dossierId, '00000000-0000-4000-8000-000000000000')).status).toBe(404);
  expect(
    (await http(sys, 'GET', `/dossiers/00000000-0000-4000-8000-000000000000/files`, { token: tokens.clerk })).status,
  ).toBe(404);
});

it('once the dossier is submitted its files are frozen (409), and still readable', async () => {
  const id = await driveDossier(sys, tokens, 1);
  const res = await upload(id, 'TO_TRINH', aPdf());
  expect([res.status, res.body.rule]).toEqual([409, 'attachment.editable-state']);
  expect((await http<Listing>(sys, 'GET', `/dossiers/${id}/files`, { token: tokens.clerk })).body.editable).toBe(false);
});

it("the auditor's zip holds the record, the attachment stream's record and every file version whose bytes match the recorded hashes", async () => {
  const res = await fetch(`${sys.baseUrl}/dossiers/${dossierId}/export.zip`, {
    headers: { authorization: `Bearer ${tokens.auditor}` },
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toBe('application/zip');
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-zip-'));
  writeFileSync(join(dir, 'export.zip'), Buffer.from(await res.arrayBuffer()));
  execFileSync('python3', ['-m', 'zipfile', '-e', join(dir, 'export.zip'), join(dir, 'out')]);
  const manifest = JSON.parse(readFileSync(join(dir, 'out', 'files.json'), 'utf8')) as {
    attachmentStreamId: string;
    files: (FileView & { path: string })[];
  };
  const record = JSON.parse(readFileSync(join(dir, 'out', 'attachments', 'record.json'), 'utf8')) as {
    chain: { verifiedAtExport: boolean };
    events: { seq: number; data: FileView }[];
  };
  const listing = (await http<Listing>(sys, 'GET', `/dossiers/${dossierId}/files`, { token: tokens.auditor })).body
    .files;
  expect(manifest.files.map((f) => f.fileId).sort()).toEqual(listing.map((f) => f.fileId).sort());
  expect(record.chain.verifiedAtExport).toBe(true);
  for (const f of manifest.files) {
    expect(sha(readFileSync(join(dir, 'out', f.path)))).toBe(f.sha256);
    expect(record.events.find((e) => e.seq === f.seq)?.data.sha256).toBe(f.sha256);
  }
  expect(JSON.parse(readFileSync(join(dir, 'out', 'record.json'), 'utf8')).dossierId).toBe(dossierId);
  // The offline verifier accepts the attachment stream's record like a dossier's.
  expect(() =>
    execFileSync(
      'node',
      [
        join(__dirname, '..', '..', 'infra', 'audit', 'verify-record.js'),
        join(dir, 'out', 'attachments', 'record.json'),
      ],
      { stdio: 'pipe' },
    ),
  ).not.toThrow();
});

it('the dossier_file rows are a projection: replaying the ATTACHMENT stream gives them back', async () => {
  const rows = () =>
    sys.db.query(
      `SELECT file_id, version, current, sha256, replaced_by, seq FROM dossier_file WHERE dossier_id = $1 ORDER BY file_id`,
      [dossierId],
    ) as Promise<unknown[]>;
  const before = await rows();
  expect(before.length).toBeGreaterThan(3);
  const [{ stream_id: streamId }] = (await sys.db.query(
    `SELECT DISTINCT stream_id FROM dossier_file WHERE dossier_id = $1`,
    [dossierId],
  )) as { stream_id: string }[];
  await sys.db.transaction(async (m) => {
    await m.query(`DELETE FROM dossier_file WHERE dossier_id = $1`, [dossierId]);
    for (const e of await new EventStore(sys.db).readStream(streamId, m)) await projectAttachment(m, e);
  });
  expect(await rows()).toEqual(before);
});

it('a part with a file attached counts toward completeness at submission where the unit declared none', async () => {
  const parts = (aBkTinhDossier().parts as { kind: string }[]).filter((p) => p.kind !== 'TO_TRINH');
  const created = await http<{ id: string }>(sys, 'POST', '/dossiers', {
    token: tokens.clerk,
    body: aBkTinhDossier({ parts }),
  });
  const refused = await http<{ rule: string; message: string }>(sys, 'POST', `/dossiers/${created.body.id}/submit`, {
    token: tokens.clerk,
    body: {},
  });
  expect({ status: refused.status, rule: refused.body.rule }).toEqual({ status: 422, rule: 'dossier.parts-complete' });
  expect(refused.body.message).toContain('Tờ trình');

  expect((await upload(created.body.id, 'TO_TRINH', aPdf('To trinh kem theo'), { name: 'Tờ trình.pdf' })).status).toBe(
    201,
  );
  const submitted = await http<{ status: string }>(sys, 'POST', `/dossiers/${created.body.id}/submit`, {
    token: tokens.clerk,
    body: {},
  });
  expect({ status: submitted.status, dossier: submitted.body.status }).toEqual({ status: 200, dossier: 'UNIT_REVIEW' });
});
