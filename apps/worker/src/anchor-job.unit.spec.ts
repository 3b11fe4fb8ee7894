/** The worker's anchor job: on its period, without waiting for another replica's lock, never overlapping, stoppable. */
import type { AnchorResult } from '@tdkt/persistence';
import { anchorIntervalSeconds, DEFAULT_ANCHOR_INTERVAL_SECONDS, startAnchorJob } from './anchor-job';

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const quiet = () => ({ error: jest.fn(), warn: jest.fn() });

it('anchors once per period, with wait=false so another replica holding the lock means a skipped turn', async () => {
  const anchor = jest.fn(async (): Promise<AnchorResult> => ({ created: true, changed: 1, refused: [] }));
  const job = startAnchorJob({ anchor }, 600, quiet());
  await jest.advanceTimersByTimeAsync(599_000);
  expect(anchor).not.toHaveBeenCalled();
  await jest.advanceTimersByTimeAsync(1_000);
  expect(anchor).toHaveBeenCalledWith({ wait: false });
  await jest.advanceTimersByTimeAsync(1_200_000);
  expect(anchor).toHaveBeenCalledTimes(3);
  await job.stop();
  await jest.advanceTimersByTimeAsync(1_200_000);
  expect(anchor).toHaveBeenCalledTimes(3);
});

it('a run still going when the period comes round is not started twice; stop waits for it', async () => {
  let finish: (r: AnchorResult) => void = () => undefined;
  const anchor = jest.fn(() => new Promise<AnchorResult>((ok) => (finish = ok)));
  const job = startAnchorJob({ anchor }, 10, quiet());
  await jest.advanceTimersByTimeAsync(35_000);
  expect(anchor).toHaveBeenCalledTimes(1);
  let stopped = false;
  const stopping = job.stop().then(() => (stopped = true));
  await jest.advanceTimersByTimeAsync(0);
  expect(stopped).toBe(false);
  finish({ created: false, changed: 0, refused: [] });
  await stopping;
  expect(stopped).toBe(true);
});

it('a failed run is logged and the next period tries again; refused streams are logged as errors', async () => {
  const log = quiet();
  const anchor = jest
    .fn<Promise<AnchorResult>, [{ wait: boolean }]>()
    .mockRejectedValueOnce(new Error('connection lost'))
    .mockResolvedValue({ created: false, changed: 0, refused: [{ streamId: 's-1', seq: 4, hash: 'h' }] });
  const job = startAnchorJob({ anchor }, 60, log);
  await jest.advanceTimersByTimeAsync(120_000);
  expect(log.warn).toHaveBeenCalledWith(expect.stringContaining('connection lost'));
  expect(log.error).toHaveBeenCalledWith(
    expect.stringContaining('stream s-1 no longer continues its anchored event 4'),
  );
  await job.stop();
});

it('the period is configurable, 0 switches the job off, and a bad value stops the worker', async () => {
  expect(anchorIntervalSeconds({})).toBe(DEFAULT_ANCHOR_INTERVAL_SECONDS);
  expect(anchorIntervalSeconds({ TDKT_ANCHOR_INTERVAL_SECONDS: '30' })).toBe(30);
  expect(() => anchorIntervalSeconds({ TDKT_ANCHOR_INTERVAL_SECONDS: 'ten minutes' })).toThrow(
    /TDKT_ANCHOR_INTERVAL_SECONDS/,
  );
  const anchor = jest.fn();
  const off = startAnchorJob({ anchor }, anchorIntervalSeconds({ TDKT_ANCHOR_INTERVAL_SECONDS: '0' }), quiet());
  await jest.advanceTimersByTimeAsync(86_400_000);
  expect(anchor).not.toHaveBeenCalled();
  await off.stop();
});
