import type { LoadedRun } from '../loadRun.js';
import { escapeHtml } from './escapeHtml.js';
import { formatValue } from './formatMetric.js';

/**
 * k6 runs: what the client measured beside what the server reported of the same calls. Empty for
 * sim runs and for k6 runs written before the cross-check existed.
 */
export function serverCrossCheckTable(run: LoadedRun): string {
  const check = run.summary.serverCrossCheck;
  if (!check) return '';
  const signed = (value: number | null, unit: 'share' | 'seconds') => {
    if (value === null) return 'n/a';
    const text = unit === 'share' ? `${(value * 100).toFixed(1)} pp` : `${value.toFixed(1)} s`;
    return value > 0 ? `+${text}` : text;
  };
  const rows = (
    [
      ['ASA', 'asaS', 'seconds'],
      ['slOffered', 'slOffered', 'share'],
      ['abandon rate', 'abandonRate', 'share'],
    ] as const
  ).map(
    ([label, key, unit]) =>
      `<tr><td class="text">${label}</td><td>${escapeHtml(formatValue(check.client[key], unit))}</td>` +
      `<td>${escapeHtml(formatValue(check.server[key], unit))}</td><td>${escapeHtml(signed(check.difference[key], unit))}</td></tr>`,
  );
  const gap = check.waitGapS;
  const gapLine = gap
    ? `Same calls answered on both sides (${gap.n}): client wait − server wait mean ${gap.mean.toFixed(1)} s, median ${gap.p50.toFixed(1)} s, p95 ${gap.p95.toFixed(1)} s, max ${gap.max.toFixed(1)} s.`
    : 'No call was answered on both sides with a reported wait.';
  const pairs = Object.entries(check.outcomes)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([pair, n]) => `${pair} ${n}`)
    .join(' · ');
  const source =
    check.source === 'mockLog'
      ? "the mocks' record of every call"
      : "the target's replies (a hang-up has none)";
  return [
    '<h2>Client measurement vs server self-report</h2>',
    `<p class="note">k6 measures each wait on its own clock, from sending the call to the answer, and decides when a caller hangs up. The server's view comes from ${escapeHtml(source)} (${check.calls} calls). A difference is latency between them (network, server, injected faults) — or a bug.</p>`,
    '<table><thead><tr><th class="text">metric</th><th>client (k6)</th><th>server</th><th>client − server</th></tr></thead>',
    `<tbody>${rows.join('')}</tbody></table>`,
    `<p class="note">${escapeHtml(gapLine)}</p>`,
    `<p class="note">Calls by client outcome / server outcome: ${escapeHtml(pairs)}</p>`,
  ].join('\n');
}
