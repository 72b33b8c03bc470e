// The k6 run's thresholds re-judged on the merged samples, and their JUnit XML. Each channel's
// measured metrics come from its part in results/<channel>/ (the list in k6Results.ts).
import type { K6Stat } from '../sim/metrics/MetricSpec.js';
import { channelMetrics } from '../sim/metrics/metricRegistry.js';
import type { AnyK6ChannelResults, K6Values } from './K6ChannelResults.js';
import type { K6Measurement } from './k6Points.js';
import { K6_RESULTS } from './k6Results.js';

export interface ThresholdResult {
  metric: string;
  expression: string;
  /** The aggregate the expression tests (rate, avg, count, max, p(N)); null when there was no sample. */
  value: number | null;
  ok: boolean;
}

/**
 * Re-evaluates the thresholds of the replay on the merged samples of all k6 processes (k6 itself
 * only judges its own segment). A metric's k6 name and aggregate come from the registry (MetricSpec.k6);
 * understands rate, avg, count, max and p(N) with <, <=, >, >=, ==, !=. A threshold on a metric
 * without samples passes, as in k6.
 */
export function evaluateThresholds(
  thresholds: Record<string, string[]>,
  measurement: K6Measurement,
  /** Each replayed channel's service-level threshold, by channel (a channel absent: no samples). */
  thresholdsS: Readonly<Partial<Record<string, number>>>,
): ThresholdResult[] {
  const values: K6Values = {
    // Each channel's own health metrics (phone's call_errors), whether or not the scenario has it.
    ...Object.assign(
      {},
      ...(K6_RESULTS as readonly AnyK6ChannelResults[]).map((r) => r.healthValues?.(measurement)),
    ),
    http_req_failed: {
      rate: measurement.httpRequests > 0 ? measurement.httpFailed / measurement.httpRequests : null,
    },
    dropped_iterations: { count: measurement.droppedIterations },
  };
  for (const channel of K6_RESULTS as readonly AnyK6ChannelResults[]) {
    const thresholdS = thresholdsS[channel.channel];
    if (thresholdS === undefined) continue;
    const run = channel.measure(measurement, thresholdS);
    for (const spec of channelMetrics(channel.channel)) {
      if (!spec.k6) continue;
      values[spec.k6.metric] ??= {};
      values[spec.k6.metric]![spec.k6.stat] ??= run[spec.name]?.mean ?? null;
    }
  }
  const results: ThresholdResult[] = [];
  for (const [metric, expressions] of Object.entries(thresholds)) {
    for (const expression of expressions) {
      const m = /^\s*(rate|avg|count|max|p\([0-9.]+\))\s*(<=|>=|==|!=|<|>)\s*(-?[0-9.eE+-]+)\s*$/.exec(
        expression,
      );
      if (!m) throw new Error(`cannot evaluate threshold ${metric}: ${expression}`);
      const value = values[metric]?.[m[1] as K6Stat] ?? null;
      results.push({ metric, expression, value, ok: value === null || compare(value, m[2]!, Number(m[3])) });
    }
  }
  return results;
}

function compare(a: number, op: string, b: number): boolean {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '==':
      return a === b;
    default:
      return a !== b;
  }
}

/** JUnit XML with one test case per threshold, for CI. */
export function thresholdsJunit(suite: string, results: readonly ThresholdResult[]): string {
  const failures = results.filter((r) => !r.ok).length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${xml(suite)}" tests="${results.length}" failures="${failures}">`,
    `  <testsuite name="${xml(suite)}" tests="${results.length}" failures="${failures}">`,
  ];
  for (const r of results) {
    const name = xml(`${r.metric}: ${r.expression}`);
    const shown = r.value === null ? 'no samples' : String(Number(r.value.toPrecision(6)));
    if (r.ok) lines.push(`    <testcase classname="thresholds" name="${name}"/>`);
    else {
      lines.push(`    <testcase classname="thresholds" name="${name}">`);
      lines.push(`      <failure message="${xml(`${r.metric} ${r.expression} failed: value ${shown}`)}"/>`);
      lines.push('    </testcase>');
    }
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}

function xml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
