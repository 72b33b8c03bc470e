// The callers of a replay, drawn in Node before k6 starts: each caller's class, patience, IVR time and
// retrial decisions and delays, from the simulator's seeded streams (phone.routing, phone.ivr,
// phone.patience, phone.retrial). k6 reads them from the schedule file into a SharedArray, so it needs
// no random numbers of its own and a replay with the same seed is the same set of callers.
//
// Draw order. First attempts are drawn caller by caller in arrival order exactly as the simulator (and
// the mocks) draw a contact: class (phone.routing, when there are several classes), self-service
// (phone.routing, when there is an IVR: drawn and discarded, the target decides), IVR time, patience.
// So without retrials the n-th caller's draws are the simulator's n-th. Retrial attempts are drawn
// after all first attempts (their order in the simulator depends on outcomes nobody knows yet), and
// every caller gets a decision uniform and a delay per possible retrial (phone.retrial).
import type { ScenarioModel } from '../../../scenarios/ScenarioModel.js';
import { cumulativeShares } from '../../../sim/distributions/cumulativeShares.js';
import { createStream } from '../../../sim/rng/createStream.js';

/** One caller (kept short: a day of callers is tens of thousands of these in the schedule file). */
export interface CallerPlan {
  /** Wall ms after the scenario start at which the first attempt is sent; null with even arrivals. */
  t: number | null;
  /** Class name sent with the call; null when the scenario has one class (nothing to send). */
  c: string | null;
  /** Patience of each attempt, model seconds in queue; null = never gives up. */
  p: (number | null)[];
  /** IVR time of each attempt, model seconds (the caller's budget before the queue). */
  v: number[];
  /** Uniform deciding whether the caller calls again after attempt a (a = 0 .. maxAttempts - 2). */
  r: number[];
  /** Delay before that retrial, model seconds. */
  d: number[];
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/** The plans of `count` callers; `offsetsMs[n]` (if any) is when caller n sends its first call. */
export function buildCallerPlans(
  scenario: ScenarioModel,
  count: number,
  offsetsMs: readonly number[],
  seed: number | string,
): CallerPlan[] {
  const phone = scenario.channels.phone;
  if (phone === undefined) return [];
  const routing = createStream(seed, 'phone.routing', 0);
  const ivrRng = createStream(seed, 'phone.ivr', 0);
  const patienceRng = createStream(seed, 'phone.patience', 0);
  const retrialRng = createStream(seed, 'phone.retrial', 0);
  const shares = cumulativeShares(phone.classes.map((c) => c.share));
  const attempts = phone.retrial?.maxAttempts ?? 1;

  const drawClass = (): number => {
    if (shares.length === 1) return 0;
    const u = routing();
    for (let i = 0; i < shares.length - 1; i++) if (u < shares[i]!) return i;
    return shares.length - 1;
  };
  const drawAttempt = (plan: CallerPlan, klass: number): void => {
    if (phone.ivr !== null) routing(); // the self-service draw, the target's business
    plan.v.push(phone.ivr === null ? 0 : round(phone.ivr.time.sample(ivrRng)));
    const patience = phone.classes[klass]!.patience.sample(patienceRng);
    plan.p.push(Number.isFinite(patience) ? round(patience) : null);
  };

  const classes: number[] = [];
  const plans: CallerPlan[] = [];
  for (let n = 0; n < count; n++) {
    const klass = drawClass();
    classes.push(klass);
    const plan: CallerPlan = {
      t: offsetsMs[n] ?? null,
      c: phone.classes.length > 1 ? phone.classes[klass]!.name : null,
      p: [],
      v: [],
      r: [],
      d: [],
    };
    drawAttempt(plan, klass);
    plans.push(plan);
  }
  for (let a = 1; a < attempts; a++) {
    plans.forEach((plan, n) => {
      drawClass(); // the simulator draws a class for a retrial too, and keeps the caller's
      drawAttempt(plan, classes[n]!);
    });
  }
  const retrial = phone.retrial;
  if (retrial !== null) {
    for (const plan of plans) {
      for (let a = 1; a < attempts; a++) {
        plan.r.push(Math.round(retrialRng() * 1e6) / 1e6);
        plan.d.push(round(retrial.delay.sample(retrialRng)));
      }
    }
  }
  return plans;
}
