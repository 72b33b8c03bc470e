import type { LoadedRun } from '../loadRun.js';
import { metricOf, runLabel, slVariant } from '../runMetrics.js';
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
  const kind = info.kind === 'sim' ? 'sim (prediction)' : 'k6 (measurement)';
  const span = `${info.days} day${info.days === 1 ? '' : 's'} from ${info.startDate}, ${info.intervalMinutes}-min intervals`;
  return [
    `<h1>${escapeHtml(info.scenario.name)} <span class="note">run ${escapeHtml(info.id)}</span></h1>`,
    `<p class="meta">${[
      fact('kind', kind),
      fact('seed', String(info.seed)),
      fact('replications', String(info.replications)),
      fact('span', span),
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

function targetsLine(run: LoadedRun): string {
  const t = run.summary.targets.phone;
  const variant = slVariant(run);
  const sl = metricOf(run.summary.phone, variant).mean;
  const met = sl === null ? 'n/a' : sl >= t.goal ? 'met' : 'missed';
  const cls = met === 'met' ? 'pass' : met === 'missed' ? 'fail' : 'same';
  const limits = [
    t.maxAbandonRate === null ? null : `abandon rate ≤ ${formatValue(t.maxAbandonRate, 'share')}`,
    t.maxAsaS === null ? null : `ASA ≤ ${formatValue(t.maxAsaS, 'seconds')}`,
  ].filter((x): x is string => x !== null);
  return (
    `<b>target</b> ${escapeHtml(`${variant} ≥ ${formatValue(t.goal, 'share')} within ${t.thresholdS} s`)}` +
    `${limits.length ? escapeHtml(`; ${limits.join('; ')}`) : ''}` +
    ` — ${escapeHtml(runLabel(run))} ${escapeHtml(formatValue(sl, 'share'))} <span class="${cls}">${met}</span>`
  );
}
