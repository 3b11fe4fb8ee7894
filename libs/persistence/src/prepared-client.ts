import { createHash } from 'node:crypto';
import { Client, type QueryConfig } from 'pg';

/** Distinct statements one connection keeps prepared; later ones run unnamed (a statement text built per call never grows it without end). */
export const PREPARED_PER_CONNECTION = 500;

/**
 * SQLSTATEs a named statement can meet when the schema changed under it: 0A000 "cached plan must not change result
 * type" (a `SELECT *` over a table a migration altered), 26000 "prepared statement does not exist".
 */
const STALE = new Set(['0A000', '26000']);

/**
 * The pool's connection (`extra.Client` of the data source): every single statement sent with parameters — the hot
 * path's reads, the append, the idempotency key, the token check — goes as a named prepared statement, so Postgres
 * plans it a few times per connection instead of at every call (planning was 45 % of the server time of a dossier's
 * statements in `npm run bench -- writes`). The name is the statement's first word and a hash of its text (the
 * tracing's span `pg.query:WITH.…`). Statements without parameters (BEGIN, DDL, several statements in one string) go
 * as before.
 *
 * A prepared statement is bound to the tables and types it was parsed on. Two consequences, both handled:
 * - a migration changing a table's columns under a running process fails a named `SELECT *` once on each connection
 *   (0A000): the text is no longer named on that connection, and a statement outside a transaction is sent again
 *   unnamed at once (inside one, the transaction's owner retries it, as after any error);
 * - a session that shadows tables with temporary ones (the read-model rebuild: `CREATE TEMPORARY TABLE … ON COMMIT
 *   DROP`) must neither run what it prepared on the live tables nor prepare anything on shadows (and their row types)
 *   that are gone at the commit: from such a statement until the connection is out of its transaction, nothing is
 *   named. A temporary table that outlives its transaction ends the naming on that connection for good.
 */
export class PreparingClient extends Client {
  private readonly names = new Map<string, string>();
  private readonly unnamed = new Set<string>();
  /** Temporary tables exist in the open transaction (`until-idle`), or for the session (`for-good`). */
  private temporary: 'no' | 'until-idle' | 'for-good' = 'no';

  // pg's overloads (promise and callback forms, config objects, query objects): only a text with values is named.
  override query(...args: unknown[]): never {
    const [text, values, callback] = args;
    if (typeof text === 'string') this.noteTemporaryTables(text);
    const name =
      typeof text === 'string' && Array.isArray(values) && values.length > 0 && typeof callback !== 'function'
        ? this.nameOf(text)
        : undefined;
    if (!name) return (super.query as (...a: unknown[]) => never)(...args);
    const config: QueryConfig = { name, text: text as string, values: values as unknown[] };
    return super.query(config).catch(async (error: { code?: string }) => {
      if (!error?.code || !STALE.has(error.code)) throw error;
      this.names.delete(text as string);
      this.unnamed.add(text as string);
      if (this.getTransactionStatus() !== 'I') throw error;
      return super.query(text as string, values as unknown[]);
    }) as never;
  }

  private noteTemporaryTables(text: string): void {
    if (this.temporary === 'until-idle' && this.getTransactionStatus() === 'I') this.temporary = 'no';
    const created = text.match(/\bCREATE\s+(?:GLOBAL\s+|LOCAL\s+)?TEMP(?:ORARY)?\s+TABLE\b[^;]*/gi);
    if (!created || this.temporary === 'for-good') return;
    this.temporary = created.every((c) => /\bON\s+COMMIT\s+DROP\b/i.test(c)) ? 'until-idle' : 'for-good';
  }

  private nameOf(text: string): string | undefined {
    if (this.temporary !== 'no' || this.unnamed.has(text)) return undefined;
    const known = this.names.get(text);
    if (known) return known;
    if (this.names.size >= PREPARED_PER_CONNECTION) return undefined;
    // Its first word, as the tracing's span names show an unnamed statement (`pg.query:WITH`), then the text's hash.
    const verb = /^\s*([A-Za-z]{1,12})/.exec(text)?.[1].toUpperCase() ?? 'SQL';
    const name = `${verb}.${createHash('sha1').update(text).digest('base64url').slice(0, 22)}`;
    this.names.set(text, name);
    return name;
  }
}
