import { vietnameseDate } from '@tdkt/domain';
import { esc, footer, heading, letterhead, page, paragraph } from './html';
import type { DecisionDocument } from './decision.template';

/** Bump when the printed text changes: an issued document records the version it was rendered with. */
export const AWARDEE_LIST_TEMPLATE_VERSION = 'danh-sach-cong-khai@1';

/**
 * The list of a decision's awardees for publication (công khai, Luật TĐKT 2022 Điều 7 and the decrees' duty to publish
 * the results on the authority's portal): names, positions and units only — never a citizen id or birth date — under
 * the decision's number and date, its bases and signer. Rendered from the same events as the Quyết định.
 */
export function awardeeListHtml(d: DecisionDocument): string {
  const dateText = vietnameseDate(d.signedOn);
  const rows = d.awardees
    .map(
      (a, i) =>
        `<tr><td class="n">${i + 1}</td><td>${esc(a.name)}</td><td>${esc([a.position, a.unitName].filter(Boolean).join(', '))}</td><td>${esc(d.awardName)}</td></tr>`,
    )
    .join('');
  const body = [
    letterhead({ issuingBody: d.issuingBody, place: d.place, date: d.signedOn, dateText }),
    heading('DANH SÁCH', [`Cá nhân, tập thể được tặng ${d.awardName}`]),
    `<p class="center" style="font-style:italic">(Công khai theo Quyết định số ${esc(d.number)} ${esc(dateText)} của ${esc(d.authorityTitle)})</p>`,
    ...d.legalBasis.map((b) => paragraph(`Căn cứ ${b.trim().replace(/[.;,\s]+$/, '')};`, 'basis')),
    `<table class="list"><thead><tr><th>STT</th><th>Họ và tên / Tên tập thể</th><th>Chức vụ, đơn vị</th><th>Hình thức khen thưởng</th></tr></thead><tbody>${rows}</tbody></table>`,
    paragraph(`Tổng số: ${d.awardees.length} cá nhân, tập thể./.`),
    footer({
      title: ['CHỦ TỊCH'],
      name: d.signerName,
      recipients: ['Cổng thông tin điện tử tỉnh;', 'Các cơ quan, đơn vị có tên trong danh sách;', 'Lưu: VT, TĐKT.'],
    }),
  ];
  return page(`Danh sách công khai ${d.number}`, body.join('\n'));
}
