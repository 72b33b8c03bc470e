import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../scenarios/inputError.js';
import { loadScenarioFile, loadScenarioText } from '../../scenarios/loadScenario.js';
import { buildErlangReport } from '../../scripts/cli/erlang/erlangReport.js';
import { parseErlangFlags } from '../../scripts/cli/erlang/parseErlangFlags.js';
import { erlangRequirement } from './erlangRequirement.js';
import { planStaffing } from './planStaffing.js';
import { scheduledAfterShrinkage } from './StaffingRequirement.js';

describe('erlangRequirement', () => {
  it('on a flat scenario equals hotline erlang --goal in every interval', () => {
    // stationary-mmc: 100 calls per 30 min, 180 s exponential talk, 5 min exponential patience,
    // targets 80% in 20 s (slOffered), abandonment at most 5%, ASA at most 30 s.
    const scenario = loadScenarioFile('scenarios/stationary-mmc.json');
    const cli = buildErlangReport(
      parseErlangFlags({
        calls: '100',
        interval: '30m',
        aht: '180s',
        patience: '5m',
        target: '20s',
        goal: '0.8',
        variant: 'slOffered',
        maxAbandon: '0.05',
        maxAsa: '30s',
      }),
    );
    const plan = erlangRequirement(scenario, 0);
    expect(plan.groups).toHaveLength(1);
    expect(plan.groups[0]!.group).toBe('operators');
    expect(new Set(plan.groups[0]!.onDuty)).toEqual(new Set([cli.agents]));
    expect(plan.groups[0]!.onDuty).toHaveLength(48);
  });

  it('needs more agents where more calls come, none where the line is closed', () => {
    const scenario = loadScenarioFile('scenarios/covid-hotline.json');
    const phone = scenario.channels.phone!;
    const onDuty = erlangRequirement(scenario, 0).groups[0]!.onDuty;
    const peak = phone.expectedCalls.indexOf(Math.max(...phone.expectedCalls));
    const trough = phone.expectedCalls.indexOf(Math.min(...phone.expectedCalls));
    expect(onDuty[peak]!).toBeGreaterThan(onDuty[trough]!);
    for (let i = 0; i < onDuty.length; i++) if (phone.open[i] === 0) expect(onDuty[i]).toBe(0);
  });

  it('refuses a scenario with chat, naming the method to use instead', () => {
    const scenario = loadScenarioFile('scenarios/ecosystem.json');
    expect(() => erlangRequirement(scenario, 0)).toThrow(
      /--method.*one planned channel.*plans phone, chat.*allowed: simulation/,
    );
  });

  it('refuses phone taken by two groups (the formula cannot split contacts), as hotline staff does', async () => {
    const text = readFileSync('scenarios/stationary-mmc.json', 'utf8');
    const file = JSON.parse(text);
    file.agents.groups.push({ ...file.agents.groups[0], name: 'second-line' });
    const twoGroups = JSON.stringify(file);
    const message = /--method.*2 agent groups take phone contacts \(operators, second-line\)/s;
    expect(() => erlangRequirement(loadScenarioText(twoGroups, undefined), 0)).toThrow(message);
    const refused = await planStaffing(twoGroups, undefined, { method: 'erlang', shrinkage: 0 }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(InputError);
    expect((refused as InputError).message).toMatch(message);
  });
});

describe('scheduledAfterShrinkage', () => {
  it('rounds up agents / (1 - shrinkage), exact quotients staying exact', () => {
    expect([...scheduledAfterShrinkage(Int32Array.of(0, 12, 13, 1), 0.4)]).toEqual([0, 20, 22, 2]);
    expect([...scheduledAfterShrinkage(Int32Array.of(7), 0)]).toEqual([7]);
    expect(() => scheduledAfterShrinkage(Int32Array.of(1), 1)).toThrow(RangeError);
  });
});
