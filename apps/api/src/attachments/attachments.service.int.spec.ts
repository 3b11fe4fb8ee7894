/**
 * AttachmentsService on the run's Postgres (the embedded default store), built from AttachmentsModule's own providers,
 * without HTTP: who may attach, to which part and version, refused before a byte is read; the bytes' own refusals
 * with nothing left in the store; versions of a part; uploads at once taking consecutive places in the dossier's
 * ATTACHMENT stream; and the parts with a file handed to the dossier's submission.
 */
import { createHash, randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { DataSource } from 'typeorm';
import { DossierCommandsService } from '../dossiers/dossier-commands.service';
import { AttachmentsModule } from './attachments.module';
import { AttachmentsService, attachmentStreamId, type UploadRequest } from './attachments.service';
import { aPdf, aPng } from '../../../../test/support/sample-files';
import {
  aBkTinh,
  refusalOf,
  seedProvince,
  startServices,
  type Province,
  type ServiceWorld,
} from '../../../../test/support/services';

let world: ServiceWorld;
let attachments: AttachmentsService;
let commands: DossierCommandsService;
let p: Province;

beforeAll(async () => {
  world = await startServices([DossierCommandsService], [AttachmentsModule]);
  attachments = world.module.get(AttachmentsService);
  commands = world.module.get(DossierCommandsService);
  p = await seedProvince(world.directory);
}, 120_000);
afterAll(async () => world?.stop());

const draft = async () => (await commands.create(p.as.clerk, aBkTinh())).id;
const upload = (id: string, request: Partial<UploadRequest>, bytes: Buffer, who = p.as.clerk) =>
  attachments.upload(who, id, { part: 'TO_TRINH', name: 'to-trinh.pdf', ...request }, Readable.from([bytes]));
const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex');
/** The storage keys the store holds bytes under for a dossier. */
const storedKeys = async (id: string) =>
  (
    (await world.module
      .get(DataSource)
      .query(`SELECT DISTINCT storage_key FROM attachment_blob_chunk WHERE storage_key LIKE $1 ORDER BY 1`, [
        `dossiers/${id}/%`,
      ])) as { storage_key: string }[]
  ).map((r) => r.storage_key);
const read = async (body: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of body) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks);
};

it('stores a clerk’s file, lists it with its uploader, and hands the part to the submission', async () => {
  const id = await draft();
  const pdf = aPdf('To trinh 12');
  const file = await upload(id, {}, pdf);
  expect(file).toMatchObject({
    dossierId: id,
    part: 'TO_TRINH',
    version: 1,
    current: true,
    name: 'to-trinh.pdf',
    contentType: 'application/pdf',
    size: pdf.length,
    sha256: sha256(pdf),
    uploadedBy: p.as.clerk.userId,
    streamId: attachmentStreamId(id),
    seq: 1,
  });
  expect(await read((await attachments.file(p.as.head, id, file.fileId)).body)).toEqual(pdf);
  expect((await world.events.readStream(attachmentStreamId(id))).map((e) => e.type)).toEqual(['AttachmentAdded']);
  // The dossier's own stream is the workflow's alone.
  expect((await world.events.readStream(id)).map((e) => e.type)).toEqual(['DossierCreated']);

  const mine = await attachments.list(p.as.clerk, id);
  expect(mine).toMatchObject({ editable: true, files: [{ fileId: file.fileId, uploadedByName: `clerk ${p.tag}` }] });
  expect((await attachments.list(p.as.head, id)).editable).toBe(false);

  const enriched = await commands.enrich({ type: 'SubmitDossier', data: {} }, await commands.mustFind(id));
  expect(enriched.data).toMatchObject({ attachedParts: [{ kind: 'TO_TRINH', ref: 'to-trinh.pdf' }] });
});

it('refuses who, which part and which version before reading a byte', async () => {
  const id = await draft();
  let touched = false;
  const untouched = () =>
    new Readable({
      read() {
        touched = true;
        this.push(null);
      },
    });
  const attempt = (request: Partial<UploadRequest>, who = p.as.clerk) =>
    refusalOf(attachments.upload(who, id, { part: 'TO_TRINH', name: 'a.pdf', ...request }, untouched()));

  expect(await attempt({}, p.as.head)).toMatchObject({ by: 'service', code: 'FORBIDDEN', rule: 'attachment.editor' });
  expect(await attempt({}, p.as.otherClerk)).toMatchObject({ by: 'service', code: 'FORBIDDEN' });
  expect(await attempt({ part: 'NOT_A_PART' })).toMatchObject({
    code: 'INVALID',
    rule: 'attachment.part',
    fields: { part: [expect.stringContaining('Unknown dossier part NOT_A_PART')] },
  });
  expect(await attempt({ replaces: 'not-a-uuid' })).toMatchObject({
    code: 'INVALID',
    fields: { replaces: [expect.any(String)] },
  });
  expect(await attempt({ replaces: randomUUID() })).toMatchObject({
    code: 'INVALID',
    rule: 'attachment.replaces-unknown',
    fields: { replaces: [expect.any(String)] },
  });
  expect(await attempt({ name: '  ' })).toMatchObject({ code: 'INVALID', fields: { name: [expect.any(String)] } });
  expect(await attempt({ name: '../..' })).toMatchObject({
    code: 'INVALID',
    fields: { name: ['name must be a file name'] },
  });
  expect(await attempt({ declaredLength: 20 * 1024 * 1024 + 1 })).toMatchObject({
    code: 'TOO_LARGE',
    rule: 'attachment.too-large',
  });
  expect(touched).toBe(false);
  expect(await world.events.readStream(attachmentStreamId(id))).toEqual([]);
  expect(await storedKeys(id)).toEqual([]);
});

it('refuses bytes of no accepted type and empty files, and keeps nothing of them', async () => {
  const id = await draft();
  expect(await refusalOf(upload(id, { name: 'note.txt' }, Buffer.from('Tờ trình số 12, bản nháp\n')))).toMatchObject({
    by: 'service',
    code: 'UNSUPPORTED_TYPE',
    rule: 'attachment.unsupported-type',
  });
  expect(await refusalOf(upload(id, {}, Buffer.alloc(0)))).toMatchObject({ code: 'INVALID', rule: 'attachment.empty' });
  expect(await world.events.readStream(attachmentStreamId(id))).toEqual([]);
  expect(await storedKeys(id)).toEqual([]);
  expect((await attachments.list(p.as.clerk, id)).files).toEqual([]);
});

it('keeps every version of a part; only the current one can be replaced', async () => {
  const id = await draft();
  const v1 = await upload(id, { part: 'BAO_CAO_THANH_TICH', name: 'bao-cao.pdf' }, aPdf('v1'));
  const v2 = await upload(id, { part: 'BAO_CAO_THANH_TICH', name: 'bao-cao-2.pdf', replaces: v1.fileId }, aPdf('v2'));
  expect(v2).toMatchObject({ version: 2, lineageId: v1.lineageId, current: true, seq: 2 });
  const files = (await attachments.list(p.as.clerk, id)).files;
  expect(files.find((f) => f.fileId === v1.fileId)).toMatchObject({ current: false, replacedBy: v2.fileId });
  // The replaced version stays stored and downloadable.
  expect(await read((await attachments.file(p.as.clerk, id, v1.fileId)).body)).toEqual(aPdf('v1'));

  const stale = await refusalOf(upload(id, { part: 'BAO_CAO_THANH_TICH', replaces: v1.fileId }, aPdf('v3')));
  expect(stale).toMatchObject({ by: 'service', code: 'WRONG_STATE', rule: 'attachment.replaces-current' });
  const otherPart = await refusalOf(upload(id, { part: 'TO_TRINH', replaces: v2.fileId }, aPdf('v3')));
  expect(otherPart).toMatchObject({ code: 'INVALID', rule: 'attachment.replaces-other-part' });
  expect(await storedKeys(id)).toEqual([v1.storageKey, v2.storageKey].sort());
});

it('takes uploads at once one after the other in the dossier’s stream', async () => {
  const id = await draft();
  const all = await Promise.all(
    ['TO_TRINH', 'BIEN_BAN', 'BAO_CAO_THANH_TICH'].map((part, i) =>
      upload(id, { part, name: `${part}.png` }, Buffer.concat([aPng(), Buffer.from([i])])),
    ),
  );
  expect(all.map((f) => f.seq).sort()).toEqual([1, 2, 3]);
  expect((await world.events.readStream(attachmentStreamId(id))).map((e) => e.seq)).toEqual([1, 2, 3]);
  expect((await attachments.list(p.as.clerk, id)).files).toHaveLength(3);
});

it('refuses files once the dossier is submitted: its content no longer changes', async () => {
  const id = await draft();
  await commands.execute(p.as.clerk, id, { type: 'SubmitDossier', data: {} });
  const refused = await refusalOf(upload(id, {}, aPdf()));
  expect(refused).toMatchObject({
    by: 'service',
    code: 'WRONG_STATE',
    rule: 'attachment.editable-state',
    details: { status: 'UNIT_REVIEW' },
  });
  expect((await attachments.list(p.as.clerk, id)).editable).toBe(false);
}, 60_000);
