import type { Actor } from '../shared/actor';
import { decideIssueDocument, vietnameseDate, type IssuedDocument } from './document';

const chairman: Actor = { userId: 'chairman', role: 'PROVINCIAL_DECIDER', unitCode: 'UBND' };
const doc: IssuedDocument = { kind: 'DECISION', subjectId: 'd1', number: '12/QĐ-UBND', sha256: 'a'.repeat(64), templateVersion: 'qd-khen-thuong@1', sourceSeq: 9 };

describe('issuing an official document', () => {
  it('records DocumentIssued once, by the chairman for a decision', () => {
    expect(decideIssueDocument(undefined, doc, chairman)).toEqual({ ok: true, value: [{ type: 'DocumentIssued', data: doc }] });
  });
  it('refuses a second issue of the same document (409) and another role (403)', () => {
    expect(decideIssueDocument(doc, doc, chairman)).toMatchObject({ ok: false, rejection: { code: 'WRONG_STATE', rule: 'document.issue-once' } });
    expect(decideIssueDocument(undefined, doc, { userId: 's', role: 'SECRETARIAT_OFFICER' })).toMatchObject({ ok: false, rejection: { code: 'FORBIDDEN' } });
  });
});

describe('the date line (NĐ 30/2020: zero before days below 10 and months 1–2)', () => {
  it.each([
    ['2026-03-05', 'ngày 05 tháng 3 năm 2026'],
    ['2026-02-14', 'ngày 14 tháng 02 năm 2026'],
    ['2025-12-31', 'ngày 31 tháng 12 năm 2025'],
  ])('%s → %s', (iso, text) => expect(vietnameseDate(iso)).toBe(text));
});
