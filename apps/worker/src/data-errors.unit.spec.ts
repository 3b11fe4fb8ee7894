/** Which database errors end an activity's retries: data errors do, transient ones and the idempotent append do not. */
import { ApplicationFailure } from '@temporalio/common';
import { failFastOnDataError, isDataError } from './data-errors';

const pgError = (code: string, constraint?: string) =>
  Object.assign(new Error(`pg ${code}`), { code, ...(constraint ? { constraint } : {}) });

it.each([
  ['22P05', undefined, 'a NUL in JSON (unsupported Unicode escape)'],
  ['22021', undefined, 'a NUL in text (invalid byte sequence)'],
  ['22003', undefined, 'a number out of range'],
  ['23502', undefined, 'a missing required value'],
  ['23505', 'decision_number_request_id_key', 'a unique key other than the append key'],
])('SQLSTATE %s (%s → %s) is a data error', (code, constraint, _what) => {
  expect(isDataError(pgError(code, constraint))).toMatchObject({ sqlState: code });
});

it.each([
  ['23505', 'dossier_event_stream_seq'],
  ['40001', undefined],
  ['57P01', undefined],
  ['08006', undefined],
])('SQLSTATE %s on %s is not (a retry may succeed)', (code, constraint) => {
  expect(isDataError(pgError(code, constraint))).toBeUndefined();
});

it('reads the SQLSTATE TypeORM keeps in driverError', () => {
  expect(isDataError({ message: 'query failed', driverError: { code: '22P05' } })).toEqual({ sqlState: '22P05' });
});

it('turns a data error into a non-retryable UNSTORABLE_DATA failure and passes anything else through', async () => {
  const poisoned = failFastOnDataError(async () => Promise.reject(pgError('22P05')));
  const failure = await poisoned().catch((e: unknown) => e);
  expect(failure).toBeInstanceOf(ApplicationFailure);
  expect(failure).toMatchObject({ type: 'UNSTORABLE_DATA', nonRetryable: true });
  const transient = pgError('40001');
  await expect(failFastOnDataError(async () => Promise.reject(transient))()).rejects.toBe(transient);
  await expect(failFastOnDataError(async (n: number) => n + 1)(1)).resolves.toBe(2);
});
