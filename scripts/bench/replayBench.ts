// Replay fidelity: a full covid-hotline peak hour (Monday 10:00-11:00, ~5,500 calls) replayed by the
// real k6 against the mocks at time scale 60 (one wall minute). Checks that k6 sent each interval's
// planned arrivals, dropped none, and how late calls left against their scheduled instants.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runLoad } from '../k6/runLoad.js';
import { benchLine, formatCount } from './benchLine.js';

export async function replayBench(repo: string, toolVersion: string): Promise<void> {
  const out = join(mkdtempSync(join(tmpdir(), 'hotline-bench-replay-')), 'run');
  const result = await runLoad({
    scenarioFile: join(repo, 'scenarios', 'covid-hotline.json'),
    timeScale: 60,
    day: 0,
    from: '10:00',
    to: '11:00',
    segments: 1,
    quiet: true,
    k6StdoutToStderr: true,
    out,
    toolVersion,
  });
  const phone = result.profile.channels.phone!;
  const sent = firstAttemptsPerInterval(
    join(result.saved.folder, 'intervals.csv'),
    result.profile.intervals.map((i) => i.index),
  );
  const worst = result.profile.intervals
    .map((_, k) => {
      const planned = phone.cumulative[k + 1]! - phone.cumulative[k]!;
      const off = Math.abs(sent[k]! - planned);
      return { planned, sent: sent[k]!, off, ok: off <= Math.max(2, 0.01 * planned) };
    })
    .sort((a, b) => b.off - a.off)[0]!;
  const metrics = JSON.parse(readFileSync(join(result.saved.folder, 'k6-summary.json'), 'utf8')).metrics;
  const dropped = metrics.dropped_iterations?.count ?? 0;
  const lag = metrics.arrival_lag_ms ?? {};
  benchLine(
    'replay: covid-hotline Mon 10:00-11:00 at time scale 60',
    `${formatCount(phone.plannedCalls)} calls planned (+${result.summary.channels.phone?.retrials?.mean ?? 0} retrials); worst interval sent ${worst.sent} of ${worst.planned} ` +
      `(${worst.ok ? 'within' : 'OUTSIDE'} 1% or 2 calls); dropped_iterations ${dropped}; ` +
      `arrival lag p50 ${num(lag.med)} ms, p99 ${num(lag['p(99)'])} ms; k6 exit ${result.exitCode}`,
  );
}

/** First attempts k6 sent per interval: offered calls less retrials (a retrial is offered again). */
function firstAttemptsPerInterval(csvFile: string, indexes: number[]): number[] {
  const rows = readFileSync(csvFile, 'utf8').trim().split('\n');
  const header = rows[0]!.split(',');
  const column = (name: string) => {
    const at = header.indexOf(name);
    if (at < 0) throw new Error(`${csvFile}: no ${name} column`);
    return at;
  };
  const interval = column('interval');
  const offered = column('phone.offered');
  const retrials = column('phone.retrials');
  const byIndex = new Map(
    rows
      .slice(1)
      .map((row) => row.split(','))
      .map((c) => [Number(c[interval]), Number(c[offered] || 0) - Number(c[retrials] || 0)]),
  );
  return indexes.map((i) => byIndex.get(i) ?? 0);
}

function num(x: unknown): string {
  return typeof x === 'number' ? x.toFixed(1) : 'n/a';
}
