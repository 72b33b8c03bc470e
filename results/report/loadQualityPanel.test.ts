import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../scenarios/inputError.js';
import type { LoadQuality } from '../loadQuality.js';
import { loadRun } from '../loadRun.js';
import { loadQualityPanel } from './loadQualityPanel.js';

const FIXTURE = join(import.meta.dirname, '..', 'fixtures', 'k6-covid-window');

function copy(): string {
  const dir = join(mkdtempSync(join(tmpdir(), 'hotline-qa-')), 'run');
  cpSync(FIXTURE, dir, { recursive: true });
  rmSync(join(dir, 'load-quality.json'), { force: true });
  return dir;
}

const row = (interval: number, requests: number) => ({
  interval,
  requests,
  latencyMs: { p50: 300, p95: 1200, p99: 1300 },
  failedByStatus: { '0': 7, '503': 2 },
  arrivalLagMs: { p50: 0.9, p95: 34, p99: 75 },
});

describe('loadQualityPanel', () => {
  it('shows k6 version, target, time scale and every threshold with its verdict from run.json', () => {
    const html = loadQualityPanel(loadRun(copy()));
    expect(html).toContain('<b>k6</b> v2.2.0');
    expect(html).toContain('<b>target</b> mocks');
    expect(html).toContain('<b>time scale</b> 120×');
    // The fixture is older than per-channel plans: its plannedCalls (3,898) are phone's.
    expect(html).toContain('<b>planned</b> 3,898 phone');
    // The fixture's replay breached SL (48.8% < 80%) and met call_errors.
    expect(html).toMatch(/data-threshold="sl_offered">breached/);
    expect(html).toMatch(/data-threshold="call_errors">ok/);
  });

  it('lists the planned contacts of every replayed channel', () => {
    const dir = copy();
    const runJson = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
    delete runJson.k6.plannedCalls;
    runJson.k6.planned = { phone: 400, checkin: 3118 };
    writeFileSync(join(dir, 'run.json'), JSON.stringify(runJson));
    expect(loadQualityPanel(loadRun(dir))).toContain('<b>planned</b> 400 phone, 3,118 checkin');
  });

  it('reads an older folder without load-quality.json from k6-summary.json and says so', () => {
    const html = loadQualityPanel(loadRun(copy()));
    expect(html).toContain('not recorded in this run folder');
    // k6-summary.json of the fixture: 3,946 requests, 260 failed (hang-ups), 0 dropped.
    expect(html).toContain('<b>requests</b> 3946');
    expect(html).toContain('<b>failed requests</b> 260');
    expect(html).toContain('<b>dropped iterations</b> 0');
  });

  it('shows per-interval rows from load-quality.json, on the run calendar', () => {
    const dir = copy();
    const quality: LoadQuality = {
      formatVersion: 1,
      intervals: [row(18, 1900), row(19, 2000)],
      whole: row(-1, 3900),
      droppedIterations: 3,
      vusMax: 257,
    };
    writeFileSync(join(dir, 'load-quality.json'), JSON.stringify(quality));
    const html = loadQualityPanel(loadRun(dir));
    expect(html).toMatch(
      /data-qa-interval="18"><td class="text">2020-12-07 09:00<\/td><td>1,900<\/td><td>300 ms<\/td><td>1200 ms<\/td>/,
    );
    expect(html).toContain('7 × no response, 2 × 503');
    expect(html).toContain('<b>dropped iterations</b> 3');
    expect(html).toContain('at most 257');
    // 75 ms wall at the fixture's 120x is 9 s of model time.
    expect(html).toContain('<b>arrival lag p99</b> 75 ms wall = 9.0 s of model time at 120×');
  });

  it('shows VUs per interval and arrival lag per channel when the folder records them', () => {
    const dir = copy();
    const withChannels = (interval: number, vus: number) => ({
      ...row(interval, 100),
      arrivalLagMsByChannel: {
        phone: { p50: 1, p95: 2, p99: 3 },
        chat: { p50: 40, p95: 50, p99: 60 },
      },
      vusMax: vus,
    });
    const quality: LoadQuality = {
      formatVersion: 1,
      intervals: [withChannels(18, 120), withChannels(19, 257)],
      whole: withChannels(-1, 257),
      droppedIterations: 0,
      vusMax: 257,
    };
    writeFileSync(join(dir, 'load-quality.json'), JSON.stringify(quality));
    const html = loadQualityPanel(loadRun(dir));
    expect(html).toContain('<th>chat arrival lag p50</th><th>p99</th><th>phone arrival lag p50</th>');
    expect(html).toMatch(
      /data-qa-interval="18">.*<td data-lag-channel="chat">40 ms<\/td><td>60 ms<\/td><td data-lag-channel="phone">1.00 ms<\/td><td>3.00 ms<\/td><td>120<\/td><\/tr>/,
    );
    expect(html).toMatch(/data-qa-interval="19">.*<td>257<\/td><\/tr>/);
  });

  it('refuses a corrupt load-quality.json naming the file (bad input, not a crash)', () => {
    const dir = copy();
    writeFileSync(join(dir, 'load-quality.json'), '{"formatVersion":1,"intervals":"x"}');
    expect(() => loadQualityPanel(loadRun(dir))).toThrow(InputError);
    expect(() => loadQualityPanel(loadRun(dir))).toThrow(/load-quality\.json/);
  });

  it('is empty for a sim run', () => {
    const sim = loadRun(join(import.meta.dirname, '..', 'fixtures', 'v1-sim-run'));
    expect(loadQualityPanel(sim)).toBe('');
  });
});
