import type { LoadedRun } from '../loadRun.js';
import { escapeHtml } from '../report/escapeHtml.js';
import { formatValue } from '../report/formatMetric.js';
import { chartSlot, htmlPage } from '../report/htmlPage.js';
import { metricOf, slVariant } from '../runMetrics.js';
import { compareCharts } from './compareCharts.js';
import { compareRowText, runLetter } from './compareRow.js';
import type { Comparison } from './compareRuns.js';
import type { RuleOutcome } from './evaluateGate.js';
import { describePairing } from './pairingMethod.js';

const VERDICT_CLASS: Record<string, string> = { better: 'better', worse: 'worse' };

/** The compare page: the runs, one table per run against A, the gate if any, overlaid charts. */
export function renderCompare(
  runs: readonly LoadedRun[],
  comparisons: readonly Comparison[],
  outcomes: readonly RuleOutcome[] | null,
): string {
  const charts = compareCharts(runs);
  const body = [
    `<h1>Comparison of ${runs.length} runs <span class="note">A is the baseline</span></h1>`,
    runsTable(runs),
    ...comparisons.map((c, i) => comparisonSection(c, runLetter(i + 1))),
    outcomes ? gateSection(outcomes) : '',
    ...charts.map(chartSlot),
  ].join('\n');
  return htmlPage({ title: `hotline compare: ${runs.map((r) => r.info.id).join(' vs ')}`, body, charts });
}

function runsTable(runs: readonly LoadedRun[]): string {
  const rows = runs.map((run, i) => {
    const sl = slVariant(run);
    const cells = [
      runLetter(i),
      run.info.id,
      run.info.kind,
      run.info.scenario.name,
      String(run.info.seed),
      String(run.info.replications),
      `${run.info.days} d from ${run.info.startDate}`,
      `${sl} ${formatValue(metricOf(run.summary.channels.phone, sl).mean, 'share')}`,
    ];
    return `<tr>${cells.map((c) => `<td class="text">${escapeHtml(c)}</td>`).join('')}</tr>`;
  });
  const head = ['', 'run', 'kind', 'scenario', 'seed', 'replications', 'span', 'SL']
    .map((h) => `<th class="text">${h}</th>`)
    .join('');
  return `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table></div>`;
}

function comparisonSection(c: Comparison, letter: string): string {
  const prediction = c.method === 'prediction-vs-measurement';
  const head = ['metric', 'A', letter, `${letter} − A`, `95% CI of ${letter} − A`, 'verdict'];
  if (prediction) head.push('inside prediction');
  const rows = c.rows.map((row) => {
    const t = compareRowText(row);
    const verdict = `<td class="text ${VERDICT_CLASS[t.verdict] ?? 'same'}">${escapeHtml(t.verdict)}</td>`;
    const inside = prediction
      ? `<td class="text ${t.inside === 'no' ? 'fail' : ''}">${escapeHtml(t.inside)}</td>`
      : '';
    const nums = [t.a, t.b, t.difference, t.ci].map((v) => `<td>${escapeHtml(v)}</td>`).join('');
    return `<tr><td class="text">${escapeHtml(t.metric)}</td>${nums}${verdict}${inside}</tr>`;
  });
  return [
    `<h2>${escapeHtml(`${letter} ${c.b.info.id} vs A ${c.a.info.id}`)}</h2>`,
    `<p class="note">${escapeHtml(describePairing(c.method))}</p>`,
    ...c.warnings.map((w) => `<p class="note fail">${escapeHtml(`Warning: ${w}`)}</p>`),
    `<div class="scroll"><table><thead><tr>${head.map((h, i) => `<th${i === 0 || i >= 5 ? ' class="text"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
    `<tbody>${rows.join('\n')}</tbody></table></div>`,
  ].join('\n');
}

function gateSection(outcomes: readonly RuleOutcome[]): string {
  const failed = outcomes.filter((o) => o.failed).length;
  const rows = outcomes.map(
    (o) =>
      `<tr><td class="text ${o.failed ? 'fail' : 'pass'}">${o.failed ? 'FAIL' : 'ok'}</td>` +
      `<td class="text">${escapeHtml(o.candidate)}</td><td class="text">${escapeHtml(o.message)}</td></tr>`,
  );
  const verdict = failed
    ? `<span class="fail">failed: ${failed} regression(s)</span>`
    : '<span class="pass">passed</span>';
  return `<h2>Regression gate: ${verdict}</h2>\n<table><tbody>${rows.join('\n')}</tbody></table>`;
}
