/** Dates as Vietnamese offices write them (dd/MM/yyyy), in Asia/Ho_Chi_Minh. */
const ZONE = 'Asia/Ho_Chi_Minh';
const dateFmt = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, day: '2-digit', month: '2-digit', year: 'numeric' });
const timeFmt = new Intl.DateTimeFormat('en-GB', { timeZone: ZONE, hour: '2-digit', minute: '2-digit', hour12: false });

/** A calendar date (YYYY-MM-DD, already a Vietnamese date) or an instant, as dd/MM/yyyy. */
export function formatDate(value: string | null | undefined): string {
  if (!value) return '';
  const plain = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (plain) return `${plain[3]}/${plain[2]}/${plain[1]}`;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : dateFmt.format(d);
}

/** An instant as dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : `${dateFmt.format(d)} ${timeFmt.format(d)}`;
}

/**
 * The OpenAPI document types some nullable fields (string | null, number | null) as objects; these read them as what
 * the API sends.
 */
export const asText = (v: unknown): string | null => (typeof v === 'string' ? v : null);
export const asNumber = (v: unknown): number | null => (typeof v === 'number' ? v : null);

const vnd = new Intl.NumberFormat('vi-VN');
/** An amount in đồng as Vietnamese write it (3.510.000 ₫, kept on one line); a dash when there is none. */
export const formatVnd = (n: number | null | undefined): string => (n == null ? '—' : `${vnd.format(n)}\u00a0₫`);
