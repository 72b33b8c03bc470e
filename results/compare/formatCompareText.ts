import { formatTable } from '../../scripts/cli/formatTable.js';
import { compareRowText } from './compareRow.js';
import type { Comparison } from './compareRuns.js';
import type { RuleOutcome } from './evaluateGate.js';
import { givenReplicationNotes } from './givenReplicationNotes.js';
import { describePairing } from './pairingMethod.js';

/** The short terminal summary of `hotline compare`: one table per pair, then the gate. */
export function formatCompareText(
  comparisons: readonly Comparison[],
  outcomes: readonly RuleOutcome[] | null,
): string {
  const parts = comparisons.map(formatComparison);
  if (outcomes) parts.push(formatGate(outcomes));
  return parts.join('\n\n');
}

function formatComparison(c: Comparison): string {
  const prediction = c.method === 'prediction-vs-measurement';
  const header = [
    'metric',
    'A',
    'B',
    'B - A',
    prediction ? '95% interval of B - A (one replication)' : '95% CI of B - A',
    prediction ? 'inside prediction' : 'verdict',
  ];
  const rows = c.rows.map((row) => {
    const t = compareRowText(row, c.a.info.kind === 'k6' ? 'A' : 'B');
    return [t.metric, t.a, t.b, t.difference, t.ci, prediction ? t.inside : t.verdict];
  });
  return [
    `A ${c.a.info.id} (${c.a.info.kind}, ${c.a.info.scenario.name})`,
    `B ${c.b.info.id} (${c.b.info.kind}, ${c.b.info.scenario.name})`,
    describePairing(c.method),
    ...(c.spread
      ? [`spread of one replication from ${c.spread.info.id} (${c.spread.info.replications} replications)`]
      : []),
    ...givenReplicationNotes(c),
    ...c.warnings.map((w) => `WARNING: ${w}`),
    '',
    formatTable(header, rows),
  ].join('\n');
}

function formatGate(outcomes: readonly RuleOutcome[]): string {
  const failed = outcomes.filter((o) => o.failed);
  const lines = outcomes.map((o) => `${o.failed ? 'FAIL' : 'ok  '} ${o.candidate}: ${o.message}`);
  const verdict = failed.length === 0 ? 'gate passed' : `gate FAILED: ${failed.length} regression(s)`;
  return [...lines, verdict].join('\n');
}
