import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';

/** The loader's notes about a scenario (an older format read), one line each on stderr. */
export function printNotices(file: string, scenario: ScenarioModel): void {
  for (const notice of scenario.notices) process.stderr.write(`note: ${file}: ${notice}\n`);
}
