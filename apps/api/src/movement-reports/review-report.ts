/**
 * The review report of a movement (báo cáo sơ kết / tổng kết phong trào thi đua): what the movement is, who took part
 * (the units' registrations for its years), the dossiers that name it by award and status, the awards by level and
 * form, the priority shares of those awards and the exemplary models it grew. One value, rendered as an .xlsx workbook
 * (a worksheet per part) or as a PDF through the documents' HTML renderer.
 */
import { Workbook, type Worksheet } from 'exceljs';
import { findAward, type ExemplaryModelState } from '@tdkt/domain';
import type {
  ExemplaryModelView,
  MovementDecisionRow,
  MovementDossierCount,
  MovementView,
  PriorityShareRow,
  RegistrationView,
} from '@tdkt/persistence';
import { esc, page } from '../documents/templates/html';

export const REVIEW_KINDS = ['MID_TERM', 'FINAL'] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export interface ReviewReport {
  kind: ReviewKind;
  /** ISO date the report was produced (Asia/Ho_Chi_Minh). */
  asOf: string;
  movement: MovementView;
  participants: RegistrationView[];
  dossiers: MovementDossierCount[];
  priority: PriorityShareRow[];
  models: ExemplaryModelView[];
  /** The decisions issued on the movement's awarded dossiers, by date: the ceremony follows the latest. */
  decisions: MovementDecisionRow[];
}

const KIND_VI: Record<ReviewKind, string> = { MID_TERM: 'Sơ kết', FINAL: 'Tổng kết' };
const STATUS_VI: Record<string, string> = {
  LAUNCHED: 'Đã phát động',
  IN_PROGRESS: 'Đang triển khai',
  REVIEWED: 'Đã tổng kết',
  CLOSED: 'Đã kết thúc',
};
const STAGE_VI: Record<string, string> = {
  FOUND: 'Phát hiện',
  FOSTERED: 'Bồi dưỡng',
  REPLICATED: 'Nhân rộng',
  HONOURED: 'Tôn vinh',
};
const LEVEL_VI: Record<string, string> = { GRASSROOTS: 'Cơ sở', PROVINCIAL: 'Cấp tỉnh', STATE: 'Nhà nước' };
const REG_VI: Record<string, string> = { SUBMITTED: 'Đã gửi', ACCEPTED: 'Đã chấp nhận', RETURNED: 'Bị trả lại' };
const awardName = (code: string) => findAward(code)?.nameVi ?? code;
const vnDate = (iso: string | undefined) => (iso ? `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}` : '');
const pct = (share: number) => `${(share * 100).toFixed(1)}%`;

/** The awards among the movement's dossiers, by level and form (award code). */
export function awardsByLevel(
  dossiers: readonly MovementDossierCount[],
): { level: string; awardCode: string; count: number }[] {
  const awarded = new Map<string, number>();
  for (const d of dossiers.filter((x) => x.status === 'AWARDED'))
    awarded.set(d.awardCode, (awarded.get(d.awardCode) ?? 0) + d.count);
  return [...awarded]
    .map(([awardCode, count]) => ({ level: findAward(awardCode)?.level ?? 'UNKNOWN', awardCode, count }))
    .sort((a, b) => a.level.localeCompare(b.level) || a.awardCode.localeCompare(b.awardCode));
}

const ceremonyOf = (r: ReviewReport, milestone: ReviewKind) =>
  (r.movement.state.ceremonies ?? []).find((c) => c.milestone === milestone)?.ceremonyDate;
const decisionRow = (x: MovementDecisionRow) => [x.number, vnDate(x.date), awardName(x.awardCode), x.title, x.unitCode];
const DECISION_HEADER = ['Số quyết định', 'Ngày', 'Hình thức', 'Hồ sơ', 'Đơn vị'];

/** The summary lines (label, value) both renderings start with. */
export function summaryOf(r: ReviewReport): [string, string | number][] {
  const d = r.movement.state.definition;
  const awards = awardsByLevel(r.dossiers).reduce((n, a) => n + a.count, 0);
  return [
    ['Phong trào', r.movement.name],
    ['Loại', r.movement.kind === 'REGULAR' ? 'Thường xuyên' : 'Theo đợt, chuyên đề'],
    ['Phạm vi', r.movement.scopeLevel ? `${r.movement.scopeLevel} ${r.movement.scopeCode ?? ''}` : 'Đợt thi đua'],
    ['Thời gian', `${vnDate(r.movement.periodFrom)} – ${vnDate(r.movement.periodTo)}`],
    [
      'Quyết định phát động',
      d?.launchDecision
        ? `${d.launchDecision.number} ngày ${vnDate(d.launchDecision.date)} (${d.launchDecision.signer})`
        : '',
    ],
    ['Đơn vị phối hợp', (d?.coOrganisers ?? []).join('; ')],
    ['Mục tiêu', (d?.objectives ?? []).join('; ')],
    ['Tiêu chí', (d?.criteria ?? []).join('; ')],
    ['Sơ kết', vnDate(d?.milestones.midTermReview)],
    ['Tổng kết', vnDate(d?.milestones.finalReview)],
    ['Lễ sơ kết', vnDate(ceremonyOf(r, 'MID_TERM'))],
    ['Lễ tổng kết', vnDate(ceremonyOf(r, 'FINAL'))],
    ['Số quyết định khen thưởng', r.decisions.length],
    [
      'Quyết định gần nhất',
      r.decisions.length
        ? `${r.decisions[r.decisions.length - 1].number} ngày ${vnDate(r.decisions[r.decisions.length - 1].date)}`
        : '',
    ],
    ['Trạng thái', STATUS_VI[r.movement.status] ?? r.movement.status],
    ['Số đơn vị đăng ký thi đua', new Set(r.participants.map((p) => p.unitCode)).size],
    ['Số hồ sơ đề nghị', r.dossiers.reduce((n, x) => n + x.count, 0)],
    ['Số khen thưởng', awards],
    ['Số điển hình tiên tiến', r.models.length],
  ];
}

const modelRow = (m: ExemplaryModelView) => {
  const s: ExemplaryModelState = m.state;
  return [
    m.title,
    m.subjectName,
    m.subjectKind === 'INDIVIDUAL' ? 'Cá nhân' : 'Tập thể',
    m.unitCode,
    STAGE_VI[m.stage] ?? m.stage,
    s.replications.map((x) => x.unitName).join('; '),
    s.proposals.map((p) => awardName(p.awardCode)).join('; '),
  ];
};

function sheet(wb: Workbook, name: string, header: string[], rows: (string | number)[][]): Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  const h = ws.addRow(header);
  h.font = { bold: true };
  for (const r of rows) ws.addRow(r);
  ws.columns.forEach(
    (col, i) =>
      (col.width = Math.min(60, Math.max(10, header[i].length + 2, ...rows.map((r) => String(r[i] ?? '').length + 2)))),
  );
  return ws;
}

/** The report as an .xlsx workbook: Tổng hợp, Đơn vị tham gia, Hồ sơ, Khen thưởng, Quyết định, Ưu tiên, Điển hình tiên tiến. */
export async function reviewReportXlsx(r: ReviewReport): Promise<Buffer> {
  const wb = new Workbook();
  wb.creator = 'TĐKT';
  const summary = wb.addWorksheet('Tổng hợp');
  summary.addRow([`Báo cáo ${KIND_VI[r.kind].toLowerCase()} phong trào thi đua`]).font = { bold: true, size: 14 };
  summary.addRow([`Số liệu đến ngày ${vnDate(r.asOf)}`]);
  summary.addRow([]);
  for (const [label, value] of summaryOf(r)) summary.addRow([label, value]).getCell(1).font = { bold: true };
  summary.getColumn(1).width = 28;
  summary.getColumn(2).width = 90;
  sheet(
    wb,
    'Đơn vị tham gia',
    ['Đơn vị', 'Năm', 'Trạng thái đăng ký', 'Số cá nhân, tập thể đăng ký'],
    r.participants.map((p) => [p.unitCode, p.year, REG_VI[p.status] ?? p.status, (p.state.subjects ?? []).length]),
  );
  sheet(
    wb,
    'Hồ sơ',
    ['Hình thức', 'Mã', 'Trạng thái', 'Số hồ sơ'],
    r.dossiers.map((d) => [awardName(d.awardCode), d.awardCode, d.status, d.count]),
  );
  sheet(
    wb,
    'Khen thưởng',
    ['Cấp', 'Hình thức', 'Mã', 'Số lượng'],
    awardsByLevel(r.dossiers).map((a) => [LEVEL_VI[a.level] ?? a.level, awardName(a.awardCode), a.awardCode, a.count]),
  );
  sheet(wb, 'Quyết định', DECISION_HEADER, r.decisions.map(decisionRow));
  sheet(
    wb,
    'Ưu tiên',
    [
      'Năm',
      'Cấp',
      'Số khen thưởng',
      'Trực tiếp lao động',
      'Nữ',
      'Dân tộc thiểu số',
      'Biên giới',
      'Hải đảo',
      'Đặc biệt khó khăn',
      'Tỷ lệ có thông tin',
    ],
    r.priority.map((p) => [
      p.year,
      LEVEL_VI[p.level] ?? p.level,
      p.awards,
      pct(p.shares.directWorker),
      pct(p.shares.female),
      pct(p.shares.ethnicMinority),
      pct(p.shares.area.BORDER ?? 0),
      pct(p.shares.area.ISLAND ?? 0),
      pct(p.shares.area.ESPECIALLY_DIFFICULT ?? 0),
      pct(p.shares.recorded),
    ]),
  );
  sheet(
    wb,
    'Điển hình tiên tiến',
    ['Điển hình', 'Cá nhân, tập thể', 'Loại', 'Đơn vị', 'Giai đoạn', 'Đơn vị nhân rộng', 'Đề nghị khen thưởng'],
    r.models.map(modelRow),
  );
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const table = (header: string[], rows: (string | number)[][]) =>
  `<table class="list"><tr>${header.map((h) => `<th>${esc(h)}</th>`).join('')}</tr>${rows.length ? rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('') : `<tr><td colspan="${header.length}">Không có</td></tr>`}</table>`;

/** The report as HTML for the PDF renderer (A4, the decree's page box; a working report, not an administrative document). */
export function reviewReportHtml(r: ReviewReport): string {
  const title = `Báo cáo ${KIND_VI[r.kind].toLowerCase()} phong trào thi đua`;
  const content = [
    `<div class="kind">${esc(title.toUpperCase())}</div><div class="gist">${esc(r.movement.name)}</div><p class="center">(Số liệu đến ngày ${esc(vnDate(r.asOf))})</p>`,
    table(
      ['Nội dung', ''],
      summaryOf(r).map(([l, v]) => [l, v]),
    ),
    `<p class="center"><b>Khen thưởng theo cấp và hình thức</b></p>`,
    table(
      ['Cấp', 'Hình thức', 'Số lượng'],
      awardsByLevel(r.dossiers).map((a) => [LEVEL_VI[a.level] ?? a.level, awardName(a.awardCode), a.count]),
    ),
    `<p class="center"><b>Quyết định khen thưởng</b></p>`,
    table(DECISION_HEADER, r.decisions.map(decisionRow)),
    `<p class="center"><b>Tỷ lệ đối tượng ưu tiên</b></p>`,
    table(
      ['Năm', 'Cấp', 'Số khen thưởng', 'Trực tiếp lao động', 'Nữ', 'Dân tộc thiểu số'],
      r.priority.map((p) => [
        p.year,
        LEVEL_VI[p.level] ?? p.level,
        p.awards,
        pct(p.shares.directWorker),
        pct(p.shares.female),
        pct(p.shares.ethnicMinority),
      ]),
    ),
    `<p class="center"><b>Điển hình tiên tiến</b></p>`,
    table(
      ['Điển hình', 'Cá nhân, tập thể', 'Đơn vị', 'Giai đoạn'],
      r.models.map((m) => [m.title, m.subjectName, m.unitCode, STAGE_VI[m.stage] ?? m.stage]),
    ),
  ].join('\n');
  return page(title, content);
}
