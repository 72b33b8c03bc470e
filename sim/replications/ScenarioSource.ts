import { type LoadOptions, loadScenarioText } from '../../scenarios/loadScenario.js';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';

/**
 * What a worker thread needs to rebuild the model: the file text and load options. The frozen model
 * holds distribution objects, which do not survive structured cloning, so workers load it again.
 */
export interface ScenarioSource {
  readonly text: string;
  readonly file?: string;
  readonly options?: LoadOptions;
}

export function loadSource(source: ScenarioSource): ScenarioModel {
  return loadScenarioText(source.text, source.file, source.options);
}
