import { type LoadedRun, loadRun } from '../loadRun.js';
import { alignRuns } from './alignRuns.js';
import { type Comparison, compareRuns } from './compareRuns.js';
import { evaluateGate, type GateOptions, type RuleOutcome } from './evaluateGate.js';
import type { FailRule } from './failOnRules.js';
import { predictionCharts } from './predictionCharts.js';
import { renderCompare } from './renderCompare.js';

export interface ComparisonResult {
  comparisons: Comparison[];
  /** Null when no rules were given. */
  outcomes: RuleOutcome[] | null;
  failed: boolean;
  html: string;
  /** For the terminal: where runs were placed on the calendar (if not on their dates), and per
   * measured metric how many intervals fall outside the prediction band. */
  notes: string[];
}

/** Loads the runs, compares each with the first (the baseline) and checks the gate rules. */
export function runComparison(
  names: readonly string[],
  rules: readonly FailRule[] | null,
  gate: GateOptions = {},
  spread: LoadedRun | null = null,
): ComparisonResult {
  const runs = names.map(loadRun);
  const comparisons = runs.slice(1).map((run) => compareRuns(runs[0]!, run, spread));
  const outcomes = rules ? comparisons.flatMap((c) => evaluateGate(c, rules, gate)) : null;
  const axis = alignRuns(runs);
  const unused = spread !== null && comparisons.every((c) => c.spread === null);
  const notes = [
    ...(unused
      ? [`--spread-from ${spread.info.id} unused: it judges two k6 runs, and no pair here is one`]
      : []),
    ...axis.placements.filter((p) => p.kind !== 'calendar').map((p) => p.note),
    ...predictionCharts(runs, axis).map((c) => `${c.chart.title}: ${c.summary}`),
  ];
  return {
    comparisons,
    outcomes,
    failed: outcomes?.some((o) => o.failed) ?? false,
    html: renderCompare(runs, comparisons, outcomes),
    notes,
  };
}
