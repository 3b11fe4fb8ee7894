import { bucketOf, percentileOf, type Bucket } from './statistics-aggregates';

const DAY = 86_400_000;
/** A histogram of durations given in days, as the aggregate keeps it (a bucket's sum in days). */
const histogram = (days: number[]): Bucket[] => {
  const byBucket = new Map<number, Bucket>();
  for (const d of days) {
    const bucket = bucketOf(Math.round(d * DAY));
    const b = byBucket.get(bucket) ?? byBucket.set(bucket, { bucket, n: 0, sum: 0 }).get(bucket)!;
    b.n += 1;
    b.sum += d;
  }
  return [...byBucket.values()];
};
/** percentile_cont over the exact values. */
const exact = (days: number[], p: number): number => {
  const xs = [...days].sort((a, b) => a - b);
  const pos = p * (xs.length - 1);
  const lo = Math.floor(pos);
  return lo === pos ? xs[lo] : xs[lo] + (pos - lo) * (xs[lo + 1] - xs[lo]);
};

describe('the duration buckets', () => {
  it('are whole hours below a day, then two significant digits of days, in increasing order', () => {
    expect([0, 3_600_000 - 1, 3_600_000, DAY - 1].map(bucketOf)).toEqual([0, 0, 1, 23]);
    expect([1, 1.1, 9.9, 10, 11, 99, 100, 110, 999, 1000, 1e6].map((d) => bucketOf(d * DAY))).toEqual([
      24, 25, 113, 114, 115, 203, 204, 205, 293, 294, 393,
    ]);
    expect(bucketOf(-1)).toBe(-1);
  });
});

describe('percentiles read from the histogram', () => {
  it('equal percentile_cont while no bucket mixes two durations (whole days)', () => {
    const days = [1, 2, 3, 4, 10, 45, 45, 12, 0.5];
    for (const p of [0, 0.5, 0.9, 1]) expect(percentileOf(histogram(days), p)).toBeCloseTo(exact(days, p), 9);
  });

  it('stay within the width of a bucket when one mixes durations', () => {
    const days = [2.31, 2.34, 2.38, 5.5, 7.02, 7.07, 31.2, 31.9, 64];
    for (const p of [0.5, 0.9]) {
      const got = percentileOf(histogram(days), p)!;
      expect(Math.abs(got - exact(days, p))).toBeLessThanOrEqual(0.1 * exact(days, p));
    }
  });

  it('is null for an empty histogram', () => {
    expect(percentileOf([], 0.5)).toBeNull();
    expect(percentileOf([{ bucket: 3, n: 0, sum: 0 }], 0.9)).toBeNull();
  });
});
