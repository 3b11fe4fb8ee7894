/**
 * Chữ ký số (digital signature) of an issued document: a PAdES signature (ETSI EN 319 142) over the PDF by the
 * signer's certificate (in Vietnam a certificate from a licensed CA under Nghị định 130/2018/NĐ-CP, usually on a token
 * or a remote signing service). Chosen by TDKT_SIGNER:
 * - `local` (the embedded default): a key and a self-made TEST certificate generated on first use under
 *   TDKT_SIGNING_DIR (default `.cache/tdkt/signing`, git-ignored); the signature verifies, but it is no legal signature.
 * - `http`: the province's signing service (README "Official documents"): the engine prepares the PDF and the byte
 *   range, POSTs their SHA-256 to TDKT_SIGNER_URL and embeds the detached CMS the service answers.
 * - `none`: documents are issued unsigned (their SHA-256 is still recorded).
 */
import { createHash, sign as rsaSign } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { DocumentSignature } from '@tdkt/domain';
import { cadesDetached, padesSign, PADES_SUBFILTER } from './signing/pades';
import { localCertificate, type LocalCertificate } from './signing/local-certificate';
import { RendererUnavailableError } from './pdf-renderer.service';

export interface SignatureRequest {
  /** The PDF as rendered. */
  pdf: Buffer;
  /** Who signs (the directory's user id) and with which title and name, as the document prints them. */
  signerId: string;
  signerTitle: string;
  signerName: string;
  /** Why, as the signature's /Reason: "Quyết định 12/QĐ-UBND". */
  reason: string;
  /** Địa danh, as the signature's /Location. */
  location: string;
}

export interface SignedDocument {
  /** The PDF with the signature embedded (a PAdES-B-B signature dictionary and its CMS container). */
  pdf: Buffer;
  /** SHA-256 (hex) of the signed bytes. */
  sha256: string;
  signature: DocumentSignature;
}

/** What a signer implements; the DI token the documents service asks for. */
export abstract class DocumentSigner {
  /** Whether this signer produces a signature at all. */
  abstract readonly available: boolean;
  abstract sign(request: SignatureRequest): Promise<SignedDocument>;
}

/** The signing service failed or answered something unusable: the API answers 503 (as for the renderer) and nothing is issued. */
export class SignerUnavailableError extends RendererUnavailableError {
  constructor(cause: string) {
    super(cause, 'The document signer');
    this.name = 'SignerUnavailableError';
  }
}

export class SignatureNotImplementedError extends Error {
  constructor() {
    super('No digital signature: TDKT_SIGNER=none, documents are issued unsigned');
    this.name = 'SignatureNotImplementedError';
  }
}

/** TDKT_SIGNER=none: no signature at all (never a fake one). Issued documents carry their SHA-256 in the event table. */
export class NoDocumentSigner extends DocumentSigner {
  readonly available = false;
  sign(): Promise<SignedDocument> {
    return Promise.reject(new SignatureNotImplementedError());
  }
}

const hex = (b: Buffer) => createHash('sha256').update(b).digest('hex');

/** The embedded default: PAdES with the local test certificate, made on first use (not at start-up). */
export class LocalDocumentSigner extends DocumentSigner {
  readonly available = true;
  private cert?: Promise<LocalCertificate>;
  constructor(readonly file: string) {
    super();
  }

  certificate(): Promise<LocalCertificate> {
    this.cert ??= localCertificate(this.file).catch((e: unknown) => {
      this.cert = undefined;
      throw new SignerUnavailableError(e instanceof Error ? e.message : String(e));
    });
    return this.cert;
  }

  async sign(r: SignatureRequest): Promise<SignedDocument> {
    const c = await this.certificate();
    const pdf = await padesSign({
      pdf: r.pdf,
      reason: r.reason,
      name: `${r.signerTitle} ${r.signerName}`.trim(),
      location: r.location,
      cms: (digest) =>
        cadesDetached({
          digest,
          certificate: c.certificate,
          signRsaSha256: async (attrs) => rsaSign('sha256', attrs, c.key),
        }),
    });
    return {
      pdf,
      sha256: hex(pdf),
      signature: {
        subFilter: PADES_SUBFILTER,
        certificate: { subject: c.subject, serialNumber: c.serialNumber, sha256: c.sha256 },
        signer: 'local-test',
      },
    };
  }
}

/**
 * The province's signing service over HTTP. Request: `POST <url>` with `authorization: Bearer <TDKT_SIGNER_TOKEN>` and
 * JSON `{ digestAlgorithm: "SHA-256", digest: <base64>, subFilter: "ETSI.CAdES.detached", signerId, signerTitle, reason }`.
 * Answer 200 JSON `{ cms: <base64 DER ContentInfo of a detached SignedData over the digest>, certificate: <base64 DER
 * of the signing certificate> }`. Anything else is SignerUnavailableError (503); nothing is issued.
 */
export class HttpDocumentSigner extends DocumentSigner {
  readonly available = true;
  constructor(
    private readonly url: string,
    private readonly token: string | undefined,
    private readonly timeoutMs = 30_000,
  ) {
    super();
  }

  async sign(r: SignatureRequest): Promise<SignedDocument> {
    let certificate: Buffer | undefined;
    const pdf = await padesSign({
      pdf: r.pdf,
      reason: r.reason,
      name: `${r.signerTitle} ${r.signerName}`.trim(),
      location: r.location,
      cms: async (digest) => {
        const answer = await this.call({
          digestAlgorithm: 'SHA-256',
          digest: digest.toString('base64'),
          subFilter: PADES_SUBFILTER,
          signerId: r.signerId,
          signerTitle: r.signerTitle,
          reason: r.reason,
        });
        certificate = answer.certificate;
        return answer.cms;
      },
    });
    if (!certificate) throw new SignerUnavailableError('the service returned no certificate');
    const { X509Certificate } = await import('node:crypto');
    const cert = new X509Certificate(certificate);
    return {
      pdf,
      sha256: hex(pdf),
      signature: {
        subFilter: PADES_SUBFILTER,
        certificate: {
          subject: cert.subject.replace(/\n/g, ', '),
          serialNumber: cert.serialNumber.toLowerCase(),
          sha256: hex(certificate),
        },
        signer: new URL(this.url).host,
      },
    };
  }

  private async call(body: Record<string, string>): Promise<{ cms: Buffer; certificate: Buffer }> {
    let res: Response;
    try {
      res = await fetch(this.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(this.timeoutMs),
      });
    } catch (e) {
      throw new SignerUnavailableError(e instanceof Error ? e.message : String(e));
    }
    if (!res.ok) throw new SignerUnavailableError(`the service answered ${res.status}`);
    const json = (await res.json().catch(() => ({}))) as { cms?: unknown; certificate?: unknown };
    if (typeof json.cms !== 'string' || typeof json.certificate !== 'string')
      throw new SignerUnavailableError('the answer lacks cms or certificate (base64)');
    return { cms: Buffer.from(json.cms, 'base64'), certificate: Buffer.from(json.certificate, 'base64') };
  }
}

/** Where the embedded default keeps its key and certificate when TDKT_SIGNING_DIR is not set: the data directory. */
export const defaultSigningDir = (env: NodeJS.ProcessEnv): string =>
  join(resolve(env.TDKT_CACHE?.trim() || join(process.cwd(), '.cache', 'tdkt')), 'signing');

/** The signer TDKT_SIGNER names; a bad setting stops the API at start-up with the variable's name. */
export function documentSignerFromEnv(env: NodeJS.ProcessEnv = process.env): DocumentSigner {
  const kind = (env.TDKT_SIGNER ?? 'local').trim();
  if (kind === 'none') return new NoDocumentSigner();
  if (kind === 'local')
    return new LocalDocumentSigner(join(env.TDKT_SIGNING_DIR?.trim() || defaultSigningDir(env), 'local-signer.pem'));
  if (kind === 'http') {
    const url = env.TDKT_SIGNER_URL?.trim() ?? '';
    if (!/^https?:\/\//.test(url))
      throw new Error(
        `TDKT_SIGNER=http needs TDKT_SIGNER_URL, an http(s) URL of the province's signing service; got "${url}"`,
      );
    return new HttpDocumentSigner(url, env.TDKT_SIGNER_TOKEN?.trim() || undefined);
  }
  throw new Error(`TDKT_SIGNER must be local, http or none; got "${kind}"`);
}
