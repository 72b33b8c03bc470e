import { loadRun } from '../loadRun.js';
import { type Comparison, compareRuns } from './compareRuns.js';
import { evaluateGate, type GateOptions, type RuleOutcome } from './evaluateGate.js';
import type { FailRule } from './failOnRules.js';
import { renderCompare } from './renderCompare.js';

export interface ComparisonResult {
  comparisons: Comparison[];
  /** Null when no rules were given. */
  outcomes: RuleOutcome[] | null;
  failed: boolean;
  html: string;
}

/** Loads the runs, compares each with the first (the baseline) and checks the gate rules. */
export function runComparison(
  names: readonly string[],
  rules: readonly FailRule[] | null,
  gate: GateOptions = {},
): ComparisonResult {
  const runs = names.map(loadRun);
  const comparisons = runs.slice(1).map((run) => compareRuns(runs[0]!, run));
  const outcomes = rules ? comparisons.flatMap((c) => evaluateGate(c, rules, gate)) : null;
  return {
    comparisons,
    outcomes,
    failed: outcomes?.some((o) => o.failed) ?? false,
    html: renderCompare(runs, comparisons, outcomes),
  };
}
