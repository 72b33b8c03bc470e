import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { judgeTargets, missedBeyondNoise } from '../metrics/judgeTargets.js';
import { simulateScenario } from '../simulateScenario.js';

// scenarios/covid-hotline-planned.json is covid-hotline with the shifts `hotline roster` planned
// (see its description). The claim it ships with: on draws no planning step used, no interval of
// the week misses a target beyond noise (the whole 95% CI on the wrong side), with far fewer
// agent-hours than the hand-made shifts, which do miss beyond noise. Seed "shipped-check" was used
// by no planning step (those used 1, 1-<round> and 1-check).

async function intervalsMissed(name: string) {
  const file = `scenarios/${name}.json`;
  const result = await simulateScenario(
    { text: readFileSync(file, 'utf8'), file },
    { replications: 30, seed: 'shipped-check', threads: 2 },
  );
  const phone = result.summary.channels.phone!;
  const targets = result.scenario.channels.phone!.targets;
  const byMean = phone.intervals.filter((f) => judgeTargets('phone', targets, f).verdict === 'missed');
  const beyond = phone.intervals.filter((f) => missedBeyondNoise('phone', targets, f));
  return { byMean: byMean.length, beyond: beyond.length, agentHours: phone.run.agentHours!.mean! };
}

describe('the shipped planned covid-hotline', () => {
  it('meets its targets in every interval of the week up to noise, on fewer agent-hours than the hand-made shifts', async () => {
    const planned = await intervalsMissed('covid-hotline-planned');
    const handMade = await intervalsMissed('covid-hotline');
    expect(planned.beyond).toBe(0);
    // Tuned to the fewest agents, some means fall short by chance: a minority, none significantly.
    expect(planned.byMean).toBeLessThan(336 / 4);
    expect(handMade.beyond).toBeGreaterThan(10);
    expect(planned.agentHours).toBeLessThan(0.75 * handMade.agentHours);
    expect(handMade.agentHours).toBeCloseTo(21_000, -2);
  }, 300_000);
});
