import { QueryErrorLogger } from './query-logger';

const failure = (code: string, message: string) => Object.assign(new Error(message), { code });

describe('QueryErrorLogger', () => {
  it('logs the SQLSTATE and the statement of a failed query, never its parameters', () => {
    const lines: string[] = [];
    new QueryErrorLogger((l) => lines.push(l)).logQueryError(
      failure('42P01', 'relation "nope" does not exist'),
      'SELECT * FROM nope WHERE name = $1',
      ['Nguyễn Thị Lan'],
    );
    expect(lines).toEqual([
      'query failed (SQLSTATE 42P01: relation "nope" does not exist): SELECT * FROM nope WHERE name = $1',
    ]);
  });

  it("leaves out the driver's message of a data exception (class 22), which may quote the value", () => {
    const lines: string[] = [];
    new QueryErrorLogger((l) => lines.push(l)).logQueryError(
      failure('22P02', 'invalid input syntax for type uuid: "Nguyễn Thị Lan"'),
      'SELECT 1 WHERE id = $1',
      ['Nguyễn Thị Lan'],
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toBe('query failed (SQLSTATE 22P02: data exception): SELECT 1 WHERE id = $1');
  });
});
