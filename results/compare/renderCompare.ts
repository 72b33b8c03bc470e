import { CHANNEL_REPORTS, reportsOf } from '../channelReports.js';
import type { LoadedRun } from '../loadRun.js';
import { escapeHtml } from '../report/escapeHtml.js';
import { formatValue } from '../report/formatMetric.js';
import { chartSlot, htmlPage } from '../report/htmlPage.js';
import { loadQualityPanel } from '../report/loadQualityPanel.js';
import { metricOf, slVariant } from '../runMetrics.js';
import { alignRuns } from './alignRuns.js';
import { compareRowText, runLetter } from './compareRow.js';
import type { Comparison } from './compareRuns.js';
import type { RuleOutcome } from './evaluateGate.js';
import { givenReplicationNotes } from './givenReplicationNotes.js';
import { describePairing } from './pairingMethod.js';
import { type PredictionChart, predictionCharts } from './predictionCharts.js';
import { describeSpan } from './runSpan.js';

const PREDICTION_NOTE =
  'A measured run is one sample path: its difference from the prediction is judged against the spread of ' +
  'one replication (the 95% prediction interval, mean ± t·s·√(1 + 1/n)), so the interval contains 0 exactly ' +
  "when the measurement is inside the prediction. The measured run's own Wilson interval treats its calls as " +
  'independent trials (queued calls are not), so it is narrower than the real run-to-run spread.';

const VERDICT_CLASS: Record<string, string> = { better: 'better', worse: 'worse' };

/** The compare page: the runs, one table per run against A, the gate if any, overlaid charts. */
export function renderCompare(
  runs: readonly LoadedRun[],
  comparisons: readonly Comparison[],
  outcomes: readonly RuleOutcome[] | null,
): string {
  const axis = alignRuns(runs);
  const signature = predictionCharts(runs, axis);
  const overlays = CHANNEL_REPORTS.flatMap((report) => report.compareCharts(runs, axis));
  const charts = [...signature.map((s) => s.chart), ...overlays];
  const body = [
    `<h1>Comparison of ${runs.length} runs <span class="note">A is the baseline</span></h1>`,
    runsTable(runs),
    ...axis.placements
      .filter((p) => p.kind !== 'calendar')
      .map(
        (p) =>
          `<p class="note${p.kind === 'outside' ? ' fail' : ''}" data-placement="${p.kind}">${escapeHtml(p.note)}</p>`,
      ),
    ...comparisons.map((c, i) => comparisonSection(c, runLetter(i + 1))),
    outcomes ? gateSection(outcomes) : '',
    predictionSection(signature),
    ...signature.map((s) => chartSlot(s.chart)),
    signature.length > 0 ? '<h2>All runs overlaid</h2>' : '',
    ...overlays.map(chartSlot),
    ...runs.map((run, i) => loadQualityPanel(run, runLetter(i))),
  ].join('\n');
  return htmlPage({ title: `hotline compare: ${runs.map((r) => r.info.id).join(' vs ')}`, body, charts });
}

function runsTable(runs: readonly LoadedRun[]): string {
  const rows = runs.map((run, i) => {
    // The SL of the run's first channel (list order): phone's when it has phone, else chat's first reply.
    const channel = reportsOf(run)[0]?.channel;
    const sl = channel === undefined ? null : slVariant(run, channel);
    const cells = [
      runLetter(i),
      run.info.id,
      run.info.kind,
      run.info.scenario.name,
      String(run.info.seed),
      run.info.givenReplication === undefined
        ? String(run.info.replications)
        : `${run.info.replications} branches of replication ${run.info.givenReplication}`,
      describeSpan(run),
      sl === null || channel === undefined
        ? 'n/a'
        : `${sl} ${formatValue(metricOf(run.summary.channels[channel], sl).mean, 'share')}`,
    ];
    return `<tr data-run="${runLetter(i)}">${cells.map((c) => `<td class="text">${escapeHtml(c)}</td>`).join('')}</tr>`;
  });
  const head = ['', 'run', 'kind', 'scenario', 'seed', 'replications', 'span', 'SL']
    .map((h) => `<th class="text">${h}</th>`)
    .join('');
  return `<div class="scroll"><table><thead><tr>${head}</tr></thead><tbody>${rows.join('\n')}</tbody></table></div>`;
}

function comparisonSection(c: Comparison, letter: string): string {
  const prediction = c.method === 'prediction-vs-measurement';
  const measuredIs = c.a.info.kind === 'k6' ? 'A' : letter;
  const interval = prediction ? `95% interval of ${letter} − A (one replication)` : `95% CI of ${letter} − A`;
  const head = ['metric', 'A', letter, `${letter} − A`, interval];
  if (prediction) head.push(`${measuredIs}'s own 95% (Wilson, calls independent)`);
  head.push('verdict');
  if (prediction) head.push('inside prediction');
  const rows = c.rows.map((row) => {
    const t = compareRowText(row, c.a.info.kind === 'k6' ? 'A' : 'B');
    const verdict = `<td class="text ${VERDICT_CLASS[t.verdict] ?? 'same'}">${escapeHtml(t.verdict)}</td>`;
    const inside = prediction
      ? `<td class="text ${t.inside === 'no' ? 'fail' : ''}">${escapeHtml(t.inside)}</td>`
      : '';
    const cells = [t.a, t.b, t.difference, t.ci, ...(prediction ? [t.measuredOwn] : [])];
    const nums = cells.map((v) => `<td>${escapeHtml(v)}</td>`).join('');
    return `<tr><td class="text">${escapeHtml(t.metric)}</td>${nums}${verdict}${inside}</tr>`;
  });
  return [
    `<h2>${escapeHtml(`${letter} ${c.b.info.id} vs A ${c.a.info.id}`)}</h2>`,
    `<p class="note">${escapeHtml(describePairing(c.method))}</p>`,
    c.spread
      ? `<p class="note" data-spread>${escapeHtml(`spread of one replication from ${c.spread.info.id} (${c.spread.info.replications} replications)`)}</p>`
      : '',
    ...givenReplicationNotes(c, letter).map((n) => `<p class="note" data-given>${escapeHtml(n)}</p>`),
    ...c.warnings.map((w) => `<p class="note fail">${escapeHtml(`Warning: ${w}`)}</p>`),
    prediction ? `<p class="note">${escapeHtml(PREDICTION_NOTE)}</p>` : '',
    `<div class="scroll"><table><thead><tr>${head.map((h, i) => `<th${i === 0 || i >= head.length - (prediction ? 2 : 1) ? ' class="text"' : ''}>${escapeHtml(h)}</th>`).join('')}</tr></thead>`,
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

function predictionSection(charts: readonly PredictionChart[]): string {
  if (charts.length === 0) return '';
  const items = charts.map(
    (c) =>
      `<li data-outside="${c.channel}.${c.metric}" data-judged="${c.judged}" data-count="${c.outside}">` +
      `${escapeHtml(c.chart.title)}: ${escapeHtml(c.summary)}</li>`,
  );
  return [
    '<h2>Measured against the prediction, interval by interval</h2>',
    '<p class="note">Each measured interval is one replication of the predicted process: about 5% of them fall outside the band of one replication by chance alone.</p>',
    `<ul class="note">${items.join('\n')}</ul>`,
  ].join('\n');
}
