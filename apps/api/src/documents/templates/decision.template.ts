import { vietnameseDate } from '@tdkt/domain';
import { article, esc, footer, heading, letterhead, page, paragraph, upper } from './html';

/** Bump when the printed text changes: an issued document records the version it was rendered with. */
export const DECISION_TEMPLATE_VERSION = 'qd-khen-thuong@1';

export interface Awardee {
  /** Họ và tên, or a collective's name. */
  name: string;
  position?: string;
  unitName: string;
  collective: boolean;
}

/** Quyết định khen thưởng (Mẫu 1.4, NĐ 30/2020, Phụ lục III: quyết định cá biệt), every value from the events. */
export interface DecisionDocument {
  issuingBody: string;
  /** "Chủ tịch Ủy ban nhân dân tỉnh Mẫu": the authority line and Điều 3's reference. */
  authorityTitle: string;
  place: string;
  number: string;
  signedOn: string;
  awardName: string;
  legalBasis: string[];
  /** Units whose proposals the decision answers ("Xét đề nghị của …"). */
  proposers: string[];
  awardees: Awardee[];
  /** Thành tích, for a decision on one dossier. */
  achievements?: string;
  signerTitle: string;
  signerName: string;
}

const who = (a: Awardee) => [a.name, a.position, a.unitName].filter(Boolean).join(', ');
const sentence = (s: string) => s.trim().replace(/[.;,\s]+$/, '');

export function decisionHtml(d: DecisionDocument): string {
  const dateText = vietnameseDate(d.signedOn);
  const single = d.awardees.length === 1 ? d.awardees[0] : undefined;
  const first = single
    ? `Tặng ${d.awardName} cho ${who(single)}${d.achievements ? `, đã có thành tích: ${sentence(d.achievements)}` : ''}.`
    : `Tặng ${d.awardName} cho ${d.awardees.length} cá nhân, tập thể có tên trong danh sách kèm theo, đã có thành tích xuất sắc.`;
  const body = [
    letterhead({ issuingBody: d.issuingBody, number: d.number, place: d.place, date: d.signedOn, dateText }),
    heading('QUYẾT ĐỊNH', [`Về việc tặng ${d.awardName}`]),
    `<div class="authority">${esc(upper(d.authorityTitle))}</div>`,
    '<div style="height:8pt"></div>',
    ...d.legalBasis.map((b) => paragraph(`Căn cứ ${sentence(b)};`, 'basis')),
    paragraph(`Xét đề nghị của ${d.proposers.join(', ')} và của Trưởng Ban Thi đua - Khen thưởng.`, 'basis'),
    `<div class="kind" style="margin-top:8pt;margin-bottom:8pt">QUYẾT ĐỊNH:</div>`,
    article(1, first),
    article(2, 'Tiền thưởng kèm theo thực hiện theo quy định của pháp luật về thi đua, khen thưởng.'),
    article(
      3,
      `Chánh Văn phòng Ủy ban nhân dân, Trưởng Ban Thi đua - Khen thưởng, Thủ trưởng ${d.proposers.join(', ')} và ${single ? (single.collective ? 'tập thể' : 'cá nhân') : 'các cá nhân, tập thể'} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
    ),
    footer({ title: [upper(d.signerTitle)], name: d.signerName, recipients: ['Như Điều 3;', 'Lưu: VT, TĐKT.'] }),
  ];
  if (!single) body.push(annex(d, dateText));
  return page(`Quyết định ${d.number}`, body.join('\n'));
}

/** Danh sách kèm theo: a batch decision's awardees, one row each. */
function annex(d: DecisionDocument, dateText: string): string {
  const rows = d.awardees
    .map(
      (a, i) =>
        `<tr><td class="n">${i + 1}</td><td>${esc(a.name)}</td><td>${esc([a.position, a.unitName].filter(Boolean).join(', '))}</td></tr>`,
    )
    .join('');
  return `<div class="annex">
<div class="kind" style="margin-top:0">DANH SÁCH</div>
<div class="gist">Cá nhân, tập thể được tặng ${esc(d.awardName)}</div>
<p class="center" style="font-style:italic">(Kèm theo Quyết định số ${esc(d.number)} ${esc(dateText)} của ${esc(d.authorityTitle)})</p>
<span class="rule" style="width:25%"></span>
<table class="list"><thead><tr><th>STT</th><th>Họ và tên / Tên tập thể</th><th>Chức vụ, đơn vị</th></tr></thead><tbody>${rows}</tbody></table>
</div>`;
}
