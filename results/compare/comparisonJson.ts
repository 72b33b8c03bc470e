import type { LoadedRun } from '../loadRun.js';
import type { Comparison } from './compareRuns.js';
import type { RuleOutcome } from './evaluateGate.js';

/** The machine-readable form of `hotline compare --json`: figures only, no page. */
export function comparisonJson(comparisons: readonly Comparison[], outcomes: readonly RuleOutcome[] | null) {
  return {
    comparisons: comparisons.map((c) => ({
      a: runRef(c.a),
      b: runRef(c.b),
      method: c.method,
      metrics: c.rows.map((row) => ({
        channel: row.channel,
        metric: row.metric,
        a: row.a,
        b: row.b,
        difference: row.difference.value,
        differenceCi95: row.difference.ci95,
        verdict: row.verdict,
        insidePrediction: row.insidePrediction,
      })),
    })),
    gate: outcomes && {
      failed: outcomes.some((o) => o.failed),
      rules: outcomes.map((o) => ({
        rule: o.rule.text,
        baseline: o.baseline,
        candidate: o.candidate,
        // JSON has no infinity: a relative change from a zero baseline is reported as null.
        change: o.change !== null && Number.isFinite(o.change) ? o.change : null,
        failed: o.failed,
        message: o.message,
      })),
    },
  };
}

function runRef(run: LoadedRun) {
  const { id, kind, seed, replications } = run.info;
  return { id, kind, scenario: run.info.scenario.name, seed, replications, folder: run.folder };
}
