import { describe, expect, it } from 'vitest';
import { replicationStreams } from '../rng/Streams.js';
import type { ArrivalSource } from './ArrivalSource.js';
import { ArrivalsUntil } from './ArrivalsUntil.js';
import { PiecewisePoissonArrivals } from './PiecewisePoissonArrivals.js';

const listed = (times: readonly number[]): ArrivalSource => {
  let i = 0;
  return { next: () => times[i++] ?? Number.POSITIVE_INFINITY };
};

const drain = (source: ArrivalSource): number[] => {
  const out: number[] = [];
  for (let t = source.next(); t !== Number.POSITIVE_INFINITY; t = source.next()) out.push(t);
  return out;
};

describe('ArrivalsUntil', () => {
  it('keeps the arrivals before untilS and none after, without resumeAtS', () => {
    expect(drain(new ArrivalsUntil(listed([1, 5, 9, 10, 12, 30]), 10))).toEqual([1, 5, 9]);
  });

  it('drops the window [untilS, resumeAtS) and keeps what comes from resumeAtS on', () => {
    expect(drain(new ArrivalsUntil(listed([1, 5, 9, 10, 12, 19, 20, 30]), 10, 20))).toEqual([
      1, 5, 9, 20, 30,
    ]);
  });

  it('resumes with exactly the draws the uncut process has after the window (same stream)', () => {
    const rate = new Float64Array(24).fill(0.05); // 180 an hour for a day
    const source = () =>
      new PiecewisePoissonArrivals(rate, 3600, replicationStreams(7, 0).stream('phone.arrivals'));
    const whole = drain(source());
    const cut = drain(new ArrivalsUntil(source(), 9 * 3600, 10 * 3600));
    expect(cut).toEqual(whole.filter((t) => t < 9 * 3600 || t >= 10 * 3600));
    // The hour cut out held about 180 arrivals (Poisson: within 5 standard deviations).
    expect(Math.abs(whole.length - cut.length - 180)).toBeLessThan(5 * Math.sqrt(180));
  });
});
