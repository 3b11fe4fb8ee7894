/** Reading a PDF back in tests with poppler-utils (installed by infra/document-tools.sh): its text, and page 1 as pixels. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function inTemp<T>(pdf: Buffer, work: (file: string, dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-pdf-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    return work(file, dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** pdftotext's text (layout mode off), whitespace runs collapsed so wrapped lines compare as one. */
export const pdfText = (pdf: Buffer): string =>
  inTemp(pdf, (file) => execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }))
    .replace(/\s+/g, ' ')
    .trim();

export const pdfPages = (pdf: Buffer): number =>
  Number(/Pages:\s+(\d+)/.exec(inTemp(pdf, (file) => execFileSync('pdfinfo', [file], { encoding: 'utf8' })))?.[1] ?? 0);

/** The fonts pdffonts lists (name column). */
export const pdfFonts = (pdf: Buffer): string[] =>
  inTemp(pdf, (file) => execFileSync('pdffonts', [file], { encoding: 'utf8' }))
    .split('\n')
    .slice(2)
    .map((l) => l.split(/\s+/)[0])
    .filter(Boolean);

export interface Raster {
  width: number;
  height: number;
  /** 0 (black) … 255 (white), row by row. */
  gray: Uint8Array;
  /** Share of pixels darker than 160 inside a box given in fractions of the page (x0, y0, x1, y1). */
  ink(x0: number, y0: number, x1: number, y1: number): number;
}

/** Page 1 at `dpi` in gray (pdftoppm -gray: a binary PGM). `savePng` also writes it as PNG there, to look at. */
export function pageOne(pdf: Buffer, dpi = 50, savePng?: string): Raster {
  return inTemp(pdf, (file, dir) => {
    execFileSync('pdftoppm', ['-r', String(dpi), '-f', '1', '-l', '1', '-gray', '-singlefile', file, join(dir, 'p')]);
    if (savePng)
      execFileSync('pdftoppm', [
        '-r',
        String(dpi),
        '-f',
        '1',
        '-l',
        '1',
        '-png',
        '-singlefile',
        file,
        savePng.replace(/\.png$/, ''),
      ]);
    const pgm = readFileSync(join(dir, 'p.pgm'));
    const m = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
    if (!m) throw new Error('pdftoppm did not write a binary PGM');
    const [width, height] = [Number(m[1]), Number(m[2])];
    const gray = new Uint8Array(pgm.subarray(m[0].length, m[0].length + width * height));
    return {
      width,
      height,
      gray,
      ink(x0, y0, x1, y1) {
        let dark = 0,
          all = 0;
        for (let y = Math.floor(y0 * height); y < Math.ceil(y1 * height); y++)
          for (let x = Math.floor(x0 * width); x < Math.ceil(x1 * width); x++, all++)
            if (gray[y * width + x] < 160) dark++;
        return all ? dark / all : 0;
      },
    };
  });
}

/** The last signature of a signed PDF: its /ByteRange, /SubFilter, the CMS in /Contents (DER) and the bytes it covers. */
export interface PdfSignature {
  byteRange: [number, number, number, number];
  subFilter: string;
  cms: Buffer;
  signedContent: Buffer;
}

export function pdfSignature(pdf: Buffer): PdfSignature {
  const text = pdf.toString('latin1');
  const ranges = [...text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)];
  const last = ranges[ranges.length - 1];
  if (!last) throw new Error('no /ByteRange: the PDF is not signed');
  const byteRange = [1, 2, 3, 4].map((i) => Number(last[i])) as PdfSignature['byteRange'];
  const [a, b, c, d] = byteRange;
  // The hole between the two ranges is exactly "<hex>" of /Contents.
  const hole = text.slice(a + b, c);
  if (!/^<[0-9a-fA-F]+>$/.test(hole)) throw new Error('the /ByteRange hole is not the /Contents hex string');
  // /Contents is padded with zeros: the CMS is as long as its outer DER length says.
  const padded = Buffer.from(hole.slice(1, -1), 'hex');
  const n = padded[1] & 0x7f;
  const length =
    padded[1] < 0x80 ? 2 + padded[1] : 2 + n + padded.subarray(2, 2 + n).reduce((acc, x) => acc * 256 + x, 0);
  const subFilter = /\/SubFilter\s*\/([A-Za-z0-9.]+)/.exec(text)?.[1] ?? '';
  return {
    byteRange,
    subFilter,
    cms: padded.subarray(0, length),
    signedContent: Buffer.concat([pdf.subarray(a, a + b), pdf.subarray(c, c + d)]),
  };
}

/**
 * `openssl cms -verify` of a detached CMS over `content` with `certPem` as the only trust anchor: true when the
 * signature and the message digest check out and the signer's certificate is that one.
 */
export function opensslVerify(cms: Buffer, content: Buffer, certPem: string): { ok: boolean; output: string } {
  const dir = mkdtempSync(join(tmpdir(), 'tdkt-cms-'));
  try {
    writeFileSync(join(dir, 'sig.der'), cms);
    writeFileSync(join(dir, 'content.bin'), content);
    writeFileSync(join(dir, 'ca.pem'), certPem);
    try {
      const output = execFileSync(
        'openssl',
        [
          'cms',
          '-verify',
          '-binary',
          '-inform',
          'DER',
          '-in',
          join(dir, 'sig.der'),
          '-content',
          join(dir, 'content.bin'),
          '-CAfile',
          join(dir, 'ca.pem'),
          '-partial_chain',
          '-purpose',
          'any',
          '-out',
          join(dir, 'out.bin'),
        ],
        { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
      );
      return { ok: true, output };
    } catch (e) {
      return { ok: false, output: String((e as { stderr?: string }).stderr ?? e) };
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `openssl cms -cmsout -print` of a CMS: its structure as text (signed attributes, certificates). */
export const cmsPrint = (cms: Buffer): string =>
  inTemp(cms, (file) =>
    execFileSync('openssl', ['cms', '-cmsout', '-print', '-inform', 'DER', '-in', file], { encoding: 'utf8' }),
  );
