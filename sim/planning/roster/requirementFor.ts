import { loadScenarioText } from '../../../scenarios/loadScenario.js';
import { erlangRequirement } from '../erlangRequirement.js';
import type { StaffingRequirement } from '../StaffingRequirement.js';

export interface RequirementOptions {
  readonly shrinkage: number;
}

/**
 * Where `hotline roster` gets agents needed per interval: the one place to switch the method (per-interval
 * Erlang today; `planStaffing` from `hotline staff`, with its simulation method, once it lands).
 */
export async function requirementFor(
  text: string,
  file: string | undefined,
  options: RequirementOptions,
): Promise<StaffingRequirement> {
  return erlangRequirement(loadScenarioText(text, file), options.shrinkage);
}
