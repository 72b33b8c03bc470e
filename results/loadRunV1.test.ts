// Format 1 run folders (before the format was keyed by channel) still load, migrated to format 2.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareRuns } from './compare/compareRuns.js';
import { loadRun } from './loadRun.js';
import { renderReport } from './report/renderReport.js';
import { RESULT_FORMAT_VERSION } from './runFormat.js';

const fixture = new URL('./fixtures/v1-sim-run/', import.meta.url).pathname;
const raw = (name: string) => readFileSync(`${fixture}${name}`, 'utf8');

describe('a format 1 run folder', () => {
  const run = loadRun(fixture);
  const v1 = JSON.parse(raw('summary.json'));
  const v1Replications = JSON.parse(raw('replications.json'));

  it('is the fixture this test is about', () => {
    expect(JSON.parse(raw('run.json')).formatVersion).toBe(1);
    expect(v1.formatVersion).toBe(1);
    expect(RESULT_FORMAT_VERSION).toBe(2);
  });

  it('loads keyed by channel, every figure where format 2 puts it', () => {
    expect(run.summary.formatVersion).toBe(2);
    expect(Object.keys(run.summary.channels)).toEqual(['phone']);
    expect(run.summary.channels.phone).toEqual(v1.phone);
    expect(run.summary.days.phone).toEqual(v1.days.phone);
    expect(run.summary.targets.phone).toEqual(v1.targets.phone);
    expect(run.summary.classes?.phone).toEqual(v1.classes.phone);
    expect(run.replications?.channels.phone?.run).toEqual(v1Replications.run);
    expect(run.replications?.channels.phone?.days).toEqual(v1Replications.days);
  });

  it('reads the unprefixed intervals.csv columns', () => {
    const lines = raw('intervals.csv').trim().split('\n');
    const header = lines[0]!.split(',');
    const row = (n: number) => lines[n + 1]!.split(',');
    const cellOf = (n: number, name: string) => Number(row(n)[header.indexOf(name)]);
    expect(run.intervals.date).toHaveLength(48);
    const sl = run.intervals.channels.phone.slOffered!;
    expect(sl.mean[0]).toBe(cellOf(0, 'slOffered'));
    expect(sl.lo[47]).toBe(cellOf(47, 'slOffered_lo'));
    expect(run.intervals.channels.phone.offered!.hi[10]).toBe(cellOf(10, 'offered_hi'));
  });

  it('renders a report and compares with itself like a format 2 run', () => {
    expect(renderReport(run)).toContain('SL (slOffered)');
    const comparison = compareRuns(run, run);
    expect(comparison.method).toBe('paired');
    const sl = comparison.rows.find((r) => r.metric === 'slOffered')!;
    expect(sl.a.mean).toBe(v1.phone.slOffered.mean);
    expect(sl.difference.value).toBe(0);
  });
});
