import { vietnameseDate } from '@tdkt/domain';
import { footer, heading, letterhead, page, paragraph } from './html';
import type { Awardee } from './decision.template';

/** Bump when the printed text changes: an issued document records the version it was rendered with. */
export const PROPOSAL_TEMPLATE_VERSION = 'to-trinh-trung-uong@1';

/**
 * Tờ trình (NĐ 30/2020, Phụ lục III, Mẫu 1.3 "văn bản có tên loại") of the provincial chairman to the centre for a
 * state-level award, from the dossier's events: its number and date from ProposalSigned, the bases from the rule set
 * the dossier is bound to, the council's tally and the posting's outcome from their events.
 */
export interface ProposalDocument {
  issuingBody: string;
  /** "Ủy ban nhân dân tỉnh Mẫu". */
  provinceBody: string;
  place: string;
  number: string;
  signedOn: string;
  awardName: string;
  /** Who decides the award at the centre: the tờ trình goes to the Prime Minister either way. */
  decider: 'PRIME_MINISTER' | 'PRESIDENT';
  legalBasis: string[];
  proposer: string;
  awardee: Awardee;
  achievements: string;
  council?: { members: number; present: number; approvals: number };
  posting?: { objections: number; outcome?: string };
  signerName: string;
}

const sentence = (s: string) => s.trim().replace(/[.;,\s]+$/, '');

export function proposalHtml(d: ProposalDocument): string {
  const who = [d.awardee.name, d.awardee.position, d.awardee.unitName].filter(Boolean).join(', ');
  const asks =
    d.decider === 'PRESIDENT'
      ? `xem xét, trình Chủ tịch nước quyết định tặng ${d.awardName}`
      : `xem xét, quyết định tặng ${d.awardName}`;
  const body = [
    letterhead({
      issuingBody: d.issuingBody,
      number: d.number,
      place: d.place,
      date: d.signedOn,
      dateText: vietnameseDate(d.signedOn),
    }),
    heading('TỜ TRÌNH', [`Về việc đề nghị tặng ${d.awardName}`]),
    `<p class="center" style="margin-top:10pt">Kính gửi: Thủ tướng Chính phủ (qua Bộ Nội vụ).</p>`,
    ...d.legalBasis.map((b) => paragraph(`Căn cứ ${sentence(b)};`, 'basis')),
    paragraph(
      `Xét đề nghị của ${d.proposer}${d.council ? ` và kết quả họp Hội đồng Thi đua - Khen thưởng tỉnh (${d.council.approvals}/${d.council.members} thành viên đồng ý, ${d.council.present} thành viên có mặt)` : ''}.`,
      'basis',
    ),
    ...(d.posting
      ? [
          paragraph(
            `Hồ sơ đã được niêm yết công khai; số ý kiến phản ánh: ${d.posting.objections}${d.posting.outcome ? `; kết quả xem xét: ${sentence(d.posting.outcome)}` : ''}.`,
          ),
        ]
      : []),
    paragraph(
      `${d.provinceBody} kính trình Thủ tướng Chính phủ ${asks} cho ${who}, đã có thành tích: ${sentence(d.achievements)}.`,
    ),
    paragraph('(Có hồ sơ kèm theo.)'),
    paragraph(`${d.provinceBody} kính trình Thủ tướng Chính phủ xem xét, quyết định./.`),
    footer({
      title: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
      name: d.signerName,
      recipients: ['Như trên;', 'Bộ Nội vụ (Ban Thi đua - Khen thưởng Trung ương);', 'Lưu: VT, TĐKT.'],
    }),
  ];
  return page(`Tờ trình ${d.number}`, body.join('\n'));
}
