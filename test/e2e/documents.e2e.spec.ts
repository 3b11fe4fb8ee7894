/**
 * Official documents on the real system: the chairman's Quyết định khen thưởng of an awarded dossier, rendered from its
 * events by headless Chromium in the NĐ 30/2020 layout; its text read back with pdftotext, its page 1 rasterised with
 * pdftoppm; issuing records the SHA-256 in a DocumentIssued event, once; a re-render gives the same text.
 */
import { mkdirSync } from 'node:fs';
import { Anchors, ChainVerifier, EventStore } from '@tdkt/persistence';
import { driveDossier, http, seedCast, startSystem, tokensFor, type Cast, type TestSystem } from '../support/system';
import { pageOne, pdfFonts, pdfPages, pdfText } from '../support/pdf';

let sys: TestSystem;
let cast: Cast;
let tokens: Record<string, string>;
let dossierId: string;
let undecided: string;
let sessionId: string;
const batch: string[] = [];

async function fetchPdf(path: string, who: string): Promise<{ status: number; type: string; pdf: Buffer; headers: Headers }> {
  const res = await fetch(`${sys.baseUrl}${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } });
  return { status: res.status, type: res.headers.get('content-type') ?? '', pdf: Buffer.from(await res.arrayBuffer()), headers: res.headers };
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
  const convened = await http<{ id: string }>(sys, 'POST', '/council-sessions', { token: tokens.secretariat, body: { title: 'Phiên họp xét khen thưởng', deadline: `${new Date().getUTCFullYear() + 1}-12-31`, dossierIds: batch } });
  expect(convened.status).toBe(201);
  sessionId = convened.body.id;
  for (const who of ['member1', 'member2', 'member3'] as const)
    expect((await post(`/council-sessions/${sessionId}/attendance`, 'secretariat', { memberId: cast.users[who].id, attendance: 'PRESENT' })).status).toBe(200);
  for (const who of ['member1', 'member2', 'member3']) for (const id of batch) expect((await post(`/council-sessions/${sessionId}/votes`, who, { dossierId: id, approve: true })).status).toBe(200);
  expect((await post(`/council-sessions/${sessionId}/close`, 'member3', {})).status).toBe(200);
}, 180_000);
afterAll(async () => sys?.stop());

describe("the chairman's Quyết định khen thưởng of a dossier", () => {
  let first: Buffer;
  let decision: { number: string; signedOn: string; legalBasis: string[] };

  beforeAll(async () => {
    const history = (await http<{ type: string; data: { decision?: typeof decision } }[]>(sys, 'GET', `/dossiers/${dossierId}/history`, { token: tokens.auditor })).body;
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
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'ỦY BAN NHÂN DÂN',
      `Số: ${decision.number}`, `ngày ${String(d).padStart(2, '0')} tháng ${m <= 2 ? String(m).padStart(2, '0') : m} năm ${y}`,
      'QUYẾT ĐỊNH', 'Về việc tặng Bằng khen của Chủ tịch UBND tỉnh', 'Điều 1.', 'Điều 2.', 'Điều 3.', 'Nơi nhận:',
      'Nguyễn Thị Lan', 'Giáo viên', 'CHỦ TỊCH', `chairman ${cast.users.chairman.id.slice('chairman-'.length)}`,
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
    expect((await http(sys, 'POST', `/dossiers/${dossierId}/documents/decision/issue`, { token: tokens.secretariat })).status).toBe(403);
    const issued = await http<{ number: string; sha256: string; templateVersion: string; kind: string }>(sys, 'POST', `/dossiers/${dossierId}/documents/decision/issue`, { token: tokens.chairman });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ kind: 'DECISION', number: decision.number, templateVersion: 'qd-khen-thuong@1' });
    expect(issued.body.sha256).toMatch(/^[0-9a-f]{64}$/);
    const again = await http<{ rule: string }>(sys, 'POST', `/dossiers/${dossierId}/documents/decision/issue`, { token: tokens.chairman });
    expect(again.status).toBe(409);
    expect(again.body.rule).toBe('document.issue-once');

    const rerender = await fetchPdf(`/dossiers/${dossierId}/documents/decision.pdf`, 'auditor');
    expect(rerender.headers.get('x-document-issued-sha256')).toBe(issued.body.sha256);
    expect(pdfText(rerender.pdf)).toBe(pdfText(first));

    // The streams this test wrote verify: the dossier's and the document's own (the whole table is not this file's to
    // vouch for — test/e2e/audit tampers with the run's shared database on purpose).
    const verify = await http<{ ok: boolean }>(sys, 'GET', `/dossiers/${dossierId}/verify`, { token: tokens.auditor });
    expect(verify.body.ok).toBe(true);
    const [doc] = (await sys.db.query(`SELECT dossier_id::text AS id FROM dossier_event WHERE type = 'DocumentIssued' AND data->>'sha256' = $1`, [issued.body.sha256])) as { id: string }[];
    expect(doc).toBeDefined();
    const report = await new ChainVerifier(new EventStore(sys.db), new Anchors(sys.db)).verifyDossier(doc.id);
    expect(report).toMatchObject({ ok: true, events: 1 });
  });
});

describe("a council session's one Quyết định for its passed dossiers", () => {
  it('is refused before the chairman decides (409); then lists every awardee in the danh sách kèm theo, on a page of its own', async () => {
    expect((await fetchPdf(`/council-sessions/${sessionId}/documents/decision.pdf`, 'auditor')).status).toBe(409);
    const decided = await http<{ number: string; dossierIds: string[] }>(sys, 'POST', `/council-sessions/${sessionId}/decision`, { token: tokens.chairman, body: { legalBasis: ['Luật Thi đua, khen thưởng số 06/2022/QH15', 'Nghị định 152/2025/NĐ-CP'] } });
    expect(decided.status).toBe(201);
    const res = await fetchPdf(`/council-sessions/${sessionId}/documents/decision.pdf`, 'member1');
    expect(res.status).toBe(200);
    const text = pdfText(res.pdf);
    for (const expected of [`Số: ${decided.body.number}`, 'Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15;', 'Căn cứ Nghị định 152/2025/NĐ-CP;', 'cho 2 cá nhân, tập thể có tên trong danh sách kèm theo', 'DANH SÁCH', `(Kèm theo Quyết định số ${decided.body.number}`])
      expect(text).toContain(expected);
    expect(text.split('Nguyễn Thị Lan').length - 1).toBe(2);
    expect(pdfPages(res.pdf)).toBeGreaterThanOrEqual(2);
    const issued = await http<{ kind: string; number: string }>(sys, 'POST', `/council-sessions/${sessionId}/documents/decision/issue`, { token: tokens.chairman });
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ kind: 'SESSION_DECISION', number: decided.body.number });
  }, 60_000);
});
