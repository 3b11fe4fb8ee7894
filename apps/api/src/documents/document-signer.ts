/**
 * Chữ ký số (digital signature) of an issued document: a PAdES signature (ETSI EN 319 142) over the PDF by the
 * signer's certificate (in Vietnam a certificate from a licensed CA under Nghị định 130/2018/NĐ-CP, usually on a token
 * or a remote signing service). The interface a real signer implements; the embedded default does NOT sign.
 */
export interface SignatureRequest {
  /** The PDF as rendered and hashed when issued. */
  pdf: Buffer;
  /** Who signs (the directory's user id) and with which title, as the document prints them. */
  signerId: string;
  signerTitle: string;
  /** Why, as the signature's /Reason: "Quyết định 12/QĐ-UBND". */
  reason: string;
}

export interface SignedDocument {
  /** The PDF with the signature embedded (a PAdES-B-B signature dictionary and its CMS container). */
  pdf: Buffer;
  /** SHA-256 (hex) of the signed bytes. */
  sha256: string;
  /** The signing certificate's subject and serial number. */
  certificate: { subject: string; serialNumber: string };
}

export interface DocumentSigner {
  /** Whether this signer produces a real signature; the embedded default does not. */
  readonly available: boolean;
  sign(request: SignatureRequest): Promise<SignedDocument>;
}

export class SignatureNotImplementedError extends Error {
  constructor() {
    super('Digital signatures (chữ ký số, PAdES) are not implemented yet: no signer is configured, documents are issued unsigned');
    this.name = 'SignatureNotImplementedError';
  }
}

/** The embedded default: no signature at all (never a fake one). Issued documents carry their SHA-256 in the event table. */
export class NoDocumentSigner implements DocumentSigner {
  readonly available = false;
  sign(): Promise<SignedDocument> {
    return Promise.reject(new SignatureNotImplementedError());
  }
}
