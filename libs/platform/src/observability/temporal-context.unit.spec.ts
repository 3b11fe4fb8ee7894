import { defaultPayloadConverter } from '@temporalio/common';
import { REQUEST_CONTEXT_HEADER } from '@tdkt/workflows/src/request-context-header';
import { metricsRegistry } from './metrics';
import { observeAppend, readContextHeader } from './temporal-context';

const value = async (name: string, labels: Record<string, string> = {}) => {
  const metric = (await metricsRegistry.getMetricsAsJSON()).find((m) => m.name === name);
  const hit = (metric?.values ?? []).find(
    (v) =>
      Object.entries(labels).every(([k, l]) => v.labels[k] === l) &&
      (!('metricName' in v) || v.metricName === name || v.metricName === `${name}_count`),
  );
  return hit?.value ?? 0;
};

const envelope = (seq: number, requestId: string, type = 'AppraisalEscalated') => ({
  dossierId: 'd',
  seq,
  type,
  occurredAt: new Date(Date.now() - 2000).toISOString(),
  requestId,
});

describe('append metrics', () => {
  it("counts a deadline timer's append once, by its first event type; a retried append that stored nothing is not counted again", async () => {
    const before = await value('tdkt_deadline_timers_fired_total', { event: 'AppraisalEscalated' });
    observeAppend('appendEvents', [[envelope(4, 'timer:d:3:EscalateAppraisal')]], { appended: 1 }, 0.01);
    observeAppend('appendEvents', [[envelope(4, 'timer:d:3:EscalateAppraisal')]], { appended: 0 }, 0.01);
    observeAppend('appendEvents', [[envelope(5, 'user-request-1', 'UnitApproved')]], { appended: 1 }, 0.01);
    expect((await value('tdkt_deadline_timers_fired_total', { event: 'AppraisalEscalated' })) - before).toBe(1);
    expect(await value('tdkt_deadline_timers_fired_total', { event: 'UnitApproved' })).toBe(0);
  });

  it('measures the projection lag from the event decided to the append committed', async () => {
    const before =
      (await metricsRegistry.getSingleMetric('tdkt_projection_lag_seconds')?.get())?.values.find(
        (v) => (v as { metricName?: string }).metricName === 'tdkt_projection_lag_seconds_sum',
      )?.value ?? 0;
    observeAppend('appendSessionEvents', [[envelope(1, 'r')]], { appended: 1 }, 0.01);
    const after =
      (await metricsRegistry.getSingleMetric('tdkt_projection_lag_seconds')?.get())?.values.find(
        (v) => (v as { metricName?: string }).metricName === 'tdkt_projection_lag_seconds_sum',
      )?.value ?? 0;
    expect(after - before).toBeGreaterThanOrEqual(2);
  });
});

describe('the request-context header', () => {
  it('reads request id and actor id, and nothing else, from the header', () => {
    const payload = defaultPayloadConverter.toPayload({
      requestId: 'r-1',
      actorId: 'clerk-1',
      fullName: 'Nguyễn Thị Lan',
    });
    expect(readContextHeader({ [REQUEST_CONTEXT_HEADER]: payload })).toEqual({ requestId: 'r-1', actorId: 'clerk-1' });
    expect(readContextHeader({})).toEqual({});
  });
});
