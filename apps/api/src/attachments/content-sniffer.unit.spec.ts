/** The intake types a file by its content (never its name or header), counts it against the limit and hashes it. */
import { createHash } from 'node:crypto';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { aDocx, aJpeg, aPdf, aPng, anXlsx, aZip } from '../../../../test/support/sample-files';
import { AttachmentIntake, IntakeRefused, zipEntryNames } from './content-sniffer';

/** Runs bytes through the intake in small pieces; the result, or the refusal's reason. */
async function intake(
  bytes: Buffer,
  max = 1_000_000,
  piece = 7,
): Promise<{ contentType: string; size: number; sha256: string } | string> {
  const parts: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += piece) parts.push(bytes.subarray(at, at + piece));
  const i = new AttachmentIntake(max);
  let passed = 0;
  try {
    await pipeline(
      Readable.from(parts),
      i,
      new Writable({ write: (c: Buffer, _e, done) => ((passed += c.length), done()) }),
    );
  } catch (e) {
    if (e instanceof IntakeRefused) return e.reason;
    throw e;
  }
  expect(passed).toBe(bytes.length);
  return i.result ?? 'NO RESULT';
}

const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');

it.each([
  ['a PDF', aPdf, 'application/pdf'],
  ['a PNG', aPng, 'image/png'],
  ['a JPEG', aJpeg, 'image/jpeg'],
  ['a Word document', aDocx, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  ['an Excel workbook (exceljs)', anXlsx, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
])('%s is typed from its content, measured and hashed', async (_what, make, type) => {
  const bytes = await make();
  expect(await intake(bytes)).toEqual({ contentType: type, size: bytes.length, sha256: sha(bytes) });
});

it.each([
  ['HTML named .pdf', async () => Buffer.from('<html><script>alert(1)</script></html>')],
  ['a ZIP that is no Office document', () => aZip({ 'evil.exe': 'MZ', 'readme.txt': 'hi' })],
  [
    'a ZIP with [Content_Types].xml but no main part',
    () => aZip({ '[Content_Types].xml': '<Types/>', 'ppt/presentation.xml': '<p/>' }),
  ],
  ['three bytes', async () => Buffer.from('%PD')],
])('%s is refused as an unsupported type', async (_what, make) => {
  expect(await intake(await make())).toBe('UNSUPPORTED_TYPE');
});

it('one byte over the limit is refused as too large; exactly the limit passes', async () => {
  const pdf = aPdf();
  expect(await intake(pdf, pdf.length - 1)).toBe('TOO_LARGE');
  expect(await intake(pdf, pdf.length)).toMatchObject({ size: pdf.length });
});

it('an empty body is refused', async () => {
  expect(await intake(Buffer.alloc(0))).toBe('EMPTY');
});

it('a ZIP whose central directory lies before the kept tail is not guessed at', async () => {
  const docx = await aDocx();
  expect(zipEntryNames(docx.subarray(docx.length - 30), docx.length)).toBeUndefined();
  expect(zipEntryNames(docx, docx.length)).toEqual(
    expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']),
  );
});
