import { describe, expect, it } from 'vitest';
import type { ConditionalPrediction } from './conditionalPrediction.js';
import { conditionalPredictionLines } from './conditionalPredictionLines.js';

describe('conditionalPredictionLines: the text of the figures --json carries', () => {
  const prediction: ConditionalPrediction = {
    seed: 1,
    givenReplication: 0,
    branches: 30,
    window: { day: 1, from: '09:00', to: '10:00' },
    metrics: [
      {
        channel: 'phone',
        metric: 'slOffered',
        mean: 0.215,
        oneReplay95: [0, 0.457],
        measured: 0.074,
        inside: true,
      },
      {
        channel: 'phone',
        metric: 'asaS',
        mean: 66.6,
        oneReplay95: [51.7, 81.4],
        measured: 90,
        inside: false,
      },
      {
        channel: 'phone',
        metric: 'abandonRate',
        mean: null,
        oneReplay95: null,
        measured: null,
        inside: null,
      },
    ],
  };

  it('prints each metric with its range and verdict, from the same figures', () => {
    const [head, line] = conditionalPredictionLines(prediction);
    expect(head).toContain("given the mocks' morning (30 branches of replication 0 from 09:00");
    expect(line).toContain('SL (slOffered) 21.5% [0.0% to 45.7%] (replay inside)');
    expect(line).toMatch(/ASA 66\.6 s \[51\.7 s to 81\.4 s\] \(replay OUTSIDE\)/);
    expect(line).toContain('abandon rate -');
  });
});
