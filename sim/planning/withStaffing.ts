import { migrateScenario } from '../../scenarios/migrateScenario.js';
import type { StaffingFile } from '../../scenarios/scenarioSchema.js';

/**
 * The scenario text with some groups' staffing replaced: what planning tools simulate and what
 * `--write` saves. Works on the file (not the frozen model) so the result goes through the same
 * loader, checks and worker threads as any scenario. A format-1 file comes back as format 2.
 */
export function withStaffing(text: string, staffing: Readonly<Record<string, StaffingFile>>): string {
  const scenario = migrateScenario(JSON.parse(text)).value as {
    agents: { groups: { name: string; staffing: StaffingFile }[] };
  };
  const names = scenario.agents.groups.map((g) => g.name);
  for (const group of Object.keys(staffing)) {
    if (!names.includes(group))
      throw new Error(`withStaffing: no agent group ${group} (has ${names.join(', ')})`);
  }
  for (const group of scenario.agents.groups) {
    const replacement = staffing[group.name];
    if (replacement) group.staffing = replacement;
  }
  return `${JSON.stringify(scenario, null, 2)}\n`;
}
