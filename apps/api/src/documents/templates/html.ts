/**
 * The state format of administrative documents (Nghị định 30/2020/NĐ-CP, Phụ lục I) as HTML for Chromium to print:
 * A4, margins top/bottom 20 mm, left 30 mm, right 15 mm; Times New Roman or its metric twin Liberation Serif (2.x has
 * every Vietnamese letter); quốc hiệu and tiêu ngữ top right, issuing body and số/ký hiệu top left, place and date
 * under the tiêu ngữ, nơi nhận bottom left, signer's title and name bottom right. Plain functions, every value escaped.
 */

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML element content and attribute values. */
export const esc = (s: string | number): string => String(s).replace(/[&<>"']/g, (c) => ENTITIES[c]);

/** Upper case as Vietnamese writes it (no locale surprises: Vietnamese has no special casing rules). */
export const upper = (s: string): string => s.toLocaleUpperCase('vi');

const CSS = `
@page { size: A4; margin: 20mm 15mm 20mm 30mm; }
* { box-sizing: border-box; }
html, body { margin: 0; padding: 0; }
body { font-family: 'Times New Roman', 'Liberation Serif', serif; font-size: 14pt; line-height: 1.3; color: #000; }
table.head, table.foot { width: 100%; border-collapse: collapse; }
table.head td, table.foot td { vertical-align: top; padding: 0; }
.head .left { width: 40%; text-align: center; font-size: 13pt; }
.head .right { width: 60%; text-align: center; }
.body-name { font-weight: bold; text-transform: none; }
.rule { display: block; margin: 3pt auto 0; border-top: 0.75pt solid #000; }
.national { font-weight: bold; font-size: 13pt; white-space: nowrap; }
.motto { font-weight: bold; font-size: 14pt; }
.number { font-size: 13pt; margin-top: 6pt; }
.date { font-style: italic; font-size: 14pt; margin-top: 6pt; }
.kind { font-weight: bold; font-size: 14pt; text-align: center; margin-top: 18pt; }
.gist { font-weight: bold; font-size: 14pt; text-align: center; }
.authority { font-weight: bold; font-size: 14pt; text-align: center; margin-top: 12pt; }
p { margin: 0 0 6pt; text-align: justify; text-indent: 10mm; }
p.basis { font-style: italic; }
p.center { text-align: center; text-indent: 0; }
.article-no { font-weight: bold; }
.foot { margin-top: 12pt; page-break-inside: avoid; }
.foot .left { width: 50%; font-size: 11pt; }
.foot .left .to { font-weight: bold; font-style: italic; font-size: 12pt; }
.foot .right { width: 50%; text-align: center; }
.signer-title { font-weight: bold; }
.signature-space { height: 28mm; display: flex; align-items: center; justify-content: center; font-style: italic; font-size: 11pt; color: #444; }
.signer-name { font-weight: bold; }
.annex { page-break-before: always; }
table.list { width: 100%; border-collapse: collapse; margin-top: 8pt; font-size: 13pt; }
table.list th, table.list td { border: 0.75pt solid #000; padding: 3pt 4pt; vertical-align: top; }
table.list th { font-weight: bold; text-align: center; }
table.list td.n { text-align: center; width: 12mm; }
`;

export interface Letterhead {
  /** Tên cơ quan, tổ chức chủ quản (above the issuing body, not bold); absent for a UBND. */
  parentBody?: string;
  /** Tên cơ quan, tổ chức ban hành văn bản, upper case ("ỦY BAN NHÂN DÂN\nTỈNH MẪU"); line breaks kept. */
  issuingBody: string;
  /** Số, ký hiệu ("12/QĐ-UBND"); absent for documents without a register number (they show "Số: …"). */
  number?: string;
  /** Địa danh ("Mẫu"). */
  place: string;
  /** ISO date of issue, from the events. */
  date: string;
  /** "ngày … tháng … năm …" for the date. */
  dateText: string;
}

/** A whole document: the decree's page box and type, plus a template's own rules (`css`, e.g. a landscape page). */
export function page(title: string, content: string, css = ''): string {
  return `<!doctype html><html lang="vi"><head><meta charset="utf-8"><title>${esc(title)}</title><style>${CSS}${css}</style></head><body>${content}</body></html>`;
}

const lines = (s: string) => s.split('\n').map(esc).join('<br>');

export function letterhead(h: Letterhead): string {
  return `<table class="head"><tr>
<td class="left">${h.parentBody ? `<div>${lines(h.parentBody)}</div>` : ''}<div class="body-name">${lines(h.issuingBody)}</div><span class="rule" style="width:30%"></span>
<div class="number">Số: ${h.number ? esc(h.number) : '&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;'}</div></td>
<td class="right"><div class="national">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="motto">Độc lập - Tự do - Hạnh phúc</div><span class="rule" style="width:62%"></span>
<div class="date">${esc(h.place)}, ${esc(h.dateText)}</div></td>
</tr></table>`;
}

/** Tên loại và trích yếu nội dung, with the short rule below. */
export function heading(kind: string, gist: string[]): string {
  return `<div class="kind">${esc(kind)}</div>${gist.map((g) => `<div class="gist">${esc(g)}</div>`).join('')}<span class="rule" style="width:25%"></span>`;
}

export const paragraph = (text: string, cls?: string): string => `<p${cls ? ` class="${cls}"` : ''}>${esc(text)}</p>`;

export const article = (n: number, text: string): string =>
  `<p><span class="article-no">Điều ${n}.</span> ${esc(text)}</p>`;

export interface SignatureBlock {
  /** Quyền hạn, chức vụ of the signer, e.g. ["CHỦ TỊCH"] or ["TM. HỘI ĐỒNG", "CHỦ TỊCH"]. */
  title: string[];
  name: string;
  /** Nơi nhận (recipients), each one line. */
  recipients: string[];
}

/** Quyền hạn, chức vụ, the signing space and the name: one signer's block (bottom right, or both sides of a biên bản). */
export const signer = (title: string[], name: string): string =>
  `${title.map((t) => `<div class="signer-title">${esc(t)}</div>`).join('')}<div class="signature-space">(Chữ ký số)</div><div class="signer-name">${name ? esc(name) : '&nbsp;'}</div>`;

/** A biên bản's two signers side by side (the secretary left, the chair right), nơi nhận below. */
export function twoSigners(
  left: { title: string[]; name: string },
  right: { title: string[]; name: string },
  recipients: string[],
): string {
  return `<table class="foot"><tr><td class="right">${signer(left.title, left.name)}</td><td class="right">${signer(right.title, right.name)}</td></tr></table>
<div class="foot" style="font-size:11pt"><div class="to" style="font-weight:bold;font-style:italic;font-size:12pt">Nơi nhận:</div>${recipients.map((r) => `<div>- ${esc(r)}</div>`).join('')}</div>`;
}

export function footer(s: SignatureBlock): string {
  return `<table class="foot"><tr>
<td class="left"><div class="to">Nơi nhận:</div>${s.recipients.map((r) => `<div>- ${esc(r)}</div>`).join('')}</td>
<td class="right">${signer(s.title, s.name)}</td>
</tr></table>`;
}
