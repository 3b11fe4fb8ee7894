/**
 * Official documents on the real system: the chairman's Quyết định khen thưởng of an awarded dossier and of a session's
 * batch, the Tờ trình to the centre, the Bằng khen print layout, the council's Biên bản họp (open and secret ballots)
 * and the list of awardees for publication, rendered from the events by headless Chromium in the NĐ 30/2020 layout;
 * their text read back with pdftotext, page 1 rasterised with pdftoppm and its regions checked; issuing signs the PDF
 * (PAdES, the embedded default's test certificate, verified with OpenSSL) and records its SHA-256 in a DocumentIssued
 * event, once; the issued file is served as issued, and a re-render from the events gives the same text.
 */
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { Anchors, ChainVerifier, EventStore } from '@tdkt/persistence';
import {
  aBkThuTuongDossier,
  aCstdTinhDossier,
  driveDossier,
  http,
  seedCast,
  startSystem,
  tokensFor,
  type Cast,
  type TestSystem,
} from '../support/system';
import { opensslVerify, pageOne, pdfFonts, pdfPages, pdfSignature, pdfText } from '../support/pdf';

let sys: TestSystem;
let cast: Cast;
let tokens: Record<string, string>;
let dossierId: string;
let undecided: string;
let sessionId: string;
const batch: string[] = [];

async function fetchPdf(
  path: string,
  who: string,
): Promise<{ status: number; type: string; pdf: Buffer; headers: Headers }> {
  const res = await fetch(`${sys.baseUrl}${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
  return {
    status: res.status,
    type: res.headers.get('content-type') ?? '',
    pdf: Buffer.from(await res.arrayBuffer()),
    headers: res.headers,
  };
}

/** The signer's certificate the CMS carries (PEM), by OpenSSL. */
function signerCertificate(cms: Buffer): string {
  const out = execFileSync('openssl', ['pkcs7', '-inform', 'DER', '-print_certs'], { input: cms, encoding: 'utf8' });
  const pem = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/.exec(out)?.[0];
  if (!pem) throw new Error('no certificate in the CMS');
  return `${pem}\n`;
}

beforeAll(async () => {
  sys = await startSystem();
  cast = await seedCast(sys);
  tokens = await tokensFor(sys, cast);
  dossierId = await driveDossier(sys, tokens);
  undecided = await driveDossier(sys, tokens, 3);
  // A council session passing two dossiers, decided in one Quyết định with its danh sách kèm theo.
  batch.push(await driveDossier(sys, tokens, 2), await driveDossier(sys, tokens, 2));
  const post = (path: string, who: string, body: unknown) => http(sys, 'POST', path, { token: tokens[who], body });
  const convened = await http<{ id: string }>(sys, 'POST', '/council-sessions', {
    token: tokens.secretariat,
    body: {
      title: 'Phiên họp xét khen thưởng',
      deadline: `${new Date().getUTCFullYear() + 1}-12-31`,
      dossierIds: batch,
    },
  });
  expect(convened.status).toBe(201);
  sessionId = convened.body.id;
  for (const who of ['member1', 'member2', 'member3'] as const)
    expect(
      (
        await post(`/council-sessions/${sessionId}/attendance`, 'secretariat', {
          memberId: cast.users[who].id,
          attendance: 'PRESENT',
        })
      ).status,
    ).toBe(200);
  for (const who of ['member1', 'member2', 'member3'])
    for (const id of batch)
      expect((await post(`/council-sessions/${sessionId}/votes`, who, { dossierId: id, approve: true })).status).toBe(
        200,
      );
  expect((await post(`/council-sessions/${sessionId}/close`, 'member3', {})).status).toBe(200);
}, 180_000);
afterAll(async () => sys?.stop());

describe("the chairman's Quyết định khen thưởng of a dossier", () => {
  let first: Buffer;
  let decision: { number: string; signedOn: string; legalBasis: string[] };

  beforeAll(async () => {
    const history = (
      await http<{ type: string; data: { decision?: typeof decision } }[]>(
        sys,
        'GET',
        `/dossiers/${dossierId}/history`,
        { token: tokens.auditor },
      )
    ).body;
    decision = history.find((e) => e.type === 'DossierAwarded')?.data.decision as typeof decision;
    expect(decision.number).toMatch(/^\d+\/QĐ-UBND$/);
  });

  it('is a PDF whose text has the state format: quốc hiệu, tiêu ngữ, number, place and date, basis, articles, nominee, signer', async () => {
    const res = await fetchPdf(`/dossiers/${dossierId}/documents/decision.pdf`, 'clerk');
    expect(res.status).toBe(200);
    expect(res.type).toBe('application/pdf');
    expect(res.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    first = res.pdf;
    const text = pdfText(first);
    const [y, m, d] = decision.signedOn.split('-').map(Number);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'ỦY BAN NHÂN DÂN',
      `Số: ${decision.number}`,
      `ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? String(m).padStart(2, '0') : m} năm ${y}`,
      'QUYẾT ĐỊNH',
      'Về việc tặng Bằng khen của Chủ tịch UBND tỉnh',
      'Điều 1.',
      'Điều 2.',
      'Điều 3.',
      'Nơi nhận:',
      'Nguyễn Thị Lan',
      'Giáo viên',
      'CHỦ TỊCH',
      `chairman ${cast.users.chairman.id.slice('chairman-'.length)}`,
      ...decision.legalBasis.map((b) => `Căn cứ ${b.replace(/\s+/g, ' ').replace(/[.;,\s]+$/, '')}`),
    ])
      expect(text).toContain(expected);
    expect(decision.legalBasis.length).toBeGreaterThan(0);
  });

  it('is set in Liberation Serif (Times New Roman metrics) with every Vietnamese letter, no fallback font', () => {
    const fonts = pdfFonts(first);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f).toMatch(/LiberationSerif/);
  });

  it('puts the issuing body top left, the quốc hiệu top right, the signature bottom right, and keeps the margins white', () => {
    mkdirSync('test-results/documents', { recursive: true });
    const p = pageOne(first, 50, 'test-results/documents/decision-page1.png');
    expect(p.width).toBeGreaterThan(400); // A4 at 50 dpi: 413 × 585
    expect(p.height / p.width).toBeCloseTo(297 / 210, 1);
    expect(p.ink(0.15, 0.03, 0.45, 0.12)).toBeGreaterThan(0.01); // issuing body, số/ký hiệu
    expect(p.ink(0.5, 0.03, 0.93, 0.12)).toBeGreaterThan(0.01); // quốc hiệu, tiêu ngữ, date
    expect(p.ink(0, 0, 0.12, 1)).toBe(0); // left margin 30 mm (25 mm checked)
    expect(p.ink(0.95, 0, 1, 1)).toBe(0); // right margin 15 mm (10 mm checked)
    expect(p.ink(0, 0, 1, 0.05)).toBe(0); // top margin 20 mm (14 mm checked)
    // The signature block: signer's title and name in the right half, below the articles, with the signing space between.
    const rows = Array.from({ length: 40 }, (_, i) => p.ink(0.6, 0.5 + i * 0.0125, 0.9, 0.5 + (i + 1) * 0.0125));
    expect(rows.filter((r) => r > 0).length).toBeGreaterThanOrEqual(2);
    expect(rows.some((r) => r === 0)).toBe(true);
  });

  it('refuses before the decision (409), outside the reader scope (403), a bad id (400)', async () => {
    expect((await fetchPdf(`/dossiers/${undecided}/documents/decision.pdf`, 'chairman')).status).toBe(409);
    expect((await fetchPdf(`/dossiers/${dossierId}/documents/decision.pdf`, 'otherClerk')).status).toBe(403);
    expect((await fetchPdf(`/dossiers/not-a-uuid/documents/decision.pdf`, 'chairman')).status).toBe(400);
  });

  it('is issued once by the chairman: DocumentIssued with the SHA-256 of the render; a re-render has the same text', async () => {
    expect(
      (await http(sys, 'POST', `/dossiers/${dossierId}/documents/decision/issue`, { token: tokens.secretariat }))
        .status,
    ).toBe(403);
    const issued = await http<{
      number: string;
      sha256: string;
      templateVersion: string;
      kind: string;
      signature?: { subFilter: string; certificate: { sha256: string } };
    }>(sys, 'POST', `/dossiers/${dossierId}/documents/decision/issue`, { token: tokens.chairman });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({
      kind: 'DECISION',
      number: decision.number,
      templateVersion: 'qd-khen-thuong@1',
    });
    expect(issued.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await http<{ rule: string }>(sys, 'POST', `/dossiers/${dossierId}/documents/decision/issue`, {
      token: tokens.chairman,
    });
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('document.issue-once');

    // Served afterwards as issued, byte for byte; a fresh render from the events has the same text.
    const asIssued = await fetchPdf(`/dossiers/${dossierId}/documents/decision.pdf`, 'auditor');
    expect(asIssued.headers.get('x-document-issued-sha256')).toBe(issued.body.sha256);
    expect(createHash('sha256').update(asIssued.pdf).digest('hex')).toBe(issued.body.sha256);
    expect(asIssued.headers.get('x-document-as-issued')).toBe('true');
    const rerender = await fetchPdf(`/dossiers/${dossierId}/documents/decision.pdf?fresh=true`, 'auditor');
    expect(rerender.headers.get('x-document-as-issued')).toBe('false');
    expect(rerender.headers.get('x-document-sha256')).not.toBe(issued.body.sha256);
    expect(pdfText(rerender.pdf)).toBe(pdfText(first));
    expect(pdfText(asIssued.pdf)).toBe(pdfText(first));
    expect((await fetchPdf(`/dossiers/${dossierId}/documents/decision.pdf?fresh=maybe`, 'auditor')).status).toBe(400);

    // Signed (chữ ký số, PAdES): the byte range covers the file but the signature, and OpenSSL verifies the CMS
    // against the certificate the event names (the embedded default's test certificate).
    expect(issued.body.signature).toMatchObject({ subFilter: 'ETSI.CAdES.detached', signer: 'local-test' });
    const sig = pdfSignature(asIssued.pdf);
    expect(sig.subFilter).toBe('ETSI.CAdES.detached');
    expect(sig.byteRange[0]).toBe(0);
    expect(sig.byteRange[2] + sig.byteRange[3]).toBe(asIssued.pdf.length);
    const certPem = signerCertificate(sig.cms);
    expect(createHash('sha256').update(new X509Certificate(certPem).raw).digest('hex')).toBe(
      issued.body.signature?.certificate.sha256,
    );
    expect(opensslVerify(sig.cms, sig.signedContent, certPem)).toMatchObject({ ok: true });
    const tampered = Buffer.from(sig.signedContent);
    tampered[tampered.length - 10] ^= 0x01;
    expect(opensslVerify(sig.cms, tampered, certPem).ok).toBe(false);

    // The streams this test wrote verify: the dossier's and the document's own (the whole table is not this file's to
    // vouch for — test/e2e/audit tampers with the run's shared database on purpose).
    const verify = await http<{ ok: boolean }>(sys, 'GET', `/dossiers/${dossierId}/verify`, { token: tokens.auditor });
    expect(verify.body.ok).toBe(true);
    const [doc] = (await sys.db.query(
      `SELECT stream_id::text AS id FROM dossier_event WHERE type = 'DocumentIssued' AND data->>'sha256' = $1`,
      [issued.body.sha256],
    )) as { id: string }[];
    expect(doc).toBeDefined();
    const report = await new ChainVerifier(new EventStore(sys.db), new Anchors(sys.db)).verifyDossier(doc.id);
    expect(report).toMatchObject({ ok: true, events: 1 });
  });
});

describe("a council session's one Quyết định for its passed dossiers", () => {
  it('is refused before the chairman decides (409); then lists every awardee in the danh sách kèm theo, on a page of its own', async () => {
    expect((await fetchPdf(`/council-sessions/${sessionId}/documents/decision.pdf`, 'auditor')).status).toBe(409);
    const decided = await http<{ number: string; dossierIds: string[] }>(
      sys,
      'POST',
      `/council-sessions/${sessionId}/decision`,
      {
        token: tokens.chairman,
        body: { legalBasis: ['Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 152/2025/NĐ-CP'] },
      },
    );
    expect(decided.status).toBe(201);
    const res = await fetchPdf(`/council-sessions/${sessionId}/documents/decision.pdf`, 'member1');
    expect(res.status).toBe(200);
    const text = pdfText(res.pdf);
    for (const expected of [
      `Số: ${decided.body.number}`,
      'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;',
      'Căn cứ Nghị định 152/2025/NĐ-CP;',
      'cho 2 cá nhân, tập thể có tên trong danh sách kèm theo',
      'DANH SÁCH',
      `(Kèm theo Quyết định số ${decided.body.number}`,
    ])
      expect(text).toContain(expected);
    expect(text.split('Nguyễn Thị Lan').length - 1).toBe(2);
    expect(pdfPages(res.pdf)).toBeGreaterThanOrEqual(2);
    const issued = await http<{ kind: string; number: string }>(
      sys,
      'POST',
      `/council-sessions/${sessionId}/documents/decision/issue`,
      { token: tokens.chairman },
    );
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ kind: 'SESSION_DECISION', number: decided.body.number });
  }, 60_000);
});

describe('the council session documents: Biên bản họp and the list of awardees for publication', () => {
  it('writes the minutes from the events: attendance, agenda, each open vote and the tally, in the NĐ 30/2020 layout', async () => {
    const res = await fetchPdf(`/council-sessions/${sessionId}/documents/minutes.pdf`, 'member2');
    expect(res.status).toBe(200);
    const text = pdfText(res.pdf);
    const names = (['member1', 'member2', 'member3'] as const).map(
      (who) => `${who} ${cast.users[who].id.split('-').pop()}`,
    );
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'ỦY BAN NHÂN DÂN TỈNH',
      'HỘI ĐỒNG THI ĐUA',
      'KHEN THƯỞNG',
      'BIÊN BẢN',
      'Họp Hội đồng Thi đua - Khen thưởng: Phiên họp xét khen thưởng',
      'Thành phần: 3 thành viên Hội đồng, 3 thành viên có mặt',
      ...names.map((n) => `${n}: có mặt`),
      'biểu quyết công khai',
      `${names[0]} đồng ý`,
      'Số ý kiến đồng ý: 3; không đồng ý: 0',
      'ĐẠT — đề nghị khen thưởng',
      'THƯ KÝ',
      'CHỦ TỌA',
      `secretariat ${cast.users.secretariat.id.split('-').pop()}`,
      'Nơi nhận:',
    ])
      expect(text).toContain(expected);
    expect(text.split('Nguyễn Thị Lan').length - 1).toBe(2); // both agenda items
    mkdirSync('test-results/documents', { recursive: true });
    const p = pageOne(res.pdf, 50, 'test-results/documents/minutes-page1.png');
    expect(p.ink(0.15, 0.03, 0.45, 0.14)).toBeGreaterThan(0.01); // the body and its council, top left
    expect(p.ink(0.5, 0.03, 0.93, 0.12)).toBeGreaterThan(0.01); // quốc hiệu, tiêu ngữ, date, top right
    expect(p.ink(0, 0, 0.12, 1)).toBe(0);

    // Issued by the secretariat (the council's secretary), not the chairman; then served as issued.
    expect(
      (await http(sys, 'POST', `/council-sessions/${sessionId}/documents/minutes/issue`, { token: tokens.chairman }))
        .status,
    ).toBe(403);
    const issued = await http<{ kind: string; sha256: string; templateVersion: string }>(
      sys,
      'POST',
      `/council-sessions/${sessionId}/documents/minutes/issue`,
      { token: tokens.secretariat },
    );
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ kind: 'MINUTES', templateVersion: 'bien-ban-hop@1' });
    const again = await fetchPdf(`/council-sessions/${sessionId}/documents/minutes.pdf`, 'auditor');
    expect(createHash('sha256').update(again.pdf).digest('hex')).toBe(issued.body.sha256);
    expect(pdfText(again.pdf)).toBe(text);
  }, 60_000);

  it("lists the decision's awardees for publication: names, positions, units and the decision, no citizen id or birth date", async () => {
    const res = await fetchPdf(`/council-sessions/${sessionId}/documents/awardees.pdf`, 'auditor');
    expect(res.status).toBe(200);
    const text = pdfText(res.pdf);
    const decision = (
      await http<{ decisionNumber: string }>(sys, 'GET', `/council-sessions/${sessionId}`, { token: tokens.auditor })
    ).body.decisionNumber;
    for (const expected of [
      'DANH SÁCH',
      `(Công khai theo Quyết định số ${decision}`,
      'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;',
      'Tổng số: 2 cá nhân, tập thể',
      'CHỦ TỊCH',
      'Hình thức khen thưởng',
    ])
      expect(text).toContain(expected);
    expect(text.split('Nguyễn Thị Lan').length - 1).toBe(2);
    for (const personal of ['001190000123', '1985', '12/04']) expect(text).not.toContain(personal);
    expect(
      (
        await http(sys, 'POST', `/council-sessions/${sessionId}/documents/awardees/issue`, {
          token: tokens.secretariat,
        })
      ).status,
    ).toBe(201);
  });

  it("a secret ballot's minutes give the ballots handed out and the totals, and never a member next to a choice", async () => {
    const year = new Date().getUTCFullYear() - 1;
    const created = await http<{ id: string }>(sys, 'POST', '/dossiers', {
      token: tokens.clerk,
      body: aCstdTinhDossier(year),
    });
    expect(created.status).toBe(201);
    for (const [who, path] of [
      ['clerk', 'submit'],
      ['head', 'unit-approval'],
    ] as const)
      expect(
        (await http(sys, 'POST', `/dossiers/${created.body.id}/${path}`, { token: tokens[who], body: {} })).status,
      ).toBe(200);
    const convened = await http<{ id: string; agenda: { ballot: string }[] }>(sys, 'POST', '/council-sessions', {
      token: tokens.secretariat,
      body: { title: 'Phiên bỏ phiếu kín', deadline: `${year + 3}-12-31`, dossierIds: [created.body.id] },
    });
    expect(convened.body.agenda[0].ballot).toBe('SECRET');
    const secretSession = convened.body.id;
    expect((await fetchPdf(`/council-sessions/${secretSession}/documents/minutes.pdf`, 'auditor')).status).toBe(409); // not closed yet
    const post = (path: string, who: string, body: unknown) => http(sys, 'POST', path, { token: tokens[who], body });
    for (const who of ['member1', 'member2', 'member3'])
      expect(
        (
          await post(`/council-sessions/${secretSession}/attendance`, 'secretariat', {
            memberId: cast.users[who as 'member1'].id,
            attendance: 'PRESENT',
          })
        ).status,
      ).toBe(200);
    // member2 votes against; the others for.
    for (const [who, approve] of [
      ['member1', true],
      ['member2', false],
      ['member3', true],
    ] as const)
      expect(
        (await post(`/council-sessions/${secretSession}/votes`, who, { dossierId: created.body.id, approve })).status,
      ).toBe(200);
    expect((await post(`/council-sessions/${secretSession}/close`, 'member3', {})).status).toBe(200);

    const res = await fetchPdf(`/council-sessions/${secretSession}/documents/minutes.pdf`, 'auditor');
    expect(res.status).toBe(200);
    const text = pdfText(res.pdf);
    for (const expected of [
      'bỏ phiếu kín',
      'Số phiếu phát ra: 3',
      'Số phiếu đồng ý: 2; số phiếu không đồng ý: 1',
      'Kết luận: KHÔNG ĐẠT',
    ])
      expect(text).toContain(expected);
    const names = (['member1', 'member2', 'member3'] as const).map(
      (who) => `${who} ${cast.users[who].id.split('-').pop()}`,
    );
    // The members are named where the minutes list attendance, and nowhere in the item: no choice can follow a name.
    for (const n of names) expect(text).toContain(`${n}: có mặt`);
    const item = text.slice(text.indexOf('Nội dung:'), text.indexOf('Phiên họp kết thúc'));
    expect(item).toContain('bỏ phiếu kín');
    for (const n of names) expect(item).not.toContain(n);
    for (const n of names)
      for (const choice of ['đồng ý', 'không đồng ý']) expect(text).not.toContain(`${n} ${choice}`);
    expect(text).not.toContain('Ý kiến biểu quyết');
  }, 90_000);
});

describe('the Tờ trình to the centre and the Bằng khen print layout', () => {
  it('lists which documents a dossier has: the decision and certificate once awarded, the tờ trình only on the state route', async () => {
    const list = await http<{ name: string; available: boolean; rule?: string; issued?: { sha256: string } }[]>(
      sys,
      'GET',
      `/dossiers/${dossierId}/documents`,
      { token: tokens.clerk },
    );
    expect(list.status).toBe(200);
    expect(list.body).toEqual([
      expect.objectContaining({
        name: 'decision',
        available: true,
        issued: expect.objectContaining({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }),
      }),
      expect.objectContaining({ name: 'proposal', available: false, rule: 'document.proposed' }),
      expect.objectContaining({ name: 'certificate', available: true }),
    ]);
    const pending = await http<{ name: string; available: boolean; rule?: string }[]>(
      sys,
      'GET',
      `/dossiers/${undecided}/documents`,
      { token: tokens.clerk },
    );
    expect(pending.body.map((d) => [d.name, d.available, d.rule])).toEqual([
      ['decision', false, 'document.decided'],
      ['proposal', false, 'document.proposed'],
      ['certificate', false, 'document.decided'],
    ]);
    const r = await fetchPdf(`/dossiers/${dossierId}/documents/proposal.pdf`, 'chairman');
    expect(r.status).toBe(409);
  });

  it('prints the Bằng khen landscape: quốc hiệu centred on top, the awardee in the middle, the decision bottom left, the signer bottom right', async () => {
    const res = await fetchPdf(`/dossiers/${dossierId}/documents/certificate.pdf`, 'clerk');
    expect(res.status).toBe(200);
    expect(pdfPages(res.pdf)).toBe(1);
    const text = pdfText(res.pdf);
    const number = (
      await http<{ decisionNumber: string }>(sys, 'GET', `/dossiers/${dossierId}`, { token: tokens.clerk })
    ).body.decisionNumber;
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN',
      'TẶNG',
      'BẰNG KHEN',
      'Nguyễn Thị Lan',
      'Giáo viên',
      'Đã có thành tích',
      `Quyết định số: ${number}`,
      'CHỦ TỊCH',
      `chairman ${cast.users.chairman.id.slice('chairman-'.length)}`,
    ])
      expect(text).toContain(expected);
    const p = pageOne(res.pdf, 50, 'test-results/documents/certificate-page1.png');
    expect(p.width).toBeGreaterThan(p.height); // landscape
    expect(p.ink(0.35, 0.05, 0.65, 0.14)).toBeGreaterThan(0.01); // quốc hiệu, centred on top
    expect(p.ink(0.06, 0.08, 0.3, 0.16)).toBe(0); // nothing top left inside the frame: the certificate is centred
    expect(p.ink(0.06, 0.75, 0.4, 0.94)).toBeGreaterThan(0.005); // the decision's number and date, bottom left
    expect(p.ink(0.55, 0.75, 0.92, 0.95)).toBeGreaterThan(0.005); // place, date, title and name of the signer, bottom right
  });

  it("prints the chairman's Tờ trình of a state-level award once he signed it: number, kính gửi, bases of the dossier's rule set, tally, signer", async () => {
    const created = await http<{ id: string }>(sys, 'POST', '/dossiers', {
      token: tokens.clerk,
      body: aBkThuTuongDossier(),
    });
    const id = created.body.id;
    for (const [who, path, body] of [
      ['clerk', 'submit', {}],
      ['head', 'unit-approval', {}],
      ['secretariat', 'appraisal-acceptance', {}],
      ['member1', 'votes', { approve: true }],
      ['member2', 'votes', { approve: true }],
      ['member3', 'votes', { approve: true }],
      ['chairman', 'proposal', { approve: true }],
    ] as const)
      expect({
        path,
        status: (await http(sys, 'POST', `/dossiers/${id}/${path}`, { token: tokens[who], body })).status,
      }).toEqual({ path, status: 200 });
    const history = (
      await http<{ type: string; data: { proposal?: { number: string; signedOn: string } } }[]>(
        sys,
        'GET',
        `/dossiers/${id}/history`,
        { token: tokens.auditor },
      )
    ).body;
    const tt = history.find((e) => e.type === 'ProposalSigned')?.data.proposal;
    expect(tt?.number).toMatch(/^\d+\/TTr-UBND$/);
    const res = await fetchPdf(`/dossiers/${id}/documents/proposal.pdf`, 'secretariat');
    expect(res.status).toBe(200);
    const text = pdfText(res.pdf);
    for (const expected of [
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'ỦY BAN NHÂN DÂN',
      `Số: ${tt?.number}`,
      'TỜ TRÌNH',
      'Về việc đề nghị tặng Bằng khen của Thủ tướng Chính phủ',
      'Kính gửi: Thủ tướng Chính phủ (qua Bộ Nội vụ).',
      'Căn cứ Luật Thi đua, khen thưởng',
      'Phạm Văn Đức, Hiệu trưởng',
      '(3/3 thành viên đồng ý, 3 thành viên có mặt)',
      'kính trình Thủ tướng Chính phủ xem xét, quyết định tặng',
      'TM. ỦY BAN NHÂN DÂN',
      'CHỦ TỊCH',
      `chairman ${cast.users.chairman.id.slice('chairman-'.length)}`,
      'Nơi nhận:',
    ])
      expect(text).toContain(expected);
    const p = pageOne(res.pdf, 50, 'test-results/documents/proposal-page1.png');
    expect(p.ink(0.15, 0.03, 0.45, 0.12)).toBeGreaterThan(0.01); // issuing body, số/ký hiệu
    expect(p.ink(0.5, 0.03, 0.93, 0.12)).toBeGreaterThan(0.01); // quốc hiệu
    expect(
      (await http(sys, 'POST', `/dossiers/${id}/documents/proposal/issue`, { token: tokens.chairman })).status,
    ).toBe(201);
  }, 90_000);
});
