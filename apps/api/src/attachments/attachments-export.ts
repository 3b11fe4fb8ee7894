import { PassThrough, Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { ZipFile } from 'yazl';
import type { Actor } from '@tdkt/domain';
import { buildExport, EventStore } from '@tdkt/persistence';
import { AttachmentsService, attachmentStreamId } from './attachments.service';

/** A zip entry's name from a file's: no folders, nothing a zip reader could take for a path or a control character. */
// eslint-disable-next-line no-control-regex -- replacing control characters is the point
const safe = (name: string): string => name.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').slice(0, 150);

/**
 * The dossier for auditors as one zip, streamed (every entry stored, not compressed: PDFs, images and Office files are
 * compressed already): the dossier's event record, its ATTACHMENT stream's record, the files manifest, and the files,
 * each read from the store only when its turn comes.
 */
@Injectable()
export class AttachmentsExport {
  constructor(
    private readonly attachments: AttachmentsService,
    private readonly events: EventStore,
  ) {}

  async zip(actor: Actor, dossierId: string): Promise<Readable> {
    const { files } = await this.attachments.allFiles(actor, dossierId);
    const exportedAt = new Date().toISOString();
    const streamId = attachmentStreamId(dossierId);
    const record = buildExport(dossierId, await this.events.readStream(dossierId), exportedAt);
    const attachmentRecord = buildExport(streamId, await this.events.readStream(streamId), exportedAt);
    const entries = files.map((f) => ({
      ...f,
      path: `files/${f.part}/${f.lineageId.slice(0, 8)}-v${f.version}-${safe(f.name)}`,
    }));
    const manifest = {
      format: 'tdkt-dossier-files/1',
      dossierId,
      exportedAt,
      attachmentStreamId: streamId,
      note: 'Each file: sha256 of its bytes as recorded in the AttachmentAdded event (seq) of attachments/record.json; recompute with sha256sum.',
      files: entries.map(({ storageKey: _storageKey, ...f }) => f),
    };
    const zip = new ZipFile();
    const mtime = new Date(exportedAt);
    zip.addBuffer(Buffer.from(JSON.stringify(record, null, 2)), 'record.json', { mtime });
    zip.addBuffer(Buffer.from(JSON.stringify(attachmentRecord, null, 2)), 'attachments/record.json', { mtime });
    zip.addBuffer(Buffer.from(JSON.stringify(manifest, null, 2)), 'files.json', { mtime });
    for (const f of entries)
      zip.addReadStreamLazy(f.path, { compress: false, size: f.size, mtime: new Date(f.uploadedAt) }, (cb) => {
        this.attachments.open(f).then(
          (s) => cb(null, s),
          (e: Error) => cb(e, Readable.from([])),
        );
      });
    // A store that fails mid-way breaks the download (the client sees a cut zip), never a 500 after the headers.
    const out = new PassThrough();
    zip.on('error', (e: Error) => out.destroy(e));
    zip.outputStream.pipe(out);
    zip.end();
    return out;
  }
}
