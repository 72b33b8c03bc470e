import { describe, expect, it } from 'vitest';
import { portalScenario } from '../../../sim/channels/portal/testing.js';
import { compileProfile } from '../compileProfile.js';
import type { PortalReplayPlan } from './portalProfile.js';
import { largestOverlap } from './portalProfile.js';

// The portal's plan against the scenario it comes from: counts per interval are Poisson at the
// scenario's rate, documents follow the scenario's count distribution and the replay block's kinds and
// sizes, bad uploads its refusal shares, status checks the scenario's rate within the window. The test
// ecosystem has 2,000 applications a day, flat: 2000 / 48 per half hour, no day-to-day variability.
const PER_INTERVAL = 2000 / 48;
const TIME_SCALE = 60;

const scenario = portalScenario((f) => {
  f.channels.portal.documents = { kind: 'empirical', values: [2, 3, 4], weights: [0.4, 0.4, 0.2] };
  f.channels.portal.statusChecks.perDay = 48;
  f.channels.portal.replay = { pdfShare: 0.3, documentKB: { min: 10, max: 50 }, badUploads: true };
});

function plan(seed: number, from = '09:00', to = '10:00'): PortalReplayPlan {
  return compileProfile(scenario, { day: 0, from, to }, TIME_SCALE, { seed }).channels.portal!;
}

/** |observed - expected| within 4 standard deviations. */
const within4sd = (observed: number, expected: number, sd: number) =>
  expect(Math.abs(observed - expected)).toBeLessThan(4 * sd);

const SEEDS = Array.from({ length: 100 }, (_, i) => i + 1);
const plans = SEEDS.map((seed) => plan(seed));
const applications = plans.flatMap((p) => p.applications);

describe('portalPlan: the applications of a replay window', () => {
  it('draws Poisson counts per interval at the scenario rate: mean and variance over 100 seeds', () => {
    for (const k of [0, 1]) {
      const counts = plans.map((p) => p.cumulative[k + 1]! - p.cumulative[k]!);
      const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
      const variance = counts.reduce((a, c) => a + (c - mean) ** 2, 0) / (counts.length - 1);
      expect(plans[0]!.intervals[k]!.expectedCalls).toBeCloseTo(PER_INTERVAL, 9);
      within4sd(mean, PER_INTERVAL, Math.sqrt(PER_INTERVAL / counts.length));
      // Poisson: variance = mean; the sample variance's sd is about mean * sqrt(2 / (n - 1)).
      within4sd(variance, PER_INTERVAL, PER_INTERVAL * Math.sqrt(2 / (counts.length - 1)));
    }
    for (const p of plans) expect(p.applications).toHaveLength(p.plannedApplications);
  });

  it("documents: counts follow the scenario's distribution, kinds the PDF share, sizes uniform in the range", () => {
    const n = applications.length;
    for (const [value, p] of [
      [2, 0.4],
      [3, 0.4],
      [4, 0.2],
    ] as const) {
      const seen = applications.filter((a) => a.refusal !== 'tooBig' && a.documents.length === value).length;
      const trials = applications.filter((a) => a.refusal !== 'tooBig').length;
      within4sd(seen / trials, p, Math.sqrt((p * (1 - p)) / trials));
    }
    const valid = applications.filter((a) => a.refusal === null).flatMap((a) => a.documents);
    const pdfs = valid.filter((d) => d.kind === 'pdf').length;
    within4sd(pdfs / valid.length, 0.3, Math.sqrt((0.3 * 0.7) / valid.length));
    const [min, max] = [10 * 1024, 50 * 1024];
    for (const d of valid) expect(d.bytes >= min && d.bytes <= max, String(d.bytes)).toBe(true);
    const meanBytes = valid.reduce((a, d) => a + d.bytes, 0) / valid.length;
    within4sd(meanBytes, (min + max) / 2, (max - min) / Math.sqrt(12 * valid.length));
    expect(n).toBeGreaterThan(5000);
  });

  it("bad uploads follow validation.refused's shares; each carries what the portal refuses for", () => {
    const n = applications.length;
    for (const [reason, p] of [
      ['wrongType', 0.05],
      ['tooBig', 0.05],
      ['badField', 0.1],
    ] as const) {
      const bad = applications.filter((a) => a.refusal === reason);
      within4sd(bad.length / n, p, Math.sqrt((p * (1 - p)) / n));
      if (reason === 'wrongType') for (const a of bad) expect(a.documents[0]!.kind).toBe('text');
      if (reason === 'tooBig')
        for (const a of bad) expect(a.documents[0]!.bytes).toBeGreaterThan(5 * 1024 * 1024);
    }
    const off = compileProfile(
      portalScenario((f) => {
        f.channels.portal.statusChecks.perDay = 48;
      }),
      { day: 0, from: '09:00', to: '10:00' },
      TIME_SCALE,
      { seed: 1 },
    ).channels.portal!;
    expect(
      off.applications.every((a) => a.refusal === null && a.documents.every((d) => d.kind !== 'text')),
    ).toBe(true);
  });

  it('status checks: a Poisson process at statusChecks.perDay from each submission, cut at the window end', () => {
    const ratePerS = 48 / 86_400;
    let expected = 0;
    let observed = 0;
    for (const seed of SEEDS.slice(0, 20)) {
      const profile = compileProfile(scenario, { day: 0, from: '09:00', to: '10:00' }, TIME_SCALE, { seed });
      const { startS, endS } = profile.window;
      const p = profile.channels.portal!;
      p.applications.forEach((a, n) => {
        if (a.refusal !== null) {
          expect(a.checksAfterMs).toEqual([]);
          return;
        }
        const arrivalS = startS + ((p.offsetsMs[n]! - profile.leadMs) / 1000) * TIME_SCALE;
        expected += ratePerS * (endS - arrivalS);
        observed += a.checksAfterMs.length;
        let last = 0;
        for (const after of a.checksAfterMs) {
          expect(after).toBeGreaterThan(last);
          expect(arrivalS + (after / 1000) * TIME_SCALE).toBeLessThan(endS + 1e-3);
          last = after;
        }
      });
    }
    // A sum of independent Poisson counts: Poisson with the summed mean.
    expect(expected).toBeGreaterThan(500);
    within4sd(observed, expected, Math.sqrt(expected));
  });

  it('sizes the VU pool by the largest overlap of submission-to-last-check spans', () => {
    expect(largestOverlap([])).toBe(0);
    // [0,10) [5,15) [10,20) [12,13): at 12 three are open; a span ending at 10 is closed when one starts at 10.
    expect(
      largestOverlap([
        { from: 0, to: 10 },
        { from: 5, to: 15 },
        { from: 10, to: 20 },
        { from: 12, to: 13 },
      ]),
    ).toBe(3);
    for (const p of plans.slice(0, 5)) expect(p.preAllocatedVUs).toBeGreaterThan(5);
  });
});
