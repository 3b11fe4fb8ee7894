import { jsonDepth } from './json-body';

describe('jsonDepth (counted on the raw text, before parsing)', () => {
  it('counts the deepest nesting of arrays and objects', () => {
    expect(jsonDepth('1')).toBe(0);
    expect(jsonDepth('{}')).toBe(1);
    expect(jsonDepth('{"a":[1,{"b":[]}],"c":{}}')).toBe(4);
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    expect(jsonDepth(JSON.stringify({ a: '[[[{{{' }))).toBe(1);
    expect(jsonDepth(JSON.stringify({ a: 'say \\"[[[\\" twice "[[' }))).toBe(1);
  });

  it('stops counting once over the limit, so a huge body is not walked to its end', () => {
    expect(jsonDepth('['.repeat(1_000_000), 32)).toBe(33);
  });
});
