import { InputError } from '../../scenarios/inputError.js';
import { metricNames } from '../../sim/metrics/metricRegistry.js';

/**
 * One regression rule of `--fail-on`: fail when (candidate − baseline) crosses the threshold.
 * `slOffered<-0.02`: SL dropped by more than 2 points; `asaS>+10%`: ASA rose by more than 10%.
 */
export interface FailRule {
  text: string;
  /** A metric of the phone channel's (the rules have no channel prefix yet). */
  metric: string;
  op: '<' | '>';
  threshold: number;
  /** The threshold is a fraction of the baseline value (written with %), not an absolute change. */
  relative: boolean;
}

const RULE = /^([A-Za-z0-9]+)(<|>)([+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+))(%?)$/;

const ALLOWED =
  '<metric><op><change>, op < or >, change a signed number, % for relative to the baseline, ' +
  'e.g. slOffered<-0.02, abandonRate>+0.01, asaS>+10%';

/** Parses a comma-separated rule list; anything unexpected is bad input (exit 2), never ignored. */
export function parseFailOn(text: string): FailRule[] {
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => part === '')) throw badRule(text, 'empty rule (stray comma?)');
  return parts.map(parseRule);
}

function parseRule(text: string): FailRule {
  const match = RULE.exec(text.replace(/\s+/g, ''));
  if (!match) throw badRule(text, 'not a rule');
  const [, metric, op, number, percent] = match as unknown as [string, string, '<' | '>', string, string];
  const known: readonly string[] = metricNames('phone');
  if (!known.includes(metric)) {
    throw new InputError(undefined, [
      {
        path: '--fail-on',
        message: `unknown metric "${metric}" in rule "${text}"`,
        allowed: known.join(', '),
      },
    ]);
  }
  const value = Number(number);
  return {
    text,
    metric,
    op,
    threshold: percent ? value / 100 : value,
    relative: percent === '%',
  };
}

function badRule(rule: string, why: string): InputError {
  return new InputError(undefined, [{ path: '--fail-on', message: `${why}: "${rule}"`, allowed: ALLOWED }]);
}
