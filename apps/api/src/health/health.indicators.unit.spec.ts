/** The readiness indicators' probe on terminus's HealthIndicatorService: up, down with a masked message, timed out. */
import { HealthIndicatorService } from '@nestjs/terminus';
import { probe } from './health.indicators';

const indicators = new HealthIndicatorService();

describe('readiness probe (terminus indicator)', () => {
  it('is up with its response time when the dependency answers', async () => {
    const r = await probe(indicators, 'database', async () => [{ '?column?': 1 }]);
    expect(r.database.status).toBe('up');
    expect(r.database.responseTime).toBeGreaterThanOrEqual(0);
    // What the probe returned never becomes part of the answer.
    expect(Object.keys(r.database).sort()).toEqual(['responseTime', 'status']);
  });

  it("is down with the error's message, the password of any URL in it masked", async () => {
    const r = await probe(indicators, 'database', () =>
      Promise.reject(new Error('connect ECONNREFUSED for postgres://tdkt_app:s3cret@db:5432/tdkt')),
    );
    expect(r.database).toMatchObject({
      status: 'down',
      message: 'connect ECONNREFUSED for postgres://tdkt_app:***@db:5432/tdkt',
    });
    expect(JSON.stringify(r)).not.toContain('s3cret');
  });

  it('is down when the dependency does not answer within the limit (a hung dependency is not ready)', async () => {
    const r = await probe(indicators, 'temporal', () => new Promise(() => undefined), 50);
    expect(r.temporal).toMatchObject({ status: 'down', message: 'timeout of 50ms exceeded' });
    expect(r.temporal.responseTime).toBeGreaterThanOrEqual(45);
  });
});
