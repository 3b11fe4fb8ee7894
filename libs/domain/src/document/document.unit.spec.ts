import type { Actor } from '../shared/actor';
import { decideIssueDocument, vietnameseDate, type IssuedDocument } from './document';

const chairman: Actor = { userId: 'chairman', role: 'PROVINCIAL_DECIDER', unitCode: 'UBND' };
const doc: IssuedDocument = {
  kind: 'DECISION',
  subjectId: 'd1',
  number: '12/QĐ-UBND',
  sha256: 'a'.repeat(64),
  templateVersion: 'qd-khen-thuong@1',
  sourceSeq: 9,
};

describe('issuing an official document', () => {
  it('records DocumentIssued once, by the chairman for a decision', () => {
    expect(decideIssueDocument(undefined, doc, chairman)).toEqual({
      ok: true,
      value: [{ type: 'DocumentIssued', data: doc }],
    });
  });
  it('refuses a second issue of the same document (409) and another role (403)', () => {
    expect(decideIssueDocument(doc, doc, chairman)).toMatchObject({
      ok: false,
      rejection: { code: 'WRONG_STATE', rule: 'document.issue-once' },
    });
    expect(decideIssueDocument(undefined, doc, { userId: 's', role: 'SECRETARIAT_OFFICER' })).toMatchObject({
      ok: false,
      rejection: { code: 'FORBIDDEN' },
    });
  });
});

describe('who issues which document', () => {
  const secretariat: Actor = { userId: 's', role: 'SECRETARIAT_OFFICER' };
  it('the chairman his tờ trình and certificates; the secretariat the minutes and the published list, not the other way round', () => {
    for (const kind of ['PROPOSAL', 'CERTIFICATE'] as const) {
      expect(decideIssueDocument(undefined, { ...doc, kind }, chairman).ok).toBe(true);
      expect(decideIssueDocument(undefined, { ...doc, kind }, secretariat)).toMatchObject({
        ok: false,
        rejection: { code: 'FORBIDDEN', rule: 'document.issuer' },
      });
    }
    for (const kind of ['MINUTES', 'AWARDEE_LIST'] as const) {
      expect(decideIssueDocument(undefined, { ...doc, kind }, secretariat).ok).toBe(true);
      expect(decideIssueDocument(undefined, { ...doc, kind }, chairman)).toMatchObject({
        ok: false,
        rejection: { code: 'FORBIDDEN' },
      });
    }
  });
  it("keeps a signed document's signature with it, and refuses a certificate hash that is not SHA-256", () => {
    const signature = {
      subFilter: 'ETSI.CAdES.detached',
      certificate: { subject: 'CN=x', serialNumber: '01', sha256: 'b'.repeat(64) },
      signer: 'local-test',
    };
    expect(decideIssueDocument(undefined, { ...doc, signature }, chairman)).toEqual({
      ok: true,
      value: [{ type: 'DocumentIssued', data: { ...doc, signature } }],
    });
    expect(
      decideIssueDocument(
        undefined,
        { ...doc, signature: { ...signature, certificate: { ...signature.certificate, sha256: 'nope' } } },
        chairman,
      ),
    ).toMatchObject({ ok: false, rejection: { rule: 'document.hash' } });
  });
});

describe('the date line (NĐ 30/2020: zero before days below 10 and months 1–2)', () => {
  it.each([
    ['2026-03-05', 'ngày 05 tháng 3 năm 2026'],
    ['2026-02-14', 'ngày 14 tháng 02 năm 2026'],
    ['2025-12-31', 'ngày 31 tháng 12 năm 2025'],
  ])('%s → %s', (iso, text) => expect(vietnameseDate(iso)).toBe(text));
});
