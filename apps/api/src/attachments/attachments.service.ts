import { randomUUID } from 'node:crypto';
import type { Readable } from 'node:stream';
import { Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import {
  attachRefusal,
  decideAttachFile,
  envelopeEvents,
  evolveAttachments,
  initialAttachmentsState,
  type Actor,
  type AttachmentsState,
  type DossierPartKind,
  Refused,
} from '@tdkt/domain';
import {
  AttachmentNotFoundError,
  AttachmentQueries,
  AttachmentStore,
  Directory,
  DossierQueries,
  EventStore,
  nameUuid,
  type DossierFileView,
  type DossierView,
} from '@tdkt/persistence';
import type { AttachmentConfig } from '@tdkt/config/src/attachments';
import { canSee } from '../dossiers/dossier-access';
import { outOfScope } from '../platform/denials';
import { AttachmentIntake, IntakeRefused } from './content-sniffer';

/** The settings the module was built with (a class, so Nest injects it by type). */
export class AttachmentSettings {
  constructor(readonly config: AttachmentConfig) {}
}

/** The ATTACHMENT stream of one dossier: a name-based id, so every upload to the dossier meets the same stream. */
export const attachmentStreamId = (dossierId: string): string => nameUuid(`attachments:${dossierId}`);

export interface UploadRequest {
  part: string;
  name: unknown;
  replaces?: unknown;
  /** The Content-Length the client declared, when it did. */
  declaredLength?: number;
}

export interface DossierFiles {
  dossierId: string;
  /** Whether the caller may attach now (the dossier's clerk while it is a draft, returned or asked to supplement). */
  editable: boolean;
  maxBytes: number;
  files: (DossierFileView & { uploadedByName: string | null })[];
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const invalid = (field: string, message: string) => Refused.invalidField(field, message);
const INTAKE_CODE = { TOO_LARGE: 'TOO_LARGE', UNSUPPORTED_TYPE: 'UNSUPPORTED_TYPE', EMPTY: 'INVALID' } as const;

/** A file name as given, without any folder part; 400 when absent or longer than 255 characters. */
function fileName(raw: unknown): string {
  if (typeof raw !== 'string' || !raw.trim())
    throw invalid('name', 'name is required: the file name, e.g. to-trinh.pdf');
  const name = raw.split(/[\\/]/).pop()?.trim() ?? '';
  if (!name || name === '.' || name === '..') throw invalid('name', 'name must be a file name');
  if (name.length > 255) throw invalid('name', 'name must be at most 255 characters');
  return name;
}

/**
 * Attachments of a dossier's parts: an upload streams the bytes through the intake (limit, SHA-256, type from the
 * content) into the store, then appends AttachmentAdded to the dossier's ATTACHMENT stream through the event store (one
 * transaction, the stream locked so two uploads take consecutive seqs). Reads follow the dossier's scope.
 */
@Injectable()
export class AttachmentsService {
  constructor(
    private readonly store: AttachmentStore,
    private readonly settings: AttachmentSettings,
    private readonly files: AttachmentQueries,
    private readonly events: EventStore,
    private readonly dossiers: DossierQueries,
    private readonly directory: Directory,
    private readonly dataSource: DataSource,
  ) {}

  /** The dossier if the actor may see it: 404 when it does not exist, 403 when it is outside the actor's scope. */
  async visible(actor: Actor, dossierId: string): Promise<DossierView> {
    const d = await this.dossiers.findById(dossierId);
    if (!d) throw Refused.notFound(`Dossier ${dossierId} not found`);
    if (!canSee(actor, d)) throw outOfScope(actor, `dossier ${dossierId}`);
    return d;
  }

  async list(actor: Actor, dossierId: string): Promise<DossierFiles> {
    const dossier = await this.visible(actor, dossierId);
    const files = await this.files.list(dossierId);
    const names = new Map<string, string | null>();
    for (const f of files)
      if (!names.has(f.uploadedBy)) names.set(f.uploadedBy, (await this.directory.fullNameOf(f.uploadedBy)) ?? null);
    const state = await this.state(dossierId);
    return {
      dossierId,
      editable: !attachRefusal(state, dossier, { part: 'TO_TRINH' }, actor),
      maxBytes: this.settings.config.maxBytes,
      files: files.map((f) => ({ ...f, uploadedByName: names.get(f.uploadedBy) ?? null })),
    };
  }

  async file(actor: Actor, dossierId: string, fileId: string): Promise<{ file: DossierFileView; body: Readable }> {
    await this.visible(actor, dossierId);
    const file = UUID.test(fileId) ? await this.files.find(dossierId, fileId) : undefined;
    if (!file) throw Refused.notFound(`Dossier ${dossierId} has no file ${fileId}`);
    try {
      return { file, body: await this.store.get(file.storageKey) };
    } catch (e) {
      if (e instanceof AttachmentNotFoundError)
        throw Refused.notFound(`The bytes of file ${fileId} are missing from the store`);
      throw e;
    }
  }

  /** Every version of the dossier's files with the bytes of each, read lazily (the zip export). */
  async allFiles(actor: Actor, dossierId: string): Promise<{ dossier: DossierView; files: DossierFileView[] }> {
    const dossier = await this.visible(actor, dossierId);
    return { dossier, files: await this.files.list(dossierId) };
  }

  open(file: DossierFileView): Promise<Readable> {
    return this.store.get(file.storageKey);
  }

  async upload(actor: Actor, dossierId: string, request: UploadRequest, bytes: Readable): Promise<DossierFileView> {
    const dossier = await this.visible(actor, dossierId);
    const replacesFileId =
      request.replaces === undefined || request.replaces === '' ? undefined : String(request.replaces);
    if (replacesFileId !== undefined && !UUID.test(replacesFileId))
      throw invalid('replaces', 'replaces must be the id (UUID) of the file this one replaces');
    // Who, which part, which version: refused before a byte is read.
    const early = attachRefusal(
      await this.state(dossierId),
      dossier,
      { part: request.part, ...(replacesFileId ? { replacesFileId } : {}) },
      actor,
    );
    if (early)
      throw early.code === 'INVALID'
        ? Refused.invalidField(early.rule === 'attachment.part' ? 'part' : 'replaces', early.message, early.rule)
        : Refused.of(early);
    const name = fileName(request.name);
    const { maxBytes } = this.settings.config;
    if (request.declaredLength !== undefined && request.declaredLength > maxBytes) throw tooLarge(maxBytes);

    const fileId = randomUUID();
    const storageKey = `dossiers/${dossierId}/${fileId}`;
    const intake = new AttachmentIntake(maxBytes);
    // pipe(), not pipeline(): a refusal must not destroy the request, whose connection still carries the answer.
    // The store reads the intake's error where it reads its bytes; this listener only keeps an early one (before the
    // store started reading) from being an unhandled 'error' event.
    intake.on('error', () => undefined);
    bytes.once('error', (e) => intake.destroy(e));
    bytes.once(
      'close',
      () => bytes.readableEnded || intake.destroy(new Error('The upload was interrupted before its end')),
    );
    bytes.pipe(intake);
    try {
      await this.store.put(storageKey, intake);
    } catch (caught) {
      bytes.unpipe(intake);
      const e = intake.errored ?? caught;
      if (e instanceof IntakeRefused)
        throw new Refused(INTAKE_CODE[e.reason], e.message, {
          rule: `attachment.${e.reason.toLowerCase().replace('_', '-')}`,
        });
      throw e;
    }
    const measured = intake.result;
    if (!measured) throw new Error('the intake ended without a result');

    const streamId = attachmentStreamId(dossierId);
    try {
      await this.dataSource.transaction(async (m) => {
        // One upload at a time per dossier: the next seq and the current versions are read under the stream's lock.
        const stream = await this.events.readStreamExclusively(streamId, m);
        const state = this.evolve(stream);
        const now = await this.dossiers.findById(dossierId);
        const decision = decideAttachFile(
          state,
          now ?? dossier,
          {
            fileId,
            dossierId,
            part: request.part as DossierPartKind,
            name,
            ...measured,
            storageKey,
            ...(replacesFileId ? { replacesFileId } : {}),
          },
          actor,
        );
        if (!decision.ok) throw Refused.of(decision.rejection);
        await this.events.append(
          envelopeEvents(streamId, stream.length, decision.value, {
            actor,
            occurredAt: new Date().toISOString(),
            requestId: randomUUID(),
          }),
          m,
        );
      });
    } catch (e) {
      // The event was refused (the dossier moved on meanwhile, the version was replaced): the bytes are an orphan.
      await this.store.delete(storageKey).catch(() => undefined);
      throw e;
    }
    const view = await this.files.find(dossierId, fileId);
    if (!view) throw new Error(`file ${fileId} was attached but is not in the read model`);
    return view;
  }

  private async state(dossierId: string, m?: EntityManager): Promise<AttachmentsState> {
    return this.evolve(await this.events.readStream(attachmentStreamId(dossierId), m));
  }

  private evolve(stream: Awaited<ReturnType<EventStore['readStream']>>): AttachmentsState {
    let state = initialAttachmentsState();
    for (const e of stream)
      if (e.type === 'AttachmentAdded') state = evolveAttachments(state, { type: e.type, data: e.data });
    return state;
  }
}

const tooLarge = (maxBytes: number) =>
  new Refused('TOO_LARGE', `The file is larger than the limit of ${maxBytes} bytes`, { rule: 'attachment.too-large' });
