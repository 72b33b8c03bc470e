import { describe, expect, it } from 'vitest';
import { InputError } from '../../scenarios/inputError.js';
import { loadScenarioFile } from '../../scenarios/loadScenario.js';
import { Gamma } from '../../sim/distributions/Gamma.js';
import { createStream } from '../../sim/rng/createStream.js';
import { compileProfile, parseClock } from './compileProfile.js';
import { phoneThresholds } from './phone/phoneProfile.js';

const covid = loadScenarioFile('scenarios/covid-hotline.json');
const mmc = loadScenarioFile('scenarios/stationary-mmc.json');

/** The profile with phone's plan at its top: the stages, calls and callers these tests check are phone's. */
function compilePhone(...args: Parameters<typeof compileProfile>) {
  const profile = compileProfile(...args);
  return { ...profile, ...profile.channels.phone! };
}

/** What k6 starts in each hold stage: target per timeUnit over the stage's duration. */
function startedPerInterval(profile: ReturnType<typeof compilePhone>): number[] {
  return profile.intervals.map((i) => {
    const hold = profile.stages[profile.intervals.indexOf(i) * 2 + 1]!;
    return (hold.target * Number.parseInt(hold.duration, 10)) / profile.timeUnitMs;
  });
}

describe('compileProfile', () => {
  it('keeps every interval count within 1 of the scenario, whatever the time scale', () => {
    for (const timeScale of [1, 7, 60, 120, 333.3, 1000]) {
      for (const day of [0, covid.calendar.days - 1]) {
        const profile = compilePhone(covid, { day, from: '00:00', to: '24:00' }, timeScale, {
          arrivals: 'even',
        });
        expect(profile.intervals).toHaveLength(covid.calendar.intervalsPerDay);
        const started = startedPerInterval(profile);
        profile.intervals.forEach((interval, j) => {
          expect(interval.index).toBe(day * covid.calendar.intervalsPerDay + j);
          expect(Number.isInteger(interval.target)).toBe(true);
          expect(
            Math.abs(started[j]! - covid.channels.phone!.expectedCalls[interval.index]!),
          ).toBeLessThanOrEqual(1);
          expect(Math.abs(interval.plannedCalls - interval.expectedCalls)).toBeLessThanOrEqual(1);
        });
        const total = covid.channels
          .phone!.expectedCalls.slice(
            day * covid.calendar.intervalsPerDay,
            (day + 1) * covid.calendar.intervalsPerDay,
          )
          .reduce((a, b) => a + b, 0);
        // Rounding errors do not pile up beyond half a call per interval.
        expect(Math.abs(profile.plannedCalls - total)).toBeLessThanOrEqual(
          0.5 * profile.intervals.length + 1,
        );
      }
    }
  });

  it('prorates intervals cut by the window and still keeps their counts within 1', () => {
    const profile = compilePhone(covid, { day: 0, from: '08:10', to: '09:50' }, 90, { arrivals: 'even' });
    const { intervalS } = covid.calendar;
    const first = profile.intervals[0]!;
    expect(first.modelStartS).toBe(8 * 3600 + 600);
    expect(profile.intervals.at(-1)!.modelEndS).toBe(9 * 3600 + 50 * 60);
    const started = startedPerInterval(profile);
    profile.intervals.forEach((interval, j) => {
      const share = (interval.modelEndS - interval.modelStartS) / intervalS;
      expect(interval.expectedCalls).toBeCloseTo(
        covid.channels.phone!.expectedCalls[interval.index]! * share,
        9,
      );
      expect(Math.abs(started[j]! - interval.expectedCalls)).toBeLessThanOrEqual(1);
    });
  });

  it('is a zero-length jump plus a hold per interval, with timeUnit = one compressed interval', () => {
    const profile = compilePhone(mmc, { day: 0, from: '00:00', to: '02:00' }, 120, { arrivals: 'even' });
    expect(profile.timeUnitMs).toBe(15_000);
    expect(profile.stages).toEqual([
      { duration: '0s', target: 100 },
      { duration: '15000ms', target: 100 },
      { duration: '0s', target: 100 },
      { duration: '15000ms', target: 100 },
      { duration: '0s', target: 100 },
      { duration: '15000ms', target: 100 },
      { duration: '0s', target: 100 },
      { duration: '15000ms', target: 100 },
      // tail: ten gaps so that k6 starts every planned iteration (extra ones are no-ops)
      { duration: '1500ms', target: 100 },
    ]);
    expect(profile.cumulative).toEqual([0, 100, 200, 300, 400]);
    expect(profile.plannedCalls).toBe(400);
    // k6 starts iteration 0 one gap (15,000 ms / 100) after the start.
    expect(profile.firstCallWallMs).toBe(150);
    expect(profile.durationS).toBe(60);
  });

  it('sizes the VU pool from the predicted concurrency, with headroom', () => {
    const profile = compilePhone(mmc, { day: 0, from: '00:00', to: '02:00' }, 120, { arrivals: 'even' });
    // 100 calls per 15 s = 6.67/s; a call holds a VU at most ~ mean patience 300 s / 120 = 2.5 s.
    expect(profile.peakConcurrency).toBeCloseTo((100 / 15_000) * (2500 + 50), 6);
    expect(profile.preAllocatedVUs).toBeGreaterThanOrEqual(profile.peakConcurrency * 1.5);
    expect(profile.maxVUs).toBeGreaterThan(profile.preAllocatedVUs);
    // Poisson arrivals also hold a VU while it sleeps until its arrival (about the lead).
    const poisson = compilePhone(mmc, { day: 0, from: '00:00', to: '02:00' }, 120);
    const peakRate = Math.max(...poisson.intervals.map((i) => i.target)) / 15_000;
    expect(poisson.peakConcurrency).toBeCloseTo(peakRate * (poisson.leadMs + 2550), 6);
  });

  describe('poisson arrivals', () => {
    it('draws Poisson counts: mean and variance equal the expected calls', () => {
      const counts: number[] = [];
      for (let seed = 0; seed < 300; seed++) {
        const profile = compilePhone(mmc, { day: 0, from: '00:00', to: '02:00' }, 120, { seed });
        counts.push(...profile.intervals.map((i) => i.drawnCalls));
      }
      const mean = counts.reduce((a, b) => a + b, 0) / counts.length;
      const variance = counts.reduce((a, c) => a + (c - mean) ** 2, 0) / (counts.length - 1);
      // 1,200 draws of Poisson(100): the mean has sd 0.29, the variance sd about 4.1.
      expect(Math.abs(mean - 100)).toBeLessThan(4 * 0.29);
      expect(Math.abs(variance - 100)).toBeLessThan(4 * 4.1);
    });

    it('k6 starts each interval with its drawn count, and every arrival is after its iteration starts', () => {
      const profile = compilePhone(covid, { day: 0, from: '08:10', to: '11:00' }, 60, { seed: 3 });
      const started = startedPerInterval(profile);
      expect(profile.offsetsMs).toHaveLength(profile.plannedCalls);
      let wallStart = 0;
      let exactBefore = 0;
      profile.intervals.forEach((interval, k) => {
        expect(Math.abs(started[k]! - interval.drawnCalls)).toBeLessThanOrEqual(1);
        const rate = interval.target / profile.timeUnitMs;
        for (let n = profile.cumulative[k]!; n < profile.cumulative[k + 1]!; n++) {
          const at = profile.offsetsMs[n]!;
          // k6 starts iteration n when the integral of the rate reaches n + 1.
          const lattice = wallStart + (n + 1 - exactBefore) / rate;
          expect(at).toBeGreaterThanOrEqual(lattice + 99);
          expect(at - profile.leadMs).toBeGreaterThanOrEqual(wallStart - 0.05);
          expect(at - profile.leadMs).toBeLessThan(wallStart + interval.wallMs + 0.05);
          if (n > profile.cumulative[k]!) expect(at).toBeGreaterThanOrEqual(profile.offsetsMs[n - 1]!);
        }
        wallStart += interval.wallMs;
        exactBefore += interval.plannedCalls;
      });
      expect(profile.firstCallWallMs).toBe(profile.offsetsMs[0]! - profile.leadMs);
      // The lead is what the sorted uniforms need, not a whole interval.
      expect(profile.leadMs).toBeLessThan(profile.timeUnitMs / 4);
    });

    it("one lead for every channel of a replay (ecosystem: phone and chat): each channel's arrivals after its iterations start, on one clock", () => {
      const ecosystem = loadScenarioFile('scenarios/ecosystem.json');
      const profile = compileProfile(ecosystem, { day: 0, from: '09:00', to: '11:00' }, 60, { seed: 2 });
      const { phone, chat } = profile.channels;
      const ownLeads: number[] = [];
      for (const plan of [phone!, chat!]) {
        expect(plan.intervals.map((i) => i.index)).toEqual(profile.intervals.map((i) => i.index));
        let wallStart = 0;
        let exactBefore = 0;
        let lag = 0;
        plan.intervals.forEach((interval, k) => {
          const rate = interval.target / profile.timeUnitMs;
          for (let n = plan.cumulative[k]!; n < plan.cumulative[k + 1]!; n++) {
            const at = plan.offsetsMs[n]!;
            const lattice = wallStart + (n + 1 - exactBefore) / rate;
            expect(at).toBeGreaterThanOrEqual(lattice + 99);
            expect(at - profile.leadMs).toBeGreaterThanOrEqual(wallStart - 0.05);
            expect(at - profile.leadMs).toBeLessThan(wallStart + interval.wallMs + 0.05);
            lag = Math.max(lag, lattice - (at - profile.leadMs));
          }
          wallStart += interval.wallMs;
          exactBefore += interval.plannedCalls;
        });
        ownLeads.push(Math.ceil(lag + 100));
      }
      // The one lead is what the channel that needs more needs (offsets are kept to 0.1 ms: within 1 ms).
      expect(Math.abs(profile.leadMs - Math.max(...ownLeads))).toBeLessThanOrEqual(1);
      const first = Math.min(phone!.offsetsMs[0]!, chat!.offsetsMs[0]!);
      expect(profile.firstCallWallMs).toBeCloseTo(first - profile.leadMs, 6);
      expect(profile.thresholds).toEqual({ ...phone!.thresholds, ...chat!.thresholds });
    });

    it('spreads arrivals uniformly within an interval', () => {
      const profile = compilePhone(covid, { day: 0, from: '10:00', to: '10:30' }, 60, { seed: 9 });
      const [interval] = profile.intervals;
      const n = profile.offsetsMs.length;
      const firstHalf = profile.offsetsMs.filter((t) => t - profile.leadMs < interval!.wallMs / 2).length;
      // Binomial(n, 1/2): sd = sqrt(n) / 2.
      expect(Math.abs(firstHalf - n / 2)).toBeLessThan(4 * (Math.sqrt(n) / 2));
      expect(n).toBeGreaterThan(1000);
    });

    it('the same seed draws the same schedule; another seed does not', () => {
      const a = compilePhone(mmc, { day: 0, from: '00:00', to: '01:00' }, 60, { seed: 5 });
      const b = compilePhone(mmc, { day: 0, from: '00:00', to: '01:00' }, 60, { seed: 5 });
      const c = compilePhone(mmc, { day: 0, from: '00:00', to: '01:00' }, 60, { seed: 6 });
      expect(b.offsetsMs).toEqual(a.offsetsMs);
      expect(c.offsetsMs).not.toEqual(a.offsetsMs);
    });

    it('the same seed gives the same calls, callers and retrials; another seed other ones (covid, dailyCv)', () => {
      const window = { day: 2, from: '09:00', to: '10:00' };
      const a = compilePhone(covid, window, 120, { seed: 'q' });
      const b = compilePhone(covid, window, 120, { seed: 'q' });
      const c = compilePhone(covid, window, 120, { seed: 'r' });
      expect(JSON.stringify(b)).toBe(JSON.stringify(a));
      // Retrial decisions and delays are planned, from the seeded stream (k6 draws nothing).
      expect(a.callers.some((caller) => caller.d.length > 0)).toBe(true);
      expect(c.intervals.map((i) => i.drawnCalls)).not.toEqual(a.intervals.map((i) => i.drawnCalls));
      expect(JSON.stringify(c.callers)).not.toBe(JSON.stringify(a.callers));
    });

    it('--warmup: replays earlier, marks the warm-up intervals unmeasured, keeps the window the same', () => {
      const window = { day: 0, from: '09:00', to: '10:00' };
      const plain = compilePhone(covid, window, 120, { seed: 4 });
      const warm = compilePhone(covid, window, 120, { seed: 4, warmupS: 5400 });
      expect(warm.warmupS).toBe(5400);
      expect(warm.window).toMatchObject({ startS: 7.5 * 3600, measuredFromS: 9 * 3600, endS: 10 * 3600 });
      expect(warm.intervals.map((i) => [i.index, i.measured])).toEqual([
        [15, false],
        [16, false],
        [17, false],
        [18, true],
        [19, true],
      ]);
      expect(plain.intervals.every((i) => i.measured)).toBe(true);
      expect(plain.window.startS).toBe(plain.window.measuredFromS);
      // The window's expectation is the same; the warm-up adds calls before it.
      const expected = (p: typeof warm) => p.intervals.filter((i) => i.measured).map((i) => i.expectedCalls);
      expect(expected(warm)).toEqual(expected(plain));
      expect(warm.cumulative[3]).toBeGreaterThan(1000); // calls of the warm-up, before the window
      expect(warm.plannedCalls).toBeGreaterThan(plain.plannedCalls + 1000);
      // A warm-up that starts inside an interval prorates it.
      const half = compilePhone(covid, window, 120, { seed: 4, warmupS: 900 });
      expect(half.intervals[0]).toMatchObject({ index: 17, measured: false, modelStartS: 8.75 * 3600 });
      expect(half.intervals[0]!.expectedCalls).toBeCloseTo(covid.channels.phone!.expectedCalls[17]! / 2, 9);
    });

    it("draws the day's volume like the simulator: its day factor for replication 0 of the seed", () => {
      expect(covid.channels.phone!.dailyCv).toBe(0.05);
      const ipd = covid.calendar.intervalsPerDay;
      for (const seed of [1, 2, 3, 'x']) {
        // The simulator draws one Gamma(mean 1, cv dailyCv) per day, day 1 first, from phone.demand.
        const demand = createStream(seed, 'phone.demand', 0);
        const gamma = new Gamma(1, covid.channels.phone!.dailyCv);
        const factors = Array.from({ length: covid.calendar.days }, () => gamma.sample(demand));
        for (const day of [0, 3]) {
          const profile = compilePhone(covid, { day, from: '00:00', to: '24:00' }, 120, { seed });
          for (const interval of profile.intervals) expect(interval.dayFactor).toBe(factors[day]);
          // The whole day's calls are Poisson with mean expected x factor (sd = its root).
          const expected = profile.intervals.reduce((sum, i) => sum + i.expectedCalls, 0);
          const drawn = profile.intervals.reduce((sum, i) => sum + i.drawnCalls, 0);
          const mean = expected * factors[day]!;
          expect(Math.abs(drawn - mean), `seed ${seed} day ${day + 1}`).toBeLessThan(4 * Math.sqrt(mean));
          expect(profile.intervals[0]!.index).toBe(day * ipd);
        }
      }
      // Even arrivals stay the scenario's expectation; a scenario without dailyCv has factor 1.
      const even = compilePhone(covid, { day: 0, from: '09:00', to: '10:00' }, 120, { arrivals: 'even' });
      expect(even.intervals.map((i) => i.dayFactor)).toEqual([1, 1]);
      const flat = compilePhone(mmc, { day: 0, from: '00:00', to: '01:00' }, 120, { seed: 1 });
      expect(flat.intervals.map((i) => i.dayFactor)).toEqual([1, 1]);
    });
  });

  it('derives thresholds from the scenario targets', () => {
    expect(compilePhone(mmc, { day: 0, from: '00:00', to: '01:00' }, 60).thresholds).toEqual({
      sl_offered: ['rate>=0.8'],
      abandon_rate: ['rate<=0.05'],
      asa_s: ['avg<=30'],
      call_errors: ['rate<0.01'],
      dropped_iterations: ['count==0'],
    });
    expect(
      phoneThresholds({
        variant: 'slAnswered',
        thresholdS: 30,
        goal: 0.9,
        maxAbandonRate: null,
        maxAsaS: null,
      }),
    ).toEqual({
      sl_answered: ['rate>=0.9'],
      call_errors: ['rate<0.01'],
      dropped_iterations: ['count==0'],
    });
  });

  it('rejects bad windows and time scales as input errors', () => {
    const bad = [
      () => compileProfile(mmc, { day: 0, from: '10:00', to: '09:00' }, 60),
      () => compileProfile(mmc, { day: 1, from: '00:00', to: '01:00' }, 60),
      () => compileProfile(mmc, { day: 0, from: '7am', to: '09:00' }, 60),
      () => compileProfile(mmc, { day: 0, from: '00:00', to: '01:00' }, 0),
    ];
    for (const f of bad) expect(f).toThrow(InputError);
    expect(parseClock('24:00', '--to')).toBe(86_400);
    expect(() => parseClock('24:01', '--to')).toThrow(/--to: expected a time of day/);
  });
});
