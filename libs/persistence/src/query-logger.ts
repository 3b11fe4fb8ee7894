import type { Logger } from 'typeorm';

/** SQLSTATE class 22 (data exception): Postgres' message may quote the offending value. */
const DATA_EXCEPTION = /^22/;

/**
 * TypeORM's logger for failed queries, without the parameters (they are the request's data, personal data among them)
 * and, for data exceptions, without the driver's message (it may quote a value): the SQLSTATE code and the statement
 * text, which holds placeholders only. `write` is where lines go (the API passes its request-aware logger).
 */
export class QueryErrorLogger implements Logger {
  constructor(private readonly write: (line: string) => void = (line) => console.error(line)) {}

  logQueryError(error: string | Error, query: string, _parameters?: unknown[]): void {
    const code = typeof error === 'object' ? (error as { code?: unknown }).code : undefined;
    const message = typeof error === 'string' ? error : error.message;
    const what = typeof code === 'string' && DATA_EXCEPTION.test(code) ? 'data exception' : message;
    this.write(
      `query failed (SQLSTATE ${typeof code === 'string' ? code : '?'}: ${what}): ${query.replace(/\s+/g, ' ').slice(0, 300)}`,
    );
  }

  logQuery(): void {}
  logQuerySlow(): void {}
  logSchemaBuild(): void {}
  logMigration(): void {}
  log(): void {}
}
