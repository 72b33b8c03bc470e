import { describe, expect, it } from 'vitest';
import { loadScenarioFile } from '../../../scenarios/loadScenario.js';
import { requiredFromScenario } from './requiredFromScenario.js';

describe('requiredFromScenario (--required)', () => {
  const covid = loadScenarioFile('scenarios/covid-hotline.json');

  it("takes the group's agents scheduled per interval, whole", () => {
    const required = requiredFromScenario('scenarios/covid-hotline.json', 'operators', covid.calendar);
    expect(required).toHaveLength(7 * 48);
    // The covid shifts at Monday 00:00: Sunday's two 22:00 shifts (14 + 14 agents) and its two 16:30
    // shifts, which end at 00:30 (28 + 29 agents); none of them on break then.
    expect(required[0]).toBe(14 + 14 + 28 + 29);
    const scheduled = covid.agentGroups[0]!.staffing.scheduledPerInterval;
    required.forEach((r, k) => {
      expect(r).toBeGreaterThanOrEqual(scheduled[k]! - 1e-9);
      expect(r).toBeLessThan(scheduled[k]! + 1);
    });
  });

  it('refuses a scenario on another calendar, or without the group', () => {
    expect(() => requiredFromScenario('scenarios/stationary-mmc.json', 'operators', covid.calendar)).toThrow(
      /stationary-mmc\.json at \/calendar: --required needs the scenario's calendar \(2020-12-07, 7 days, 30m intervals\)/,
    );
    expect(() => requiredFromScenario('scenarios/covid-hotline.json', 'nurses', covid.calendar)).toThrow(
      /no agent group nurses; allowed: operators/,
    );
  });
});
