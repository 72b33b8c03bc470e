import { describe, expect, it } from 'vitest';
import { alignRuns } from './alignRuns.js';
import { predictionCharts, tally } from './predictionCharts.js';
import { fakeRun } from './testing/fakeRun.js';

const perDay = 48;
const fill = (v: number | null) => Array<number | null>(perDay).fill(v);

describe('predictionCharts: the measured run on the prediction band', () => {
  // 10 replications: one replication's band is the CI half-width times √11 = 3.3166.
  // Interval 18 (09:00): mean 0.5, CI ±0.03 -> band ±0.0995; 0.59 is inside. Interval 19: 0.62 is outside.
  const sim = fakeRun({
    kind: 'sim',
    replications: 10,
    intervals: { slOffered: fill(0.5), abandonRate: fill(0.1) },
    bounds: {
      slOffered: { lo: fill(0.47), hi: fill(0.53) },
      abandonRate: { lo: fill(0.09), hi: fill(0.11) },
    },
  });
  const sl = fill(null);
  sl[18] = 0.59;
  sl[19] = 0.62;
  const k6 = fakeRun({
    kind: 'k6',
    window: { day: 1, from: '09:00', to: '10:00' },
    intervals: { slOffered: sl, abandonRate: fill(null) },
  });

  it('counts intervals outside the band of one replication and marks them', () => {
    const charts = predictionCharts([sim, k6], alignRuns([sim, k6]));
    const slChart = charts.find((c) => c.metric === 'slOffered')!;
    expect(slChart.judged).toBe(2);
    expect(slChart.outside).toBe(1);
    const band = slChart.chart.series[0]!.band!;
    expect(band.hi[18]).toBeCloseTo(0.5 + 0.03 * Math.sqrt(11), 3);
    const marker = slChart.chart.series.find((s) => s.label === 'B outside the band')!;
    expect(marker.values.flatMap((v, i) => (v === null ? [] : [i]))).toEqual([19]);
    expect(slChart.chart.focus).toEqual([
      Date.parse('2020-12-07T09:00:00Z') / 1000,
      Date.parse('2020-12-07T10:00:00Z') / 1000,
    ]);
    expect(slChart.summary).toBe(
      '1 of 2 intervals outside the band, 5% expected by chance (0.1); 1 or more by chance alone: 9.8%',
    );
    // abandonRate: no measurement in any interval, nothing judged.
    expect(charts.find((c) => c.metric === 'abandonRate')!.judged).toBe(0);
  });

  it('draws nothing for two sim runs', () => {
    expect(predictionCharts([sim, sim], alignRuns([sim, sim]))).toEqual([]);
  });

  it('words the tally', () => {
    expect(tally(0, 0)).toBe('No interval has both a band and a measurement');
    expect(tally(0, 40)).toBe('0 of 40 intervals outside the band, 5% expected by chance (2)');
  });
});
