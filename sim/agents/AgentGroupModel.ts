import type { StaffingModel } from '../../scenarios/ScenarioModel.js';

/** One group of agents of the ecosystem's shared pool, as the scenario describes it. */
export interface AgentGroupModel {
  readonly name: string;
  /** Channels the group serves, highest priority first (an agent who frees up serves them in this order). */
  readonly skills: readonly string[];
  /** Contacts an agent can hold at once on a channel that shares an agent (chat sessions); a call takes all. */
  readonly slots: number;
  readonly staffing: StaffingModel;
}
