import type { LoadedRun } from '../loadRun.js';
import type { Comparison } from './compareRuns.js';
import type { RuleOutcome } from './evaluateGate.js';

/** What `differenceCi95` is, per comparison method. */
const INTERVAL_KIND = {
  paired: 'paired t over replications',
  welch: "Welch's t from each run's mean and CI",
  'spread-of-prediction': "(B − A) ± t·s·√2, s one replication's spread in the --spread-from prediction",
  'batch-means':
    "batch means: Welch's t over each measured run's interval values (one observation per interval)",
  'prediction-vs-measurement': 'prediction interval of one replication (measured − mean ± t·s·√(1 + 1/n))',
} as const;

const OWN_KIND =
  'Wilson score interval of the measured run alone (calls as independent trials; null for non-proportions)';

/** The machine-readable form of `hotline compare --json`: figures only, no page. */
export function comparisonJson(comparisons: readonly Comparison[], outcomes: readonly RuleOutcome[] | null) {
  return {
    comparisons: comparisons.map((c) => ({
      a: runRef(c.a),
      b: runRef(c.b),
      method: c.method,
      ...(c.spread ? { spreadFrom: runRef(c.spread) } : {}),
      metrics: c.rows.map((row) => ({
        channel: row.channel,
        metric: row.metric,
        a: row.a,
        b: row.b,
        difference: row.difference.value,
        differenceCi95: row.difference.ci95,
        differenceInterval: INTERVAL_KIND[c.method],
        ...(c.method === 'prediction-vs-measurement'
          ? { measuredOwnCi95: (c.a.info.kind === 'k6' ? row.a : row.b).ci95, measuredOwnCi95Kind: OWN_KIND }
          : {}),
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
        changeCi95: o.changeCi95,
        method: o.method,
        failed: o.failed,
        message: o.message,
      })),
    },
  };
}

function runRef(run: LoadedRun) {
  const { id, kind, seed, replications, givenReplication } = run.info;
  return {
    id,
    kind,
    scenario: run.info.scenario.name,
    seed,
    replications,
    ...(givenReplication === undefined ? {} : { givenReplication }),
    folder: run.folder,
  };
}
