import { createHash, type Hash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import type { AttachmentContentType } from '@tdkt/domain';

/** Why an upload's bytes were refused: over the size limit (413), not an accepted type (415), or empty (400). */
export class IntakeRefused extends Error {
  constructor(
    readonly reason: 'TOO_LARGE' | 'UNSUPPORTED_TYPE' | 'EMPTY',
    message: string,
  ) {
    super(message);
    this.name = 'IntakeRefused';
  }
}

const DOCX: AttachmentContentType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const XLSX: AttachmentContentType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const ACCEPTED = 'PDF, JPEG, PNG, DOCX or XLSX';

type Family = 'pdf' | 'jpeg' | 'png' | 'zip';
const SIGNATURES: readonly [Family, readonly number[]][] = [
  ['pdf', [0x25, 0x50, 0x44, 0x46, 0x2d]], // %PDF-
  ['png', [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]],
  ['jpeg', [0xff, 0xd8, 0xff]],
  ['zip', [0x50, 0x4b, 0x03, 0x04]], // PK\3\4: a local file header, how DOCX and XLSX begin
];
const HEAD_BYTES = 8;

/** The file family from its first bytes (magic numbers): undefined when none matches or more bytes are needed. */
export function sniffFamily(head: Buffer): Family | undefined {
  return SIGNATURES.find(([, sig]) => head.length >= sig.length && sig.every((b, i) => head[i] === b))?.[0];
}

/** The last bytes of a ZIP kept for its central directory: the end record (≤ 64 KiB comment) and the entries. */
export const ZIP_TAIL_BYTES = 512 * 1024;

/**
 * The entry names of a ZIP archive from its last bytes (`tail`, the end of a file of `size` bytes): the end-of-central-
 * directory record, then the central directory's entries. Undefined when the tail does not hold a whole, plain (not
 * ZIP64) directory.
 */
export function zipEntryNames(tail: Buffer, size: number): string[] | undefined {
  const tailStart = size - tail.length;
  for (let p = tail.length - 22; p >= 0 && p >= tail.length - 22 - 0xffff; p--) {
    if (tail.readUInt32LE(p) !== 0x06054b50) continue;
    const entries = tail.readUInt16LE(p + 10);
    const cdSize = tail.readUInt32LE(p + 12);
    const cdOffset = tail.readUInt32LE(p + 16);
    if (cdOffset === 0xffffffff || cdOffset < tailStart || cdOffset + cdSize > tailStart + p) return undefined;
    const names: string[] = [];
    let at = cdOffset - tailStart;
    for (let i = 0; i < entries; i++) {
      if (at + 46 > tail.length || tail.readUInt32LE(at) !== 0x02014b50) return undefined;
      const nameLength = tail.readUInt16LE(at + 28);
      const extra = tail.readUInt16LE(at + 30);
      const comment = tail.readUInt16LE(at + 32);
      if (at + 46 + nameLength > tail.length) return undefined;
      names.push(tail.toString('utf8', at + 46, at + 46 + nameLength));
      at += 46 + nameLength + extra + comment;
    }
    return names;
  }
  return undefined;
}

/** An Office Open XML package is a ZIP with [Content_Types].xml and its main part: Word's document or Excel's workbook. */
export function officeType(names: readonly string[]): AttachmentContentType | undefined {
  if (!names.includes('[Content_Types].xml')) return undefined;
  if (names.includes('word/document.xml')) return DOCX;
  if (names.includes('xl/workbook.xml')) return XLSX;
  return undefined;
}

export interface IntakeResult {
  size: number;
  sha256: string;
  contentType: AttachmentContentType;
}

/**
 * The upload's bytes pass through on their way to the store: counted against the limit, hashed (SHA-256), and typed
 * from their content — the magic number at the start, and for a ZIP its entry names at the end (a DOCX or XLSX). Memory
 * stays bounded: the first bytes and, for a ZIP, its last 512 KiB. Fails the stream with IntakeRefused as soon as it
 * knows (a wrong first byte, one byte over the limit), so the store keeps nothing.
 */
export class AttachmentIntake extends Transform {
  private size = 0;
  private readonly hash: Hash = createHash('sha256');
  private head = Buffer.alloc(0);
  private family: Family | undefined;
  private tail: Buffer[] = [];
  private tailBytes = 0;
  result: IntakeResult | undefined;

  constructor(private readonly maxBytes: number) {
    super();
  }

  override _transform(chunk: Buffer | string, _encoding: BufferEncoding, done: TransformCallback): void {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    this.size += buf.length;
    if (this.size > this.maxBytes)
      return done(new IntakeRefused('TOO_LARGE', `The file is larger than the limit of ${this.maxBytes} bytes`));
    if (!this.family) {
      this.head = Buffer.concat([this.head, buf.subarray(0, HEAD_BYTES)]).subarray(0, HEAD_BYTES);
      if (this.head.length >= HEAD_BYTES) {
        this.family = sniffFamily(this.head);
        if (!this.family) return done(unsupported());
      }
    }
    if (this.family === 'zip' || !this.family) this.keepTail(buf);
    this.hash.update(buf);
    done(null, buf);
  }

  override _flush(done: TransformCallback): void {
    if (this.size === 0) return done(new IntakeRefused('EMPTY', 'The file is empty'));
    const family = this.family ?? sniffFamily(this.head);
    let contentType: AttachmentContentType | undefined;
    if (family === 'pdf') contentType = 'application/pdf';
    else if (family === 'jpeg') contentType = 'image/jpeg';
    else if (family === 'png') contentType = 'image/png';
    else if (family === 'zip') {
      const names = zipEntryNames(Buffer.concat(this.tail, this.tailBytes), this.size);
      contentType = names && officeType(names);
      if (!contentType)
        return done(
          new IntakeRefused(
            'UNSUPPORTED_TYPE',
            `The file is a ZIP archive but not a Word (DOCX) or Excel (XLSX) document; accepted: ${ACCEPTED}`,
          ),
        );
    }
    if (!contentType) return done(unsupported());
    this.result = { size: this.size, sha256: this.hash.digest('hex'), contentType };
    done();
  }

  private keepTail(buf: Buffer): void {
    this.tail.push(buf);
    this.tailBytes += buf.length;
    while (this.tail.length > 1 && this.tailBytes - this.tail[0].length >= ZIP_TAIL_BYTES)
      this.tailBytes -= this.tail.shift()?.length ?? 0;
    if (this.tailBytes > ZIP_TAIL_BYTES * 2) {
      const joined = Buffer.concat(this.tail, this.tailBytes).subarray(this.tailBytes - ZIP_TAIL_BYTES);
      this.tail = [Buffer.from(joined)];
      this.tailBytes = joined.length;
    }
  }
}

const unsupported = () =>
  new IntakeRefused(
    'UNSUPPORTED_TYPE',
    `The file's content is not an accepted type (its first bytes are no ${ACCEPTED} signature); accepted: ${ACCEPTED}`,
  );
