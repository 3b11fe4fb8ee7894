/**
 * The embedded default signer: a PAdES (ETSI.CAdES.detached) signature with the local test certificate it makes on
 * first use, verified by OpenSSL (`openssl cms -verify`: the CMS signature against the certificate and the message
 * digest of the /ByteRange bytes); the province's service over HTTP, by the documented contract, verified the same way.
 */
import { createHash, sign as rsaSign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { cmsPrint, opensslVerify, pdfSignature } from '../../../../test/support/pdf';
import {
  documentSignerFromEnv,
  HttpDocumentSigner,
  LocalDocumentSigner,
  NoDocumentSigner,
  SignerUnavailableError,
  type SignatureRequest,
} from './document-signer';
import { cadesDetached, SIGNATURE_HEX_LENGTH } from './signing/pades';

let dir: string;
let request: SignatureRequest;
const pem = (der: Buffer) =>
  `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'tdkt-signer-'));
  const doc = await PDFDocument.create();
  const page = doc.addPage([595, 842]);
  page.drawText('QUYET DINH 12/QD-UBND', {
    x: 100,
    y: 700,
    font: await doc.embedFont(StandardFonts.TimesRoman),
    size: 14,
  });
  request = {
    pdf: Buffer.from(await doc.save()),
    signerId: 'chairman',
    signerTitle: 'Chủ tịch',
    signerName: 'Nguyễn Văn Chủ',
    reason: 'Quyết định 12/QĐ-UBND',
    location: 'Mẫu',
  };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the local signer (TDKT_SIGNER=local, the embedded default)', () => {
  it('makes its key and test certificate on first use, outside the repository, readable by its owner only, and keeps them', async () => {
    const signer = new LocalDocumentSigner(join(dir, 'signing', 'local-signer.pem'));
    const first = await signer.certificate();
    expect(statSync(signer.file).mode & 0o777).toBe(0o600);
    expect(readFileSync(signer.file, 'utf8')).toMatch(/BEGIN PRIVATE KEY[\s\S]+BEGIN CERTIFICATE/);
    expect(first.subject).toContain('not a legal signature');
    // Another process (another signer on the same file) signs with the same certificate.
    expect((await new LocalDocumentSigner(signer.file).certificate()).sha256).toBe(first.sha256);
  });

  it('signs PAdES: ETSI.CAdES.detached over the whole file but /Contents, a CMS that OpenSSL verifies against the certificate', async () => {
    const signer = new LocalDocumentSigner(join(dir, 'signing', 'local-signer.pem'));
    const signed = await signer.sign(request);
    expect(signed.sha256).toBe(createHash('sha256').update(signed.pdf).digest('hex'));
    expect(signed.signature).toMatchObject({
      subFilter: 'ETSI.CAdES.detached',
      signer: 'local-test',
      certificate: { sha256: (await signer.certificate()).sha256 },
    });

    const sig = pdfSignature(signed.pdf);
    expect(sig.subFilter).toBe('ETSI.CAdES.detached');
    const [a, b, c, d] = sig.byteRange;
    expect(a).toBe(0);
    expect(c + d).toBe(signed.pdf.length); // the ranges cover the file to its end, the hole is /Contents only
    expect(c - (a + b)).toBe(SIGNATURE_HEX_LENGTH + 2); // "<" hex digits ">"
    const cert = await signer.certificate();
    const verified = opensslVerify(sig.cms, sig.signedContent, pem(cert.certificate));
    expect(verified).toMatchObject({ ok: true });

    // The CAdES attributes: the message digest of the byte ranges and the signing certificate's hash (ESS v2).
    const printed = cmsPrint(sig.cms).replace(/\s+/g, ' ');
    expect(printed).toContain('messageDigest');
    expect(printed).toMatch(/id-smime-aa-signingCertificateV2|signingCertificateV2/);
    expect(printed).not.toContain('signingTime');
    expect(readFileSync(signer.file, 'utf8')).not.toContain(sig.cms.toString('base64').slice(0, 40));

    // One changed byte inside the signed ranges, or another certificate as the anchor, fails.
    const tampered = Buffer.from(sig.signedContent);
    tampered[200] ^= 0x01;
    expect(opensslVerify(sig.cms, tampered, pem(cert.certificate)).ok).toBe(false);
    const other = await new LocalDocumentSigner(join(dir, 'other', 'local-signer.pem')).certificate();
    expect(opensslVerify(sig.cms, sig.signedContent, pem(other.certificate)).ok).toBe(false);
  });
});

describe("the province's signing service (TDKT_SIGNER=http)", () => {
  let server: Server;
  let url: string;
  const seen: Record<string, unknown>[] = [];

  beforeAll(async () => {
    // A stand-in service holding its own key: it signs the digest it is sent, by the README's contract.
    const service = await new LocalDocumentSigner(join(dir, 'service', 'local-signer.pem')).certificate();
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => (body += c.toString()));
      req.on('end', () => {
        const json = JSON.parse(body) as { digest: string };
        seen.push({ ...json, authorization: req.headers.authorization });
        void cadesDetached({
          digest: Buffer.from(json.digest, 'base64'),
          certificate: service.certificate,
          signRsaSha256: async (attrs) => rsaSign('sha256', attrs, service.key),
        }).then((cms) => {
          res.setHeader('content-type', 'application/json');
          res.end(JSON.stringify({ cms: cms.toString('base64'), certificate: service.certificate.toString('base64') }));
        });
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/sign`;
  });
  afterAll(() => new Promise<void>((ok) => server.close(() => ok())));

  it('sends the byte range digest with the bearer token and embeds the CMS it answers, which verifies against its certificate', async () => {
    const signed = await new HttpDocumentSigner(url, 'secret-token').sign(request);
    const sig = pdfSignature(signed.pdf);
    expect(seen[0]).toMatchObject({
      digestAlgorithm: 'SHA-256',
      subFilter: 'ETSI.CAdES.detached',
      signerId: 'chairman',
      authorization: 'Bearer secret-token',
    });
    expect(seen[0].digest).toBe(createHash('sha256').update(sig.signedContent).digest('base64'));
    const service = await new LocalDocumentSigner(join(dir, 'service', 'local-signer.pem')).certificate();
    expect(opensslVerify(sig.cms, sig.signedContent, pem(service.certificate)).ok).toBe(true);
    expect(signed.signature.certificate.sha256).toBe(service.sha256);
  });

  it('a service that fails or is unreachable is SignerUnavailableError (503), never a signed-looking PDF', async () => {
    await expect(
      new HttpDocumentSigner('http://127.0.0.1:9/sign', undefined, 2_000).sign(request),
    ).rejects.toBeInstanceOf(SignerUnavailableError);
  });
});

describe('TDKT_SIGNER', () => {
  it('local by default, none, http with its URL; a bad setting names the variable', () => {
    expect(documentSignerFromEnv({ TDKT_SIGNING_DIR: dir })).toBeInstanceOf(LocalDocumentSigner);
    expect((documentSignerFromEnv({ TDKT_SIGNING_DIR: dir }) as LocalDocumentSigner).file).toBe(
      join(dir, 'local-signer.pem'),
    );
    expect(documentSignerFromEnv({ TDKT_SIGNER: 'none' })).toBeInstanceOf(NoDocumentSigner);
    expect(
      documentSignerFromEnv({ TDKT_SIGNER: 'http', TDKT_SIGNER_URL: 'https://ky-so.example.gov.vn/sign' }),
    ).toBeInstanceOf(HttpDocumentSigner);
    expect(() => documentSignerFromEnv({ TDKT_SIGNER: 'http' })).toThrow(/TDKT_SIGNER_URL/);
    expect(() => documentSignerFromEnv({ TDKT_SIGNER: 'token' })).toThrow(/TDKT_SIGNER must be local, http or none/);
  });
});
