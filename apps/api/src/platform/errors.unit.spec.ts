/** The error filter is the one map from a refusal to its HTTP answer: every code, the rule, fields and details kept. */
import { ArgumentsHost, Logger, NotFoundException, ServiceUnavailableException } from '@nestjs/common';
import { ApplicationFailure } from '@temporalio/common';
import { WorkflowUpdateFailedError } from '@temporalio/client';
import { REJECTION_CODES, Refused, reject, type RejectionCode } from '@tdkt/domain';
import { ErrorFilter, type ErrorBody } from './errors';

function answerTo(exception: unknown): { status: number; body: ErrorBody } {
  const out: { status?: number; body?: ErrorBody } = {};
  const res = {
    getHeader: () => 'req-1',
    status(s: number) {
      out.status = s;
      return res;
    },
    type: () => res,
    json(b: ErrorBody) {
      out.body = b;
      return res;
    },
  };
  const host = { switchToHttp: () => ({ getResponse: () => res }) } as unknown as ArgumentsHost;
  new ErrorFilter().catch(exception, host);
  return { status: out.status!, body: out.body! };
}

const EXPECTED: Record<RejectionCode, number> = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  WRONG_STATE: 409,
  TOO_LARGE: 413,
  UNSUPPORTED_TYPE: 415,
  RULE_VIOLATION: 422,
  UNAVAILABLE: 503,
};

describe('ErrorFilter', () => {
  it.each(REJECTION_CODES.map((c) => [c, EXPECTED[c]] as const))('answers a Refused %s with %i', (code, status) => {
    const { status: got, body } = answerTo(new Refused(code, 'why', { rule: 'some.rule' }));
    expect(got).toBe(status);
    expect(body).toMatchObject({ statusCode: status, message: 'why', rule: 'some.rule', requestId: 'req-1' });
  });

  it('keeps the fields at fault and what the rule found', () => {
    expect(answerTo(Refused.invalidField('unitCode', 'unknown unit')).body).toMatchObject({
      statusCode: 400,
      error: 'Bad Request',
      message: 'unknown unit',
      fields: { unitCode: ['unknown unit'] },
    });
    expect(answerTo(Refused.of(reject('RULE_VIOLATION', 'r.x', 'no', { missing: ['a'] }))).body).toMatchObject({
      statusCode: 422,
      rule: 'r.x',
      details: { missing: ['a'] },
    });
    expect(answerTo(Refused.conflict('busy')).body).not.toHaveProperty('rule');
  });

  it("maps a workflow's refusal by the same codes", () => {
    const failure = ApplicationFailure.create({
      type: 'FORBIDDEN',
      message: 'not yours',
      details: [{ rule: 'dossier.scope' }],
    });
    const e = new WorkflowUpdateFailedError('Workflow Update failed', failure);
    expect(answerTo(e)).toMatchObject({ status: 403, body: { rule: 'dossier.scope', message: 'not yours' } });
  });

  it("answers Nest's own exceptions with their status, and anything else with a 500 that says nothing", () => {
    expect(answerTo(new NotFoundException('Cannot GET /x')).status).toBe(404);
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const bug = answerTo(new Error('secret detail'));
    expect(bug).toMatchObject({ status: 500, body: { message: 'Internal error' } });
    expect(logged).toHaveBeenCalledTimes(1);
    logged.mockRestore();
  });

  it('answers a failed terminus health check with its own result (the failing check named), not flattened', () => {
    const result = {
      status: 'error',
      info: { database: { status: 'up', responseTime: 3 } },
      error: { temporal: { status: 'down', message: 'timeout of 2000ms exceeded', responseTime: 2001 } },
      details: {
        database: { status: 'up', responseTime: 3 },
        temporal: { status: 'down', message: 'timeout of 2000ms exceeded', responseTime: 2001 },
      },
    };
    // What HealthCheckService.check throws when an indicator is down.
    expect(answerTo(new ServiceUnavailableException(result))).toEqual({
      status: 503,
      body: { ...result, requestId: 'req-1' },
    });
    // A 503 of any other shape still gets the one error shape.
    expect(answerTo(new ServiceUnavailableException({ status: 'ok' }))).toMatchObject({
      status: 503,
      body: { statusCode: 503, error: 'Service Unavailable', requestId: 'req-1' },
    });
  });
});
