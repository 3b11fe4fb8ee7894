/**
 * PAdES baseline (ETSI EN 319 142-1, B-B level) over a rendered PDF: a signature dictionary with /SubFilter
 * /ETSI.CAdES.detached and a /ByteRange covering the whole file but the /Contents hole (@signpdf/placeholder-pdf-lib,
 * @signpdf/signpdf), and in the hole a detached CMS SignedData (RFC 5652) whose signed attributes are the CAdES ones:
 * content-type, message-digest of the byte ranges, signing-certificate-v2 (RFC 5035; the signing time is the
 * dictionary's /M, as PAdES wants, not a CMS attribute). Built with @peculiar/asn1-* and signed by a callback, so the
 * key can live in this process (the embedded default) or behind the province's signing service.
 */
import { createHash } from 'node:crypto';
import { AsnArray, AsnConvert, AsnType, AsnTypeTypes, OctetString } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  CMSVersion,
  ContentInfo,
  DigestAlgorithmIdentifier,
  DigestAlgorithmIdentifiers,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignatureAlgorithmIdentifier,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
  id_data,
  id_signedData,
} from '@peculiar/asn1-cms';
import { PDFDocument } from 'pdf-lib';
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import signpdf from '@signpdf/signpdf';
import { Signer, SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';

export const PADES_SUBFILTER = SUBFILTER_ETSI_CADES_DETACHED;
/** Room for the CMS in /Contents, in hex digits (16 KB): one signature and a chain of a few certificates. */
export const SIGNATURE_HEX_LENGTH = 32_768;

const OID = {
  sha256: '2.16.840.1.101.3.4.2.1',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSA: '1.2.840.113549.1.1.11',
  contentType: '1.2.840.113549.1.9.3',
  messageDigest: '1.2.840.113549.1.9.4',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
};

/** SignedAttributes as the signer signs them: an explicit SET OF (RFC 5652 §5.4), not the [0] IMPLICIT of SignerInfo. */
@AsnType({ type: AsnTypeTypes.Set, itemType: Attribute })
class AttributeSet extends AsnArray<Attribute> {}

/** DER of the OBJECT IDENTIFIER id-data (1.2.840.113549.1.7.1): the content-type attribute's value. */
const ID_DATA_DER = Buffer.from('06092a864886f70d010701', 'hex');

const der = (value: unknown): Buffer => Buffer.from(AsnConvert.serialize(value));
const attribute = (attrType: string, valueDer: Buffer): Attribute =>
  new Attribute({ attrType, attrValues: [new Uint8Array(valueDer).buffer] });
const sha256 = (b: Uint8Array): Buffer => createHash('sha256').update(b).digest();

/** DER of SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2 }, one ESSCertIDv2 { certHash } (SHA-256 is its default). */
function signingCertificateV2(certDer: Buffer): Buffer {
  const tlv = (tag: number, body: Buffer) => Buffer.concat([Buffer.from([tag, body.length]), body]);
  return tlv(0x30, tlv(0x30, tlv(0x30, tlv(0x04, sha256(certDer)))));
}

export interface CmsRequest {
  /** SHA-256 of the PDF's byte ranges. */
  digest: Buffer;
  /** The signing certificate (DER) and the chain above it, if any. */
  certificate: Buffer;
  chain?: Buffer[];
  /** RSASSA-PKCS1-v1_5 with SHA-256 over the DER of the signed attributes. */
  signRsaSha256(signedAttributes: Buffer): Promise<Buffer>;
}

/** A detached CMS SignedData with the CAdES signed attributes over a digest (DER of the ContentInfo). */
export async function cadesDetached(req: CmsRequest): Promise<Buffer> {
  const cert = AsnConvert.parse(req.certificate, Certificate);
  const attrs = [
    attribute(OID.contentType, ID_DATA_DER),
    attribute(OID.messageDigest, der(new OctetString(req.digest))),
    attribute(OID.signingCertificateV2, signingCertificateV2(req.certificate)),
  ];
  // DER sorts a SET OF by the encodings of its elements.
  attrs.sort((a, b) => Buffer.compare(der(a), der(b)));
  const signature = await req.signRsaSha256(der(new AttributeSet(attrs)));
  const sha256Alg = new DigestAlgorithmIdentifier({ algorithm: OID.sha256 });
  const signedData = new SignedData({
    version: CMSVersion.v1,
    digestAlgorithms: new DigestAlgorithmIdentifiers([sha256Alg]),
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: id_data }),
    certificates: new CertificateSet(
      [req.certificate, ...(req.chain ?? [])].map(
        (c) => new CertificateChoices({ certificate: AsnConvert.parse(c, Certificate) }),
      ),
    ),
    signerInfos: new SignerInfos([
      new SignerInfo({
        version: CMSVersion.v1,
        sid: new SignerIdentifier({
          issuerAndSerialNumber: new IssuerAndSerialNumber({
            issuer: cert.tbsCertificate.issuer,
            serialNumber: cert.tbsCertificate.serialNumber,
          }),
        }),
        digestAlgorithm: sha256Alg,
        signedAttrs: attrs,
        signatureAlgorithm: new SignatureAlgorithmIdentifier({ algorithm: OID.sha256WithRSA, parameters: null }),
        signature: new OctetString(signature),
      }),
    ]),
  });
  return der(new ContentInfo({ contentType: id_signedData, content: AsnConvert.serialize(signedData) }));
}

export interface PadesRequest {
  pdf: Buffer;
  reason: string;
  name: string;
  location: string;
  /** The CMS over the byte ranges' SHA-256 (local key or the province's service). */
  cms(digest: Buffer): Promise<Buffer>;
}

/** @signpdf's Signer: hands the byte ranges' digest to our CMS producer. */
class DigestSigner extends Signer {
  constructor(private readonly produce: (digest: Buffer) => Promise<Buffer>) {
    super();
  }
  override sign(content: Buffer): Promise<Buffer> {
    return this.produce(sha256(content));
  }
}

/** The PDF with an invisible PAdES signature on page 1 (reason, name, location and /M in the signature dictionary). */
export async function padesSign(req: PadesRequest): Promise<Buffer> {
  const doc = await PDFDocument.load(req.pdf, { updateMetadata: false });
  pdflibAddPlaceholder({
    pdfDoc: doc,
    reason: req.reason,
    contactInfo: '',
    name: req.name,
    location: req.location,
    signatureLength: SIGNATURE_HEX_LENGTH,
    subFilter: PADES_SUBFILTER,
    appName: 'tdkt',
  });
  const withPlaceholder = Buffer.from(await doc.save({ useObjectStreams: false, updateFieldAppearances: false }));
  return signpdf.sign(withPlaceholder, new DigestSigner((d) => req.cms(d)));
}
