import { vietnameseDate } from '@tdkt/domain';
import { esc, heading, letterhead, page, paragraph, twoSigners, upper } from './html';

/** Bump when the printed text changes: an issued document records the version it was rendered with. */
export const MINUTES_TEMPLATE_VERSION = 'bien-ban-hop@1';

export type MinutesAttendance = 'PRESENT' | 'ABSENT' | 'WRITTEN_VOTE';

export interface MinutesItem {
  awardName: string;
  nominee: string;
  unitName: string;
  secret: boolean;
  /** Members who took no part in this item's vote, and why (named: a recusal is not a choice). */
  recused: { name: string; reason: string }[];
  /** Open ballots only: each member's recorded choice. A secret item has none, by construction. */
  openVotes?: { name: string; approve: boolean }[];
  /** Secret ballots only: how many members took part (ballots handed out), never who chose what. */
  ballotsIssued?: number;
  tally?: {
    members: number;
    present: number;
    approvals: number;
    rejections: number;
    undeposited: number;
    quorumMet: boolean;
    passed: boolean;
  };
  /** "từ 1/2 tổng số thành viên": the threshold as the rule set states it. */
  threshold: string;
}

/**
 * Biên bản họp Hội đồng Thi đua - Khen thưởng (NĐ 30/2020, Phụ lục III, Mẫu 1.6 "biên bản"), from the session's events:
 * time and place, members and their attendance, the agenda, each item's form of vote, recusals and tally. A secret
 * ballot's section has totals only: the events hold no choice of any member, so none can be printed.
 */
export interface MinutesDocument {
  /** "ỦY BAN NHÂN DÂN TỈNH MẪU": the body the council belongs to (cơ quan chủ quản). */
  parentBody: string;
  place: string;
  /** ISO date the session closed (Asia/Ho_Chi_Minh): the minutes' date. */
  closedOn: string;
  title: string;
  /** "08 giờ 30, ngày 05 tháng 3 năm 2026": when the session was convened and closed, from the events. */
  openedAt: string;
  closedAt: string;
  members: { name: string; attendance: MinutesAttendance }[];
  chair: string;
  secretary: string;
  items: MinutesItem[];
}

const ATTENDANCE: Record<MinutesAttendance, string> = {
  PRESENT: 'có mặt',
  ABSENT: 'vắng mặt',
  WRITTEN_VOTE: 'vắng mặt, có phiếu biểu quyết bằng văn bản',
};

function itemText(i: number, it: MinutesItem): string {
  const parts = [`<p><b>${i + 1}. ${esc(it.awardName)}</b> — ${esc(it.nominee)} (${esc(it.unitName)}).</p>`];
  parts.push(
    paragraph(
      `Hình thức biểu quyết: ${it.secret ? 'bỏ phiếu kín' : 'biểu quyết công khai'}; ngưỡng thông qua ${it.threshold}.`,
    ),
  );
  for (const r of it.recused) parts.push(paragraph(`Không tham gia biểu quyết: ${r.name} (${r.reason}).`));
  if (!it.secret && it.openVotes?.length)
    parts.push(
      paragraph(
        `Ý kiến biểu quyết: ${it.openVotes.map((v) => `${v.name} ${v.approve ? 'đồng ý' : 'không đồng ý'}`).join('; ')}.`,
      ),
    );
  if (it.secret && it.ballotsIssued !== undefined) parts.push(paragraph(`Số phiếu phát ra: ${it.ballotsIssued}.`));
  const t = it.tally;
  if (t) {
    const counted = it.secret
      ? `Số phiếu đồng ý: ${t.approvals}; số phiếu không đồng ý: ${t.rejections}${t.undeposited ? `; số phiếu không được bỏ vào hòm: ${t.undeposited}` : ''}`
      : `Số ý kiến đồng ý: ${t.approvals}; không đồng ý: ${t.rejections}`;
    parts.push(
      paragraph(`Kết quả: ${t.members} thành viên được biểu quyết, ${t.present} thành viên có mặt. ${counted}.`),
    );
    parts.push(
      `<p><b>${!t.quorumMet ? 'Không đủ số thành viên tham dự: chưa biểu quyết được.' : t.passed ? 'Kết luận: ĐẠT — đề nghị khen thưởng.' : 'Kết luận: KHÔNG ĐẠT.'}</b></p>`,
    );
  } else parts.push(paragraph('Chưa có kết quả biểu quyết.'));
  return `<div class="item" data-item="${i + 1}">${parts.join('')}</div>`;
}

export function minutesHtml(m: MinutesDocument): string {
  const present = m.members.filter((x) => x.attendance === 'PRESENT').length;
  const body = [
    letterhead({
      parentBody: m.parentBody,
      issuingBody: 'HỘI ĐỒNG THI ĐUA\nKHEN THƯỞNG',
      place: m.place,
      date: m.closedOn,
      dateText: vietnameseDate(m.closedOn),
    }),
    heading('BIÊN BẢN', [`Họp Hội đồng Thi đua - Khen thưởng: ${m.title}`]),
    '<div style="height:8pt"></div>',
    paragraph(`Thời gian: bắt đầu ${m.openedAt}; kết thúc ${m.closedAt}.`),
    paragraph(`Chủ trì: ${m.chair || '…'}. Thư ký: ${m.secretary}.`),
    paragraph(`Thành phần: ${m.members.length} thành viên Hội đồng, ${present} thành viên có mặt:`),
    ...m.members.map(
      (x) => `<p style="text-indent:0;padding-left:10mm">- ${esc(x.name)}: ${esc(ATTENDANCE[x.attendance])}.</p>`,
    ),
    `<p><b>Nội dung:</b> Hội đồng xét ${m.items.length} hồ sơ đề nghị khen thưởng.</p>`,
    ...m.items.map((it, i) => itemText(i, it)),
    paragraph(
      `Phiên họp kết thúc vào ${m.closedAt}. Biên bản được lập từ các sự kiện của phiên họp và đã được thông qua./.`,
    ),
    twoSigners({ title: ['THƯ KÝ'], name: m.secretary }, { title: ['CHỦ TỌA'], name: m.chair }, [
      'Thường trực Hội đồng;',
      'Lưu: VT, TĐKT.',
    ]),
  ];
  return page(`Biên bản ${upper(m.title)}`, body.join('\n'));
}
