import { InputError } from '../../scenarios/inputError.js';
import {
  findMetricSpec,
  isMetricChannel,
  type MetricChannel,
  metricChannels,
  metricNames,
} from '../../sim/metrics/metricRegistry.js';

/**
 * One regression rule of `--fail-on`: fail when (candidate − baseline) crosses the threshold.
 * `slOffered<-0.02`: SL dropped by more than 2 points; `asaS>+10%`: ASA rose by more than 10%.
 */
export interface FailRule {
  text: string;
  /**
   * The channel written before the metric (`chat.firstResponseSlOffered`), or null for a bare name:
   * then the first channel of the compared runs, in the channel list's order, that has the metric
   * (resolveRuleChannel), so old phone rules keep their meaning and a chat-only run's rules read chat.
   */
  channel: MetricChannel | null;
  /** A metric of the registry (sim/metrics): of `channel`, or of at least one channel when bare. */
  metric: string;
  op: '<' | '>';
  threshold: number;
  /** The threshold is a fraction of the baseline value (written with %), not an absolute change. */
  relative: boolean;
}

const RULE = /^(?:([A-Za-z0-9]+)\.)?([A-Za-z0-9]+)(<|>)([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(%?)$/;

const ALLOWED =
  '[<channel>.]<metric><op><change>, op < or >, change a signed number, % for relative to the baseline, ' +
  'e.g. slOffered<-0.02, abandonRate>+0.01, asaS>+10%, chat.firstResponseSlOffered<-0.05';

/** Parses a comma-separated rule list; anything unexpected is bad input (exit 2), never ignored. */
export function parseFailOn(text: string): FailRule[] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => part === '')) throw badRule(text, 'empty rule (stray comma?)');
  return parts.map(parseRule);
}

function parseRule(text: string): FailRule {
  const match = RULE.exec(text.replace(/\s+/g, ''));
  if (!match) throw badRule(text, 'not a rule');
  const [, channel, metric, op, number, percent] = match as unknown as [
    string,
    string | undefined,
    string,
    '<' | '>',
    string,
    string,
  ];
  if (channel !== undefined && !isMetricChannel(channel)) {
    throw new InputError(undefined, [
      {
        path: '--fail-on',
        message: `unknown channel "${channel}" in rule "${text}"`,
        allowed: metricChannels().join(', '),
      },
    ]);
  }
  const channels: MetricChannel[] = channel === undefined ? metricChannels() : [channel];
  if (!channels.some((c) => findMetricSpec(c, metric) !== undefined)) {
    throw new InputError(undefined, [
      {
        path: '--fail-on',
        message: `unknown metric "${metric}"${channel === undefined ? '' : ` of ${channel}`} in rule "${text}"`,
        allowed: channels.map((c) => `${c}: ${metricNames(c).join(', ')}`).join('; '),
      },
    ]);
  }
  const value = Number(number);
  return {
    text,
    channel: channel ?? null,
    metric,
    op,
    threshold: percent ? value / 100 : value,
    relative: percent === '%',
  };
}

function badRule(rule: string, why: string): InputError {
  return new InputError(undefined, [{ path: '--fail-on', message: `${why}: "${rule}"`, allowed: ALLOWED }]);
}
