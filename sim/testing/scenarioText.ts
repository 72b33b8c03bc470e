// Test support: reference scenario files with changes applied, as text (what runReplications takes)
// or as a loaded model. Lives beside the tests, not in the product.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadScenarioText } from '../../scenarios/loadScenario.js';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import type { ScenarioFile } from '../../scenarios/scenarioSchema.js';

/** A shipped scenario as tests change it: every shipped scenario has a phone channel. */
export type ShippedScenarioFile = ScenarioFile & {
  channels: { phone: NonNullable<ScenarioFile['channels']['phone']> };
};

export type ScenarioChange = (file: ShippedScenarioFile) => void;

export function scenarioText(name: string, change?: ScenarioChange): string {
  const path = fileURLToPath(new URL(`../../scenarios/${name}.json`, import.meta.url));
  const file = JSON.parse(readFileSync(path, 'utf8')) as ShippedScenarioFile;
  change?.(file);
  return JSON.stringify(file);
}

export function scenarioModel(name: string, change?: ScenarioChange): ScenarioModel {
  return loadScenarioText(scenarioText(name, change), `${name}.json`);
}

/** Sum of one counter over intervals [from, to). */
export function total(values: Float64Array, from = 0, to = values.length): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i]!;
  return sum;
}
