import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadScenarioText } from '../../scenarios/loadScenario.js';
import { erlangRequirement } from '../../sim/planning/erlangRequirement.js';
import { buildShiftColumns } from '../../sim/planning/roster/buildShiftColumns.js';
import { loadShiftTemplatesFile } from '../../sim/planning/roster/loadShiftTemplates.js';
import { ROSTER_SOLVER_DEFAULTS } from '../../sim/planning/roster/rosterSolverDefaults.js';
import { solveCover } from '../../sim/planning/roster/solveCover.js';
import { benchLine as line } from './benchLine.js';

/**
 * `hotline roster`'s covering program on the covid week (7 x 48 intervals, the covid templates) with
 * the CLI's defaults (node limit, time limit as a safety net, 0.1% gap): the time, the nodes, the gap
 * reached and the bounds. The target: solved within 20 s with the gap printed.
 */
export async function rosterBench(repo: string): Promise<void> {
  const file = join(repo, 'scenarios', 'covid-hotline.json');
  const text = readFileSync(file, 'utf8');
  const scenario = loadScenarioText(text, file);
  const templates = loadShiftTemplatesFile(join(repo, 'scenarios', 'shifts', 'covid.json'));
  const started = performance.now();
  const shifts = buildShiftColumns(templates, scenario.calendar);
  // The program, not the requirement, is what this times: per-interval Erlang gives a covid-sized
  // requirement without minutes of simulation (hotline roster itself starts from hotline staff's plan).
  const required = erlangRequirement(scenario, 0).groups[0]!.scheduled;
  const built = (performance.now() - started) / 1000;
  const solution = await solveCover({ required, ...shifts, ...ROSTER_SOLVER_DEFAULTS });
  const total = (performance.now() - started) / 1000;
  const money = (x: number) => Math.round(x).toLocaleString('en-US');
  line(
    `roster covid week (${required.length} intervals, ${shifts.instances.length} template shifts)`,
    `${shifts.columns.length} columns built in ${built.toFixed(1)} s, solved in ${solution.solveS.toFixed(1)} s (${solution.status}, ${solution.nodes} nodes), ` +
      `${total.toFixed(1)} s in all: cost ${money(solution.cost)}, bound ${money(solution.bound)}, gap ${(Math.max(0, solution.gap) * 100).toFixed(2)}%, ` +
      `LP bound ${money(solution.lpBound)} (target: within 20 s, gap printed)`,
  );
}
