import { controlCharacterFields } from './text-guard';

describe('control characters at the edge', () => {
  it('names every field holding NUL, other C0/C1 controls, DEL or an unpaired surrogate, nested and in arrays', () => {
    const body = {
      title: 'Bằng khen\u0000',
      nominee: { fullName: 'Nguyễn\u0007 Văn A', position: 'Giáo viên' },
      parts: ['ok', 'x\u007f', 'y\u0085'],
      achievements: 'a\uD800b',
      ['k\u0001']: 'v',
    };
    expect(controlCharacterFields(body, '').sort()).toEqual(
      ['achievements', 'k\u0001', 'nominee.fullName', 'parts[1]', 'parts[2]', 'title'].sort(),
    );
  });

  it('lets through what people write: Vietnamese text, tabs and line breaks, emoji (paired surrogates)', () => {
    const body = { achievements: 'Dòng 1\r\nDòng 2\tthụt lề — “trích dẫn” 🏅', n: 3, ok: true, none: null };
    expect(controlCharacterFields(body, '')).toEqual([]);
  });

  it('prefixes query parameters', () => {
    expect(controlCharacterFields({ status: 'AWARDED\u0000' }, 'query')).toEqual(['query.status']);
  });
});
