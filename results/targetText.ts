// Targets and their outcomes as text, for `hotline sim`'s verdict line and the report header alike.
import type { ChannelTargets, TargetCheck, TargetOutcome } from '../sim/metrics/judgeTargets.js';
import { metricSpec } from '../sim/metrics/metricRegistry.js';
import { thresholdText } from '../sim/metrics/thresholdText.js';
import { formatValue } from './report/formatMetric.js';

const SYMBOLS = { ascii: { '>=': '>=', '<=': '<=' }, unicode: { '>=': '≥', '<=': '≤' } } as const;
const BROKEN = { '>=': '<', '<=': '>' } as const;

/** "slOffered >= 80.0% within 30 s", "abandonRate <= 8.0%", "asaS <= 60.0 s". */
export function targetText(
  channel: string,
  check: TargetCheck,
  targets: ChannelTargets,
  symbols: keyof typeof SYMBOLS = 'ascii',
): string {
  const { unit } = metricSpec(channel, check.metric);
  const within = check.target === 'serviceLevel' ? ` ${thresholdText(channel, targets.thresholdS).long}` : '';
  return `${check.metric} ${SYMBOLS[symbols][check.op]} ${formatValue(check.limit, unit)}${within}`;
}

/** A missed target as "abandonRate 9.0% > 8.0%"; a passed one as "slOffered 81.0% >= 80.0%". */
export function outcomeText(
  channel: string,
  outcome: TargetOutcome,
  symbols: keyof typeof SYMBOLS = 'ascii',
): string {
  const { unit } = metricSpec(channel, outcome.metric);
  const op = outcome.status === 'fail' ? BROKEN[outcome.op] : SYMBOLS[symbols][outcome.op];
  return `${outcome.metric} ${formatValue(outcome.value, unit)} ${op} ${formatValue(outcome.limit, unit)}`;
}
