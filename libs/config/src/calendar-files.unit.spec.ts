import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addWorkingDays } from '@tdkt/domain';
import { ConfigError, loadOperatorCalendar } from './index';

const dir = mkdtempSync(join(tmpdir(), 'tdkt-calendar-'));
const write = (name: string, content: unknown) => {
  const file = join(dir, name);
  writeFileSync(file, typeof content === 'string' ? content : JSON.stringify(content));
  return file;
};
const holiday = (date: string, kind = 'HOLIDAY') => ({
  date,
  kind,
  nameVi: 'Ngày nghỉ',
  nameEn: 'Day off',
  source: 'test',
});
const good2028 = write('2028.json', {
  year: 2028,
  entries: [holiday('2028-01-01'), holiday('2028-01-03', 'COMPENSATORY_DAY_OFF')],
});
const problemsOf = (env: Record<string, string>): string[] => {
  try {
    loadOperatorCalendar(env);
    return [];
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
};

describe('holiday calendar files at start-up', () => {
  it('given no files, then the shipped calendar (2024–2027) and no years to attach', () =>
    expect(loadOperatorCalendar({})).toMatchObject({
      files: [],
      years: [],
      calendar: { years: [2024, 2025, 2026, 2027] },
    }));
  it('given a 2028 file in TDKT_CALENDAR_FILES, then 2028 is covered and its days off are skipped', () => {
    const { years, calendar } = loadOperatorCalendar({ TDKT_CALENDAR_FILES: good2028 });
    expect(years.map((y) => y.year)).toEqual([2028]);
    expect(addWorkingDays('2027-12-30', 2, calendar)).toBe('2028-01-04');
  });
  it('given a folder in TDKT_CALENDAR_DIR, then every *.json in it is read', () => {
    const folder = mkdtempSync(join(tmpdir(), 'tdkt-calendar-dir-'));
    writeFileSync(join(folder, '2029.json'), JSON.stringify({ year: 2029, entries: [holiday('2029-01-01')] }));
    writeFileSync(join(folder, 'README.txt'), 'not a calendar');
    expect(loadOperatorCalendar({ TDKT_CALENDAR_DIR: folder }).calendar.years).toEqual([2024, 2025, 2026, 2027, 2029]);
  });
  it('given a bad file, then start-up stops with the file and the field named', () => {
    const bad = write('bad-2028.json', {
      year: 2028,
      entries: [holiday('2028-01-01'), { ...holiday('2028-01-05'), nameEn: '' }],
    });
    expect(problemsOf({ TDKT_CALENDAR_FILES: bad })).toEqual([
      `holiday calendar: ${bad}: entries[1].nameEn is required (text)`,
    ]);
  });
  it('given a file that is not JSON, a missing file and two files for one year, then each is named', () => {
    const broken = write('broken.json', '{ "year": 2028,');
    const again = write('again-2028.json', { year: 2028, entries: [holiday('2028-01-01')] });
    const missing = join(dir, 'missing.json');
    const problems = problemsOf({ TDKT_CALENDAR_FILES: [broken, missing, good2028, again].join(',') });
    expect(problems).toHaveLength(3);
    expect(problems[0]).toMatch(new RegExp(`${broken}: not valid JSON`));
    expect(problems[1]).toBe(`holiday calendar: ${missing}: does not exist`);
    expect(problems[2]).toBe(`holiday calendar: ${again}: year 2028 is already given by ${good2028}`);
  });
});
