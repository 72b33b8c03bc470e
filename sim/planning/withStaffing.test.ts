import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../scenarios/loadScenario.js';
import { withStaffing } from './withStaffing.js';

describe('withStaffing', () => {
  const text = readFileSync('scenarios/covid-hotline.json', 'utf8');

  it('replaces the named group staffing and leaves the rest of the scenario as it was', () => {
    const before = loadScenarioText(text, undefined);
    const after = loadScenarioText(
      withStaffing(text, { operators: { kind: 'constant', agents: 123 } }),
      undefined,
    );
    expect([...after.agentGroups[0]!.staffing.agents]).toEqual([123, 0]);
    expect(after.channels.phone!.expectedCalls).toEqual(before.channels.phone!.expectedCalls);
    expect(after.calendar).toEqual(before.calendar);
  });

  it('refuses a group the scenario does not have', () => {
    expect(() => withStaffing(text, { nobody: { kind: 'constant', agents: 1 } })).toThrow(
      /no agent group nobody/,
    );
  });
});
