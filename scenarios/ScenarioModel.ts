// The frozen model that the simulator, the mocks and the k6 replay read. Built by loadScenario from a
// schema-valid file: durations in seconds, distributions as objects, staffing as a step function.
import type { AgentGroupModel } from '../sim/agents/AgentGroupModel.js';
import type { ChannelModels } from '../sim/channels/index.js';
import type { SlVariant, Weekday } from './schemaParts.js';

export interface CalendarModel {
  readonly startDate: string;
  readonly days: number;
  readonly intervalS: number;
  readonly intervalsPerDay: number;
  /** yyyy-mm-dd of each simulated day. */
  readonly dates: readonly string[];
  readonly weekdays: readonly Weekday[];
}

/** Agents on duty as a step function: from changeTimesS[i] on, agents[i] are scheduled. */
export interface StaffingModel {
  readonly changeTimesS: Float64Array;
  readonly agents: Int32Array;
  /** Time-average scheduled agents per interval (for tables and reports). */
  readonly scheduledPerInterval: Float64Array;
}

export interface TargetsModel {
  readonly variant: SlVariant;
  readonly thresholdS: number;
  readonly goal: number;
  readonly maxAbandonRate: number | null;
  readonly maxAsaS: number | null;
}

export interface ScenarioModel {
  readonly name: string;
  readonly description: string;
  readonly source: readonly string[];
  /** sha256 of the scenario as loaded (file text), to tell runs of different scenarios apart. */
  readonly contentHash: string;
  readonly calendar: CalendarModel;
  /** The shared pool of agents, by group. */
  readonly agentGroups: readonly AgentGroupModel[];
  /** The channels the scenario has (at least one), by name, in sim/channels/index.ts order. */
  readonly channels: ChannelModels;
  /** What the loader wants the user to know (an older format read), one line each. */
  readonly notices: readonly string[];
}
