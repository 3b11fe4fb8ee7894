import { vietnameseDate } from '@tdkt/domain';
import { esc, page, signer, upper } from './html';

/** Bump when the printed text changes: an issued document records the version it was rendered with. */
export const CERTIFICATE_TEMPLATE_VERSION = 'bang-khen-giay-chung-nhan@1';

/**
 * The print layout of one awardee's Bằng khen or Giấy chứng nhận (of a danh hiệu), landscape A4 with a frame, as the
 * provincial forms lay it out (NĐ 98/2023 and NĐ 152/2025 leave the artwork to the province): quốc hiệu and tiêu ngữ
 * centred at the top, the authority, the form, the awardee and the achievement in the middle, the decision's number
 * and date bottom left, the place, date and the chairman's signature bottom right. Every value from the events.
 */
export interface CertificateDocument {
  /** "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH MẪU". */
  authority: string;
  /** A Bằng khen is given (TẶNG BẰNG KHEN); a title (danh hiệu) is certified (GIẤY CHỨNG NHẬN). */
  form: 'BANG_KHEN' | 'GIAY_CHUNG_NHAN';
  awardName: string;
  name: string;
  position?: string;
  unitName: string;
  achievements?: string;
  place: string;
  decisionNumber: string;
  signedOn: string;
  signerName: string;
}

const LANDSCAPE = `
@page { size: A4 landscape; margin: 10mm; }
.frame { height: 188mm; border: 2.5pt double #000; padding: 8mm 16mm 6mm; display: flex; flex-direction: column; text-align: center; }
.frame .national { font-size: 14pt; }
.frame .authority { margin-top: 8mm; font-size: 15pt; }
.frame .form { font-size: 30pt; font-weight: bold; letter-spacing: 2pt; margin-top: 4mm; }
.frame .title-name { font-size: 18pt; font-weight: bold; margin-top: 2mm; }
.frame .awardee { font-size: 22pt; font-weight: bold; font-style: italic; margin-top: 7mm; }
.frame .where { font-size: 15pt; margin-top: 2mm; }
.frame .achievement { font-size: 14pt; margin-top: 5mm; text-align: center; text-indent: 0; }
.frame .bottom { margin-top: auto; width: 100%; border-collapse: collapse; }
.frame .bottom td { vertical-align: bottom; padding: 0; }
.frame .bottom .left { width: 45%; text-align: left; font-size: 12pt; }
.frame .bottom .right { width: 55%; text-align: center; }
.frame .signature-space { height: 20mm; }
`;

export function certificateHtml(c: CertificateDocument): string {
  const dateText = vietnameseDate(c.signedOn);
  const form =
    c.form === 'BANG_KHEN'
      ? `<div class="form">BẰNG KHEN</div>`
      : `<div class="form">GIẤY CHỨNG NHẬN</div><div class="title-name">Danh hiệu ${esc(c.awardName)}</div>`;
  const body = `<div class="frame">
<div class="national">CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM</div><div class="motto">Độc lập - Tự do - Hạnh phúc</div><span class="rule" style="width:22%"></span>
<div class="authority"><b>${esc(upper(c.authority))}</b></div>
<div>${c.form === 'BANG_KHEN' ? 'TẶNG' : 'CHỨNG NHẬN'}</div>
${form}
<div class="awardee">${esc(c.name)}</div>
<div class="where">${esc([c.position, c.unitName].filter(Boolean).join(', '))}</div>
${c.achievements ? `<p class="achievement">Đã có thành tích: ${esc(c.achievements.trim().replace(/[.;,\s]+$/, ''))}.</p>` : ''}
<table class="bottom"><tr>
<td class="left"><div>Quyết định số: ${esc(c.decisionNumber)}</div><div>${esc(dateText)}</div></td>
<td class="right"><div class="date">${esc(c.place)}, ${esc(dateText)}</div>${signer(['CHỦ TỊCH'], c.signerName)}</td>
</tr></table>
</div>`;
  return page(`${c.form === 'BANG_KHEN' ? 'Bằng khen' : 'Giấy chứng nhận'} ${c.name}`, body, LANDSCAPE);
}
