import { channelEntries } from '../../sim/channels/index.js';
import { judgeTargets } from '../../sim/metrics/judgeTargets.js';
import { metricSpec } from '../../sim/metrics/metricRegistry.js';
import { describeSpan } from '../compare/runSpan.js';
import type { LoadedRun } from '../loadRun.js';
import { runLabel, slVariant } from '../runMetrics.js';
import { targetText } from '../targetText.js';
import { escapeHtml } from './escapeHtml.js';
import { formatValue } from './formatMetric.js';

export function formatDurationMs(ms: number): string {
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
  const minutes = Math.floor(ms / 60_000);
  return minutes < 60
    ? `${minutes} min ${Math.round((ms % 60_000) / 1000)} s`
    : `${(minutes / 60).toFixed(1)} h`;
}

/** What the run is, in one glance: scenario, kind, seed, span and whether it met its targets. */
export function runHeader(run: LoadedRun): string {
  const { info } = run;
  const fact = (label: string, value: string) => `<b>${escapeHtml(label)}</b> ${escapeHtml(value)}`;
  const kind =
    info.kind === 'k6'
      ? 'k6 (measurement)'
      : info.givenReplication === undefined
        ? 'sim (prediction)'
        : `sim (prediction given replication ${info.givenReplication}'s state at the window start: branches of it, as a warm-started replay runs)`;
  // What the run covers: its window for a k6 replay or a sim window, its days otherwise.
  const span = `${describeSpan(run)}, ${info.intervalMinutes}-min intervals`;
  return [
    `<h1>${escapeHtml(info.scenario.name)} <span class="note">run ${escapeHtml(info.id)}</span></h1>`,
    `<p class="meta">${[
      fact('kind', kind),
      fact('seed', String(info.seed)),
      fact('replications', String(info.replications)),
      `<span data-span>${fact('span', span)}</span>`,
      fact('duration', formatDurationMs(info.durationMs)),
    ].join(' · ')}</p>`,
    `<p class="meta">${[
      fact('started', info.startedAt),
      fact('scenario file', info.scenario.file ?? 'n/a'),
      fact('content hash', info.scenario.contentHash.slice(0, 12)),
      fact('hotline', info.toolVersion),
    ].join(' · ')}</p>`,
    `<p class="meta">${targetsLine(run)}</p>`,
  ].join('\n');
}

/**
 * Every channel's targets with their figures and pass/fail, then each channel's verdict: judgeTargets,
 * as `hotline sim` and k6 judge. With one channel the line reads as it always has (no channel name).
 */
export function targetsLine(run: LoadedRun): string {
  const entries = channelEntries(run.summary.targets);
  const cls = (status: string) =>
    status === 'pass' || status === 'met' ? 'pass' : status === 'n/a' ? 'same' : 'fail';
  const lines = entries.map(([channel, fileTargets]) => {
    const targets = { ...fileTargets, variant: slVariant(run, channel) };
    const { verdict, outcomes } = judgeTargets(channel, targets, run.summary.channels[channel] ?? {});
    const parts = outcomes.map((o) => {
      const { unit } = metricSpec(channel, o.metric);
      return (
        `${escapeHtml(targetText(channel, o, targets, 'unicode'))}: ${escapeHtml(formatValue(o.value, unit))} ` +
        `<span class="${cls(o.status)}" data-target="${o.target}">${o.status}</span>`
      );
    });
    const name = entries.length > 1 ? `${escapeHtml(channel)} ` : '';
    return (
      `<b>${name}targets</b> (${escapeHtml(runLabel(run))}) ${parts.join('; ')} — ` +
      `<span class="${cls(verdict)}" data-verdict="${verdict}">${verdict}</span>`
    );
  });
  return lines.join('<br>\n');
}
