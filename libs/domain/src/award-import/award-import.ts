/**
 * Award lists in: historical awards (decided before the system, or elsewhere) read from a spreadsheet into the award
 * history that eligibility reads. Each import is its own stream: AwardImportStarted (the file's SHA-256) then one
 * AwardImported per row, naming the row. The file is checked whole first; a file with any row error imports nothing.
 * Citizen ids arrive hashed (the caller passes the HMAC); this module never sees a clear id after parsing a row.
 */
import { AWARD_CATALOG, findAward } from '../award/catalog';
import { subjectKeyOf } from '../dossier/types';
import type { Actor, ActorRole } from '../shared/actor';
import { accept, refuse, reject, type Decision } from '../shared/errors';

export const AWARD_IMPORT_FIELDS = [
  'fullName',
  'citizenId',
  'kind',
  'unitCode',
  'award',
  'year',
  'decisionNumber',
  'decidedOn',
] as const;
export type AwardImportField = (typeof AWARD_IMPORT_FIELDS)[number];
const REQUIRED: readonly AwardImportField[] = ['fullName', 'unitCode', 'award', 'decisionNumber', 'decidedOn'];

/** Default header names, Vietnamese and English; compared without case, accents or extra spaces. */
export const DEFAULT_HEADERS: Record<AwardImportField, readonly string[]> = {
  fullName: ['Họ và tên', 'Họ tên', 'Tên tập thể', 'Full name', 'Name'],
  citizenId: ['Số CCCD', 'CCCD', 'Số định danh cá nhân', 'Citizen ID', 'Citizen id number'],
  kind: ['Cá nhân/Tập thể', 'Loại', 'Kind'],
  unitCode: ['Mã đơn vị', 'Đơn vị', 'Unit code', 'Unit'],
  award: ['Hình thức khen thưởng', 'Danh hiệu', 'Mã khen thưởng', 'Award', 'Award code'],
  year: ['Năm', 'Năm thành tích', 'Year'],
  decisionNumber: ['Số quyết định', 'Số QĐ', 'Decision number', 'Decision'],
  decidedOn: ['Ngày quyết định', 'Ngày QĐ', 'Ngày ký', 'Decision date', 'Decided on'],
};

/** Lower case, no diacritics (đ → d), single spaces: how headers and award names are compared. */
export const foldText = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();

export interface RowError {
  /** The spreadsheet's row number (the header is row 1). */
  row: number;
  column: string;
  message: string;
}

export interface ImportedAward {
  rowNumber: number;
  subjectKey: string;
  subjectKind: 'INDIVIDUAL' | 'COLLECTIVE';
  fullName: string;
  unitCode: string;
  awardCode: string;
  year: number;
  decisionNumber: string;
  decidedOn: string;
}

export type AwardImportEvent =
  | { type: 'AwardImportStarted'; data: { fileSha256: string; fileName: string; rows: number } }
  | { type: 'AwardImported'; data: ImportedAward & { fileSha256: string } };

export const isAwardImportEventType = (type: string): boolean =>
  type === 'AwardImportStarted' || type === 'AwardImported';

export const AWARD_IMPORTERS: readonly ActorRole[] = ['ADMINISTRATOR', 'SECRETARIAT_HEAD'];

/** Day-first dates as written in Vietnam (dd/MM/yyyy, d-M-yyyy) or ISO; the ISO date, or undefined. */
export function parseDate(text: string): string | undefined {
  const t = text.trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  else {
    m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(t);
    if (!m) return undefined;
    [d, mo, y] = [Number(m[1]), Number(m[2]), Number(m[3])];
  }
  const iso = `${String(y).padStart(4, '0')}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  const at = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(at.getTime()) && at.toISOString().startsWith(iso) ? iso : undefined;
}

/** An award named by its code (BK_TINH) or its Vietnamese or English name, accents optional. */
export function awardCodeOf(text: string): string | undefined {
  const t = text.trim();
  if (findAward(t.toUpperCase())) return t.toUpperCase();
  const f = foldText(t);
  return AWARD_CATALOG.find((a) => foldText(a.nameVi) === f || foldText(a.nameEn) === f)?.code;
}

export interface ParseOptions {
  /** Header names per field that override the defaults (a province's own column titles). */
  mapping?: Partial<Record<AwardImportField, string>>;
  /** HMAC of a citizen id (PII_HASH_KEY); applied on arrival. */
  hashCitizenId: (id: string) => string;
  /** Decision lines already in the award history: `${decisionNumber}|${subjectKey}|${awardCode}`. */
  alreadyRecorded?: ReadonlySet<string>;
}

export const decisionLineKey = (a: Pick<ImportedAward, 'decisionNumber' | 'subjectKey' | 'awardCode'>): string =>
  `${a.decisionNumber.replace(/\s+/g, '').toUpperCase()}|${a.subjectKey}|${a.awardCode}`;

/**
 * Reads a table (first row the headers, cells as text) into awards and every row error: missing columns, unknown
 * award, bad date or year, bad citizen id, a decision line twice in the file or already recorded. Pure.
 */
export function parseAwardTable(
  table: readonly (readonly string[])[],
  options: ParseOptions,
): { awards: ImportedAward[]; errors: RowError[] } {
  const errors: RowError[] = [];
  const header = (table[0] ?? []).map((h) => foldText(h));
  const columnOf = {} as Record<AwardImportField, number>;
  for (const field of AWARD_IMPORT_FIELDS) {
    const names = options.mapping?.[field] ? [options.mapping[field]] : DEFAULT_HEADERS[field];
    columnOf[field] = header.findIndex((h) => names.some((n) => foldText(n) === h));
    if (columnOf[field] < 0 && REQUIRED.includes(field))
      errors.push({ row: 1, column: field, message: `No column for ${field}; expected one of: ${names.join(', ')}` });
  }
  if (errors.length) return { awards: [], errors };
  const awards: ImportedAward[] = [];
  const firstRowOf = new Map<string, number>();
  table.slice(1).forEach((cells, i) => {
    const row = i + 2;
    const cell = (f: AwardImportField) => (columnOf[f] >= 0 ? (cells[columnOf[f]] ?? '').trim() : '');
    if (cells.every((c) => !c.trim())) return; // blank line
    const rowErrors: RowError[] = [];
    const err = (column: AwardImportField, message: string) => rowErrors.push({ row, column, message });
    for (const f of REQUIRED) if (!cell(f)) err(f, `${f} is empty`);
    const kindText = foldText(cell('kind'));
    const kind =
      !kindText || ['ca nhan', 'individual', 'i'].includes(kindText)
        ? 'INDIVIDUAL'
        : ['tap the', 'collective', 'c'].includes(kindText)
          ? 'COLLECTIVE'
          : undefined;
    if (!kind) err('kind', `"${cell('kind')}" is neither Cá nhân nor Tập thể`);
    const awardCode = cell('award') ? awardCodeOf(cell('award')) : undefined;
    if (cell('award') && !awardCode)
      err('award', `Unknown award "${cell('award')}": neither a catalog code nor an award name`);
    const decidedOn = cell('decidedOn') ? parseDate(cell('decidedOn')) : undefined;
    if (cell('decidedOn') && !decidedOn)
      err('decidedOn', `"${cell('decidedOn')}" is not a date (dd/MM/yyyy or yyyy-MM-dd)`);
    const yearText = cell('year');
    const year = yearText ? Number(yearText) : decidedOn ? Number(decidedOn.slice(0, 4)) : NaN;
    if (yearText && !(Number.isInteger(year) && year >= 1945 && year <= 2100))
      err('year', `"${yearText}" is not a year`);
    else if (decidedOn && Number.isInteger(year) && year > Number(decidedOn.slice(0, 4)))
      err('year', `The achievement year ${year} is after the decision (${decidedOn})`);
    const citizenId = cell('citizenId');
    // The message never repeats the id itself.
    if (citizenId && !/^\d{9}$|^\d{12}$/.test(citizenId))
      err('citizenId', 'A citizen id has 12 digits (or 9 for an old identity card)');
    if (citizenId && kind === 'COLLECTIVE') err('citizenId', 'A collective has no citizen id');
    if (rowErrors.length || !kind || !awardCode || !decidedOn) {
      errors.push(...rowErrors);
      return;
    }
    const fullName = cell('fullName').normalize('NFC').replace(/\s+/g, ' ');
    const unitCode = cell('unitCode');
    const subjectKey = subjectKeyOf(
      { kind, fullName, ...(citizenId ? { citizenIdHash: options.hashCitizenId(citizenId) } : {}) },
      unitCode,
    );
    const award: ImportedAward = {
      rowNumber: row,
      subjectKey,
      subjectKind: kind,
      fullName,
      unitCode,
      awardCode,
      year,
      decisionNumber: cell('decisionNumber'),
      decidedOn,
    };
    const key = decisionLineKey(award);
    const first = firstRowOf.get(key);
    if (first)
      errors.push({
        row,
        column: 'decisionNumber',
        message: `Duplicate decision line: row ${first} has the same decision, person and award`,
      });
    else if (options.alreadyRecorded?.has(key))
      errors.push({ row, column: 'decisionNumber', message: 'This decision line is already in the award history' });
    else {
      firstRowOf.set(key, row);
      awards.push(award);
    }
  });
  if (table.length < 2) errors.push({ row: 1, column: '', message: 'The file has no data rows' });
  return { awards, errors };
}

/** The import's events, or why it is refused: a role that may not import, a file already imported, any row error. */
export function decideImportAwards(
  file: { sha256: string; name: string },
  parsed: { awards: readonly ImportedAward[]; errors: readonly RowError[] },
  facts: { alreadyImported?: { importId: string; importedAt: string } },
  actor: Actor,
): Decision<AwardImportEvent[]> {
  if (!AWARD_IMPORTERS.includes(actor.role))
    return refuse(
      reject(
        'FORBIDDEN',
        'award-import.role',
        `${actor.role} may not import awards; allowed: ${AWARD_IMPORTERS.join(', ')}`,
      ),
    );
  if (facts.alreadyImported)
    return refuse(
      reject(
        'WRONG_STATE',
        'award-import.same-file',
        `This file (SHA-256 ${file.sha256}) was already imported on ${facts.alreadyImported.importedAt} (import ${facts.alreadyImported.importId}); nothing was imported again`,
        { importId: facts.alreadyImported.importId },
      ),
    );
  if (parsed.errors.length)
    return refuse(
      reject(
        'INVALID',
        'award-import.row-errors',
        `The file has ${parsed.errors.length} row error(s); nothing was imported`,
        { errors: parsed.errors },
      ),
    );
  if (parsed.awards.length === 0) return refuse(reject('INVALID', 'award-import.empty', 'The file has no award rows'));
  return accept([
    {
      type: 'AwardImportStarted',
      data: { fileSha256: file.sha256, fileName: file.name.slice(0, 200), rows: parsed.awards.length },
    },
    ...parsed.awards.map((a): AwardImportEvent => ({ type: 'AwardImported', data: { ...a, fileSha256: file.sha256 } })),
  ]);
}
