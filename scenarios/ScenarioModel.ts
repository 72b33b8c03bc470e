// The frozen model that the simulator, the mocks and the k6 replay read. Built by loadScenario from a
// schema-valid file: durations in seconds, distributions as objects, staffing as a step function.
import type { AgentGroupModel } from '../sim/agents/AgentGroupModel.js';
import type { ChatModel } from '../sim/channels/chat/ChatModel.js';
import type { Distribution } from '../sim/distributions/Distribution.js';
import type { DistributionSpec, FaultsFile, SlVariant, Weekday } from './scenarioSchema.js';

export interface CalendarModel {
  readonly startDate: string;
  readonly days: number;
  readonly intervalS: number;
  readonly intervalsPerDay: number;
  /** yyyy-mm-dd of each simulated day. */
  readonly dates: readonly string[];
  readonly weekdays: readonly Weekday[];
}

export interface PriorityClassModel {
  readonly name: string;
  readonly share: number;
  readonly priority: number;
  readonly patience: Distribution;
}

export interface RetrialModel {
  readonly afterBlocked: number;
  readonly afterAbandoned: number;
  readonly afterClosed: number;
  readonly delay: Distribution;
  /** The delay as written in the file, for the k6 replay, which draws its own retrials. */
  readonly delaySpec: DistributionSpec;
  /** Attempts in all, the first one included. */
  readonly maxAttempts: number;
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

export interface PhoneModel {
  /** Expected calls per interval over the horizon, before day-to-day variability. */
  readonly expectedCalls: Float64Array;
  /** 1 where the channel takes calls in that interval, 0 where callers hear "closed". */
  readonly open: Uint8Array;
  readonly dailyCv: number;
  /** Number of lines; Infinity when the scenario sets no limit. */
  readonly trunkLines: number;
  readonly ivr: { readonly time: Distribution; readonly selfServiceShare: number } | null;
  readonly talkTime: Distribution;
  readonly afterCallWork: Distribution | null;
  /** Classes sorted by priority, highest first; one class "all" when the scenario names none. */
  readonly classes: readonly PriorityClassModel[];
  readonly retrial: RetrialModel | null;
  readonly targets: TargetsModel;
  /** Faults the mocks inject (checked at load; the simulator ignores them). */
  readonly faults: FaultsFile | null;
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
  /** Scheduled agents per interval in the groups with the phone skill. */
  readonly phoneScheduledPerInterval: Float64Array;
  readonly phone: PhoneModel;
  /** The chat channel; null when the scenario has none. */
  readonly chat: ChatModel | null;
  /** What the loader wants the user to know (an older format read), one line each. */
  readonly notices: readonly string[];
}
