import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import type { AgentGroupModel } from './AgentGroupModel.js';

/** The scenario's agent groups. A phone-only scenario's staffing is one group with the phone skill. */
export function agentGroupsOf(scenario: ScenarioModel): readonly AgentGroupModel[] {
  return scenario.agentGroups;
}
