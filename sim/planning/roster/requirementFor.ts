import { loadScenarioText } from '../../../scenarios/loadScenario.js';
import { chooseStaffingMethod } from '../chooseStaffingMethod.js';
import { planStaffing } from '../planStaffing.js';
import type { StaffingMethod, StaffingRequirement } from '../StaffingRequirement.js';

export interface RequirementOptions {
  readonly shrinkage: number;
  readonly seed?: number | string;
  readonly threads?: number;
  /** Default: what `hotline staff` picks for the scenario (Erlang only where its formula holds). */
  readonly method?: StaffingMethod;
  readonly signal?: AbortSignal;
}

/**
 * Where `hotline roster` gets agents needed per interval: `hotline staff`'s plan, so a roster starts
 * from the requirement that simulation says meets the targets (time-varying demand, retrials, day
 * factors), not from per-interval Erlang, which starts covid about 9% short.
 */
export async function requirementFor(
  text: string,
  file: string | undefined,
  options: RequirementOptions,
): Promise<StaffingRequirement> {
  const method = options.method ?? chooseStaffingMethod(loadScenarioText(text, file)).method;
  return planStaffing(text, file, {
    method,
    shrinkage: options.shrinkage,
    ...(options.seed === undefined ? {} : { seed: options.seed }),
    ...(options.threads === undefined ? {} : { threads: options.threads }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
}
