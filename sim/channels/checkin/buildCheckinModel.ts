import { tryParseDuration } from '../../../scenarios/duration.js';
import { MAX_CALLS_IN_HORIZON } from '../../../scenarios/limits.js';
import { buildDistribution } from '../../distributions/buildDistribution.js';
import type { ChannelBuildContext } from '../ChannelPlugin.js';
import { type CallRuleModel, type CheckinModel, FAILURE_MODES } from './CheckinModel.js';
import type { CheckinChannelFile } from './checkinSchema.js';
import { monitoredPopulation } from './monitoredPopulation.js';

const PATH = '/channels/checkin';

/** The check-in channel's defaults and cross-field checks; undefined when an issue was found. */
export function buildCheckinModel(
  file: CheckinChannelFile,
  context: ChannelBuildContext,
): CheckinModel | undefined {
  const { calendar, issues } = context;
  const before = issues.length;
  const dist = (spec: Parameters<typeof buildDistribution>[0], path: string) =>
    buildDistribution(spec, `${PATH}/${path}`, issues);
  const { intervalS, intervalsPerDay, days } = calendar;
  const intervals = days * intervalsPerDay;
  const population = monitoredPopulation(file.population, intervals, intervalS);
  const expectedPrompts = buildExpectedPrompts(file, population, intervalS, intervalsPerDay, issues);

  const f = file.failures;
  const failureProbability = Float64Array.from([
    f.noResponse,
    f.appError,
    f.geolocationWrong,
    f.photoNotIdentified,
    0,
  ]);
  const reviewShare = file.verification.reviewShare ?? 0;
  const outcomeSum = f.noResponse + f.appError + f.geolocationWrong + f.photoNotIdentified + reviewShare;
  if (outcomeSum > 1 + 1e-12) {
    issues.push({
      path: `${PATH}/failures`,
      message: `noResponse + appError + geolocationWrong + photoNotIdentified + verification.reviewShare is ${round(outcomeSum)}; they are shares of the same prompts`,
      value: outcomeSum,
      allowed: 'a sum of at most 1',
    });
  }
  if (reviewShare > 0 && file.reviewTime === undefined) {
    issues.push({
      path: `${PATH}/reviewTime`,
      message: 'verification.reviewShare sends check-ins to manual review, so the agents need a review time',
      allowed: 'a duration or a distribution, e.g. {"kind": "exponential", "mean": "4m"}',
    });
  }
  const calls = FAILURE_MODES.map((mode): CallRuleModel => {
    if (mode === 'cannotUseApp') {
      const c = file.cannotUseApp;
      return c === undefined
        ? { probability: 0, delay: null }
        : { probability: c.callProbability, delay: dist(c.callDelay, 'cannotUseApp/callDelay') };
    }
    const rule = file.calls?.[mode];
    return rule === undefined
      ? { probability: 0, delay: null }
      : { probability: rule.probability, delay: dist(rule.delay, `calls/${mode}/delay`) };
  });
  const deadlineS = tryParseDuration(file.deadline)!;
  if (deadlineS <= 0)
    issues.push({ path: `${PATH}/deadline`, message: 'must be longer than 0', value: file.deadline });
  const model: CheckinModel = {
    population,
    expectedPrompts,
    responseDelay: dist(file.responseDelay, 'responseDelay'),
    deadlineS,
    failureProbability,
    reviewShare,
    verificationCapacity: file.verification.capacity,
    verificationLatency: dist(file.verification.latency, 'verification/latency'),
    reviewTime: file.reviewTime === undefined ? null : dist(file.reviewTime, 'reviewTime'),
    calls,
    cannotUseAppShare: file.cannotUseApp?.share ?? 0,
    targets: {
      variant: 'confirmedWithinT',
      thresholdS: tryParseDuration(file.targets.confirmation.threshold)!,
      goal: file.targets.confirmation.goal,
      maxAbandonRate: file.targets.maxFailureRate ?? null,
      maxAsaS: null,
    },
    maxFailureRate: file.targets.maxFailureRate ?? null,
  };
  return issues.length > before ? undefined : Object.freeze(model);
}

/**
 * Prompts per interval: population x interval / meanGap x the daily profile's weight (normalised to
 * mean 1, so the daily mean gap is meanGap). Poisson with rate N/gap is exact for N people with
 * exponential gaps (a superposition of Poisson processes), whatever N does.
 */
function buildExpectedPrompts(
  file: CheckinChannelFile,
  population: Float64Array,
  intervalS: number,
  intervalsPerDay: number,
  issues: ChannelBuildContext['issues'],
): Float64Array {
  const out = new Float64Array(population.length);
  const gapS = tryParseDuration(file.prompts.meanGap)!;
  if (gapS <= 0) {
    issues.push({
      path: `${PATH}/prompts/meanGap`,
      message: 'must be longer than 0',
      value: file.prompts.meanGap,
    });
    return out;
  }
  const weights = normalisedProfile(file.prompts.dailyProfile, intervalsPerDay, issues);
  if (weights === undefined) return out;
  let sum = 0;
  for (let k = 0; k < out.length; k++) {
    out[k] = (population[k]! * intervalS * weights[k % intervalsPerDay]!) / gapS;
    sum += out[k]!;
  }
  if (sum > MAX_CALLS_IN_HORIZON) {
    issues.push({
      path: `${PATH}/population`,
      message: `gives ${Math.round(sum).toLocaleString('en-US')} prompts in the horizon`,
      allowed: `at most ${MAX_CALLS_IN_HORIZON.toLocaleString('en-US')} (fewer people, a longer meanGap or fewer days)`,
    });
  }
  return out;
}

function normalisedProfile(
  profile: readonly number[] | undefined,
  intervalsPerDay: number,
  issues: ChannelBuildContext['issues'],
): Float64Array | undefined {
  if (profile === undefined) return new Float64Array(intervalsPerDay).fill(1);
  const path = `${PATH}/prompts/dailyProfile`;
  if (profile.length !== intervalsPerDay) {
    issues.push({
      path,
      message: `needs one weight per interval of the day (${intervalsPerDay}), has ${profile.length}`,
    });
    return undefined;
  }
  const mean = profile.reduce((a, b) => a + b, 0) / intervalsPerDay;
  if (mean <= 0) {
    issues.push({ path, message: 'all weights are zero: nobody would ever be prompted' });
    return undefined;
  }
  return Float64Array.from(profile, (w) => w / mean);
}

function round(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
