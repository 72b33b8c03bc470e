// Property: whatever a scenario file says, the loader either gives a model the engine can run (every
// number finite and in range, every draw finite) or throws InputError with a path for each problem;
// never another error, never a hang. The bulk of the generated cases (9,200 of about 10,000) run here,
// in-process. FC_SEED=<n> replays another sequence (the failure message prints the seed and path).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createStream } from '../sim/rng/createStream.js';
import { InputError } from './inputError.js';
import { MAX_AGENTS, MAX_CALLS_IN_HORIZON } from './limits.js';
import { loadScenarioText } from './loadScenario.js';
import type { ScenarioModel } from './ScenarioModel.js';
import { scenarioText } from './testing/scenarioArbitraries.js';

const SEED = Number(process.env.FC_SEED ?? 20_261_122);

/** Why the model is not one the engine can run, or undefined (plain checks: this runs 9,000 times). */
function unrunnable(model: ScenarioModel): string | undefined {
  const { calendar } = model;
  const phone = model.channels.phone;
  if (phone === undefined) return 'no phone channel (every generated scenario has one)';
  if (calendar.dates.length !== calendar.days) return 'dates';
  if (calendar.dates.some((date) => !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(date))) return 'date format';
  let calls = 0;
  for (const x of phone.expectedCalls) {
    if (!(Number.isFinite(x) && x >= 0)) return `expected calls ${x}`;
    calls += x;
  }
  if (calls > MAX_CALLS_IN_HORIZON) return `${calls} calls`;
  for (const group of model.agentGroups) {
    const { changeTimesS, agents, scheduledPerInterval } = group.staffing;
    for (const t of changeTimesS) if (!Number.isFinite(t)) return `staffing change at ${t}`;
    for (const a of agents) if (!(a >= 0 && a <= MAX_AGENTS)) return `${a} agents`;
    for (const a of scheduledPerInterval) if (!(Number.isFinite(a) && a >= 0)) return `${a} agents scheduled`;
  }
  const rng = createStream(1, 'phone.talkTime', 0);
  const distributions = [
    phone.talkTime,
    phone.afterCallWork,
    phone.ivr?.time,
    phone.retrial?.delay,
    ...phone.classes.map((c) => c.patience),
  ];
  const chat = model.channels.chat;
  if (chat !== undefined) {
    for (const x of chat.expectedSessions)
      if (!(Number.isFinite(x) && x >= 0)) return `expected sessions ${x}`;
    for (const f of chat.concurrencyFactors) if (!(Number.isFinite(f) && f >= 1)) return `stretch ${f}`;
    for (let i = 0; i < 5; i++) {
      const m = chat.messages.sample(rng);
      if (!(Number.isInteger(m) && m >= 1)) return `${chat.messages.describe()} drew ${m} messages`;
    }
    distributions.push(
      chat.replyTime,
      chat.patience,
      chat.thinkTime ?? undefined,
      chat.replyPatience ?? undefined,
    );
  }
  for (const distribution of distributions) {
    if (!distribution) continue;
    if (!Number.isFinite(distribution.mean))
      return `${distribution.describe()} has mean ${distribution.mean}`;
    for (let i = 0; i < 5; i++) {
      const x = distribution.sample(rng);
      if (!(Number.isFinite(x) && x >= 0)) return `${distribution.describe()} drew ${x}`;
    }
  }
  return undefined;
}

describe('loadScenario (property)', () => {
  it('accepts a runnable model or refuses with InputError naming a path, for any file', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(scenarioText(), (text) => {
        let model: ScenarioModel;
        try {
          model = loadScenarioText(text, 'generated.json');
        } catch (error) {
          if (!(error instanceof InputError)) throw error;
          const named = error.issues.every((issue) => typeof issue.path === 'string' && issue.message !== '');
          if (error.issues.length === 0 || !named || !error.message.startsWith('generated.json')) {
            expect.fail(`issues without a path or message: ${error.message}`);
          }
          refused++;
          return;
        }
        expect(unrunnable(model)).toBeUndefined();
        accepted++;
      }),
      { numRuns: 9200, seed: SEED },
    );
    // Both sides of the contract are exercised, not just one.
    expect(accepted).toBeGreaterThan(300);
    expect(refused).toBeGreaterThan(300);
  });
});
