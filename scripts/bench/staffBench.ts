import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { planStaffing } from '../../sim/planning/planStaffing.js';
import { benchLine as line } from './benchLine.js';

/** `hotline staff --method simulation` on the covid week with the CLI's defaults, on 2 threads. */
export async function staffBench(repo: string): Promise<void> {
  const text = readFileSync(join(repo, 'scenarios', 'covid-hotline.json'), 'utf8');
  const started = performance.now();
  const plan = await planStaffing(text, undefined, { method: 'simulation', shrinkage: 0, threads: 2 });
  const wallS = (performance.now() - started) / 1000;
  const missed = plan.channels.reduce((n, c) => n + c.missed.length, 0);
  const checkMissed = (plan.check?.channels ?? []).reduce((n, c) => n + c.missed.length, 0);
  line(
    'staff --method simulation, covid week, 2 threads',
    `${wallS.toFixed(1)} s wall (${(plan.simulationMs / 1000).toFixed(1)} s simulating), ${plan.iterations} simulations ` +
      `x ${plan.replications} replications, ${missed} intervals missed (${checkMissed} on the check's draws), ` +
      `${Math.round(plan.agentHours.onDuty).toLocaleString('en-US')} agent-hours (target <= 30 s)`,
  );
}
