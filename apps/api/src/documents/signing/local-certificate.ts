/**
 * The embedded default's signing key and self-made test certificate: made on first use and kept in one PEM file
 * (private key + certificate) under the data directory, never in the repository. Created by hard-linking a finished
 * temporary file to its name, so two processes starting together end up with the same certificate. Production does
 * not use it: the province's signing service holds a certificate from a licensed CA (Nghị định 130/2018/NĐ-CP).
 */
import 'reflect-metadata'; // @peculiar/x509 resolves its services with tsyringe, which needs the Reflect polyfill
import { createHash, createPrivateKey, randomBytes, webcrypto, type KeyObject } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as x509 from '@peculiar/x509';

export interface LocalCertificate {
  key: KeyObject;
  /** DER of the certificate. */
  certificate: Buffer;
  subject: string;
  serialNumber: string;
  sha256: string;
}

const RSA = {
  name: 'RSASSA-PKCS1-v1_5',
  hash: 'SHA-256',
  publicExponent: new Uint8Array([1, 0, 1]),
  modulusLength: 3072,
};
const SUBJECT = 'CN=TDKT local test signer (not a legal signature), O=TDKT engine embedded default, C=VN';
const TEN_YEARS_MS = 10 * 365 * 24 * 3600_000;

async function make(): Promise<string> {
  const keys = await webcrypto.subtle.generateKey(RSA, true, ['sign', 'verify']);
  const notBefore = new Date();
  const cert = await x509.X509CertificateGenerator.createSelfSigned(
    {
      serialNumber: `01${randomBytes(15).toString('hex')}`,
      name: SUBJECT,
      notBefore,
      notAfter: new Date(notBefore.getTime() + TEN_YEARS_MS),
      signingAlgorithm: RSA,
      keys,
      extensions: [
        new x509.BasicConstraintsExtension(false, undefined, true),
        new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature | x509.KeyUsageFlags.nonRepudiation, true),
        await x509.SubjectKeyIdentifierExtension.create(keys.publicKey, false, webcrypto),
      ],
    },
    webcrypto,
  );
  const pkcs8 = Buffer.from(await webcrypto.subtle.exportKey('pkcs8', keys.privateKey)).toString('base64');
  const keyPem = `-----BEGIN PRIVATE KEY-----\n${pkcs8.replace(/(.{64})/g, '$1\n').replace(/\n$/, '')}\n-----END PRIVATE KEY-----\n`;
  return keyPem + cert.toString('pem') + '\n';
}

/** Reads the key and certificate from `file`, making them first when the file does not exist. */
export async function localCertificate(file: string): Promise<LocalCertificate> {
  let pem: string;
  try {
    pem = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT')
      throw new Error(`TDKT_SIGNING_DIR: cannot read ${file}: ${(e as Error).message}`);
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(tmp, await make(), { mode: 0o600, flag: 'wx' });
    try {
      linkSync(tmp, file);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    } finally {
      unlinkSync(tmp);
    }
    pem = readFileSync(file, 'utf8');
  }
  const certPem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(pem)?.[0];
  if (!certPem || !pem.includes('PRIVATE KEY-----'))
    throw new Error(`TDKT_SIGNING_DIR: ${file} does not hold a private key and a certificate`);
  const cert = new x509.X509Certificate(certPem);
  const der = Buffer.from(cert.rawData);
  return {
    key: createPrivateKey(pem),
    certificate: der,
    subject: cert.subject,
    serialNumber: cert.serialNumber,
    sha256: createHash('sha256').update(der).digest('hex'),
  };
}
