// The sim-against-k6 compare page in a browser: the measured run lands in its window, the header says
// what each run covers, the charts open zoomed to the window. The measured run is a real k6 replay kept
// as a fixture (results/fixtures/k6-covid-window: covid-hotline Monday 09:00-10:00, time scale 120).
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkPageInBrowser } from '../../results/report/checkPageInBrowser.js';
import { builtCli, type CliResult, repo } from './testing/builtCli.js';

const MEASURED = join(repo, 'results/fixtures/k6-covid-window');
const MON_0900 = Date.parse('2020-12-07T09:00:00Z') / 1000;
let dir: string;
let hotline: (...args: string[]) => CliResult;
let predicted: string;

/** The fixture moved by whole days (dates in run.json and intervals.csv), as if replayed another day. */
function shiftedFixture(days: number, name: string): string {
  const out = join(dir, name);
  cpSync(MEASURED, out, { recursive: true });
  const shift = (date: string) =>
    new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const info = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
  info.startDate = shift(info.startDate);
  writeFileSync(join(out, 'run.json'), JSON.stringify(info));
  const csv = readFileSync(join(out, 'intervals.csv'), 'utf8').replace(
    /^(\d+),(\d{4}-\d\d-\d\d),/gm,
    (_, i, d) => `${i},${shift(d)},`,
  );
  writeFileSync(join(out, 'intervals.csv'), csv);
  return out;
}

beforeAll(() => {
  ({ runsDir: dir, hotline } = builtCli('hotline-compare-measured'));
  predicted = join(dir, 'predicted');
  const sim = hotline(
    'sim',
    'scenarios/covid-hotline.json',
    '--day',
    '1',
    '--from',
    '09:00',
    '--to',
    '10:00',
    '-r',
    '10',
    '-q',
    '--out',
    predicted,
  );
  expect(sim.code, sim.stderr).toBe(0);
});

describe('hotline compare: a prediction against a k6 replay of its window', () => {
  it('draws the measured points in the window, zoomed, with the spans in the header and no console errors', async () => {
    const page = join(dir, 'measured.html');
    const result = hotline('compare', predicted, MEASURED, '--out', page);
    expect(result.code, result.stderr).toBe(0);
    const check = await checkPageInBrowser(
      page,
      join(repo, 'test-output', 'compare-measured.png'),
      async (p) => {
        const spans = await p.locator('tr[data-run] td:nth-child(7)').allTextContents();
        const summary = await p.locator('li[data-outside="phone.slOffered"]').getAttribute('data-judged');
        await p.locator('[data-focus-toggle="pred-phone-slOffered-B"]').click();
        const whole = await p.evaluate(() => {
          const x = (
            globalThis as unknown as {
              hotlineUplot: Record<string, { scales: { x: { min: number; max: number } } }>;
            }
          ).hotlineUplot['pred-phone-slOffered-B']!.scales.x;
          return [x.min, x.max];
        });
        const qa = await p.locator('section[data-qa-panel] [data-threshold]').allTextContents();
        return { spans, summary, whole, qa };
      },
    );
    expect(check.consoleErrors).toEqual([]);
    expect(check.externalRequests).toEqual([]);
    expect(check.charts).toHaveLength(check.chartSlots);
    const sl = check.charts.find((c) => c.id === 'pred-phone-slOffered-B')!;
    // Both measured intervals (09:00 and 09:30) are drawn inside the window, and the chart opens on it.
    expect(sl.focus).toEqual([MON_0900, MON_0900 + 3600]);
    expect(sl.perSeries.find((s) => s.label === 'B measured')).toEqual({
      label: 'B measured',
      points: 2,
      inFocus: 2,
    });
    // It shows the window's two points (09:00, 09:30) and neither neighbour (08:30, 10:00).
    const [from, to] = sl.xRange;
    for (const inside of [MON_0900, MON_0900 + 1800])
      expect(inside >= from && inside <= to, `${inside}`).toBe(true);
    for (const outside of [MON_0900 - 1800, MON_0900 + 3600])
      expect(outside < from || outside > to, `${outside}`).toBe(true);
    expect(sl.inkPixels).toBeGreaterThan(5000);
    // The overlay of every run is aligned on the calendar too: B's SL sits at 09:00 and 09:30.
    const overlay = check.charts.find((c) => c.id === 'cmp-slOffered')!;
    expect(overlay.perSeries[1]).toMatchObject({ points: 2, inFocus: 2 });
    expect(check.probed.spans).toEqual([
      'Mon 2020-12-07 09:00-10:00, 1 h (simulated 7 days from Mon 2020-12-07)',
      'Mon 2020-12-07 09:00-10:00, 1 h',
    ]);
    expect(check.probed.summary).toBe('2');
    // The QA panel of the k6 run: its thresholds with their verdicts (SL, abandonment, ASA breached).
    expect(check.probed.qa).toEqual(['breached', 'breached', 'breached', 'ok', 'ok']);
    // One click shows the whole week: 7 days of 30-min intervals.
    expect(check.probed.whole).toEqual([
      Date.parse('2020-12-07T00:00:00Z') / 1000,
      Date.parse('2020-12-13T23:30:00Z') / 1000,
    ]);
  });

  it('--json: every difference interval contains 0 exactly when the measurement is inside the prediction', () => {
    const { code, stdout } = hotline(
      'compare',
      predicted,
      MEASURED,
      '--json',
      '--out',
      join(dir, 'json.html'),
    );
    expect(code).toBe(0);
    const [comparison] = JSON.parse(stdout).comparisons;
    expect(comparison.method).toBe('prediction-vs-measurement');
    const judged = comparison.metrics.filter((m: { differenceCi95: unknown }) => m.differenceCi95 !== null);
    expect(judged.length).toBeGreaterThan(5);
    for (const m of judged) {
      const [lo, hi] = m.differenceCi95;
      expect(m.insidePrediction, m.metric).toBe(lo <= 0 && hi >= 0);
      expect(m.differenceInterval).toMatch(/^prediction interval of one replication/);
    }
    const sl = comparison.metrics.find((m: { metric: string }) => m.metric === 'slOffered');
    // The k6 run's own Wilson interval, labelled, is the fixture's: 1,774 of 3,632 within 20 s.
    expect(sl.measuredOwnCi95Kind).toMatch(/^Wilson/);
    expect(sl.b.mean).toBeCloseTo(1774 / 3632, 6);
    expect(sl.measuredOwnCi95[0]).toBeLessThan(sl.b.mean);
  });

  it('a replay of another week is placed by weekday and time of day, and the page says so', () => {
    const page = join(dir, 'next-week.html');
    const result = hotline('compare', predicted, shiftedFixture(7, 'next-week'), '--out', page);
    expect(result.code, result.stderr).toBe(0);
    // The terminal says it too, with the band tally of the measured metrics.
    expect(result.stdout).toMatch(/is another week than A: it is drawn on A's calendar by weekday/);
    expect(result.stdout).toMatch(
      /^SL \(slOffered\): B measured against the prediction A: \d of 2 intervals outside the band/m,
    );
    const html = readFileSync(page, 'utf8');
    expect(html).toContain('data-placement="weekday"');
    expect(html).toMatch(
      /B \(Mon 2020-12-14 09:00-10:00, 1 h\) is another week than A: it is drawn on A&#39;s calendar by weekday and time of day, 1 week earlier/,
    );
  });

  it('a replay outside the prediction span gets a message, not an empty chart', () => {
    const monday = join(dir, 'monday-only');
    expect(
      hotline('sim', 'scenarios/covid-hotline.json', '--days', '1', '-r', '3', '-q', '--out', monday).code,
    ).toBe(0);
    const page = join(dir, 'outside.html');
    const result = hotline('compare', monday, shiftedFixture(1, 'tuesday'), '--out', page);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(page, 'utf8');
    expect(html).toMatch(
      /B covers Tue 2020-12-08 09:00-10:00, 1 h, outside A&#39;s span \(1 day from Mon 2020-12-07\)/,
    );
    expect(html).not.toContain('data-chart="pred-phone-slOffered-B"');
  });
});
