import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioFile, loadScenarioText } from '../../scenarios/loadScenario.js';
import { chooseStaffingMethod } from './chooseStaffingMethod.js';

// biome-ignore lint/suspicious/noExplicitAny: the scenario file is edited as plain JSON, then validated
type ScenarioJson = Record<string, any>;

/** stationary-mmc (one phone channel, one group, flat demand, no retrials) with `edit` applied. */
function stationary(edit: (file: ScenarioJson) => void) {
  const file = JSON.parse(readFileSync('scenarios/stationary-mmc.json', 'utf8'));
  edit(file);
  return loadScenarioText(JSON.stringify(file), undefined);
}

describe('chooseStaffingMethod', () => {
  it('takes Erlang only where it is exact: one phone channel, one group, flat demand, no retrials', () => {
    expect(chooseStaffingMethod(loadScenarioFile('scenarios/stationary-mmc.json'))).toEqual({
      method: 'erlang',
      reason: 'one phone channel, flat demand, no retrials: Erlang A holds',
    });
  });

  it('takes simulation, saying why, wherever one of those fails', () => {
    const cases: [string, ReturnType<typeof loadScenarioFile>, string][] = [
      [
        'retrials',
        stationary((f) => {
          f.channels.phone.retrial = {
            afterBlocked: 0.8,
            afterAbandoned: 0.6,
            delay: { kind: 'exponential', mean: '15m' },
            maxAttempts: 3,
          };
        }),
        'retrials carry demand across intervals',
      ],
      [
        'a peak',
        stationary((f) => {
          f.channels.phone.demand.intradayShape[20] = 2;
        }),
        'demand varies over the day: the load lags the arrivals',
      ],
      [
        'two groups',
        stationary((f) => {
          f.agents.groups.push({ ...f.agents.groups[0], name: 'second-line' });
        }),
        '2 groups share the phone contacts',
      ],
      [
        'phone and chat',
        loadScenarioFile('scenarios/ecosystem.json'),
        'channels phone + chat: no closed formula',
      ],
      ['chat alone', loadScenarioFile('scenarios/health-chats.json'), 'chat: no closed formula'],
    ];
    for (const [what, scenario, reason] of cases) {
      expect(chooseStaffingMethod(scenario), what).toEqual({ method: 'simulation', reason });
    }
  });
});
