// The report of a run about a window (here a real k6 replay of Monday 09:00-10:00) says the window
// in its header and opens its time charts zoomed to it; a whole-horizon sim run has no focus.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadRun } from '../loadRun.js';
import { phoneCharts } from '../phone/phoneCharts.js';
import { runHeader } from './runHeader.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const MON_0900 = Date.parse('2020-12-07T09:00:00Z') / 1000;

describe('report of a window', () => {
  const k6 = loadRun(join(fixtures, 'k6-covid-window'));

  it('says what the run covers in the header, not the scenario calendar', () => {
    expect(runHeader(k6)).toContain('<b>span</b> Mon 2020-12-07 09:00-10:00, 1 h, 30-min intervals');
  });

  it('zooms every time chart to the window', () => {
    const time = phoneCharts(k6).filter((c) => c.xKind === 'time');
    expect(time.length).toBeGreaterThan(3);
    for (const chart of time) expect(chart.focus, chart.id).toEqual([MON_0900, MON_0900 + 3600]);
  });

  it('has no focus for a sim run over its whole horizon', () => {
    const sim = loadRun(join(fixtures, 'v1-sim-run'));
    expect(phoneCharts(sim).every((c) => c.focus === undefined)).toBe(true);
  });
});
