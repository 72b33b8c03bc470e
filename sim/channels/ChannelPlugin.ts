// What a channel gives the core. A channel is a folder in sim/channels/<name>/ with one plug-in object
// of this shape; sim/channels/index.ts lists them. The core (loader, model run, measurement, summary,
// run format, CLI) iterates over that list and never names a channel.
import type { Static, TSchema } from '@sinclair/typebox';
import type { InputIssue } from '../../scenarios/inputError.js';
import type { CalendarModel } from '../../scenarios/ScenarioModel.js';
import type { AgentGroupModel } from '../agents/AgentGroupModel.js';
import type { AgentPool } from '../agents/AgentPool.js';
import type { Simulation } from '../engine/Simulation.js';
import type { ChannelTargets } from '../metrics/judgeTargets.js';
import type { ChannelMetricSpecs } from '../metrics/MetricSpec.js';
import type { Streams } from '../rng/Streams.js';
import type { ChannelPlanning } from './ChannelPlanning.js';
import type { Couplings } from './Couplings.js';
import type { RunWindowIntervals } from './RunWindowIntervals.js';

/** One value per metric name of the channel; null where undefined (e.g. no contact answered). */
export type MetricRecord = Readonly<Record<string, number | null>>;

/** What building a channel's model may read besides its own fragment of the file. */
export interface ChannelBuildContext {
  readonly calendar: CalendarModel;
  readonly agentGroups: readonly AgentGroupModel[];
  /** Whole days this channel is closed: calendar.closedDates and the fragment's own `closedDates`. */
  readonly closedDates: readonly string[];
  /** The channels the file has, by name (a channel that causes contacts in another checks it is there). */
  readonly channels: readonly string[];
  /** Problems found go here, each with its path in the file. */
  readonly issues: InputIssue[];
}

export interface ChannelProcessOptions<Observer> {
  /** The run's random streams (a replication's, or a branch of one). */
  readonly streams: Streams;
  readonly calendar: CalendarModel;
  /** 'batch': the process draws its own arrivals; 'realtime': contacts are offered from outside. */
  readonly mode: 'batch' | 'realtime';
  /**
   * 'realtime' only, the warm start of the mocks: the process draws its own arrivals (the batch run's)
   * before this model time and takes contacts from outside from then on.
   */
  readonly ownArrivalsUntilS?: number;
  /** With ownArrivalsUntilS: its own arrivals start again here (the end of a replayed window). */
  readonly ownArrivalsResumeAtS?: number;
  readonly observer: Observer | null;
  /** Offers contacts this channel causes to the other channels of the run (Couplings.ts). */
  readonly couplings: Couplings;
}

/** A channel's process as the core drives it: start, finish at the horizon, read its counters. */
export interface ChannelProcess<Counters> {
  readonly counters: Counters;
  start(t0: number): void;
  finish(horizonS: number): void;
}

/** A sub-population of a channel measured over the whole run (phone's priority classes). */
export interface ChannelClass {
  readonly name: string;
  readonly priority: number;
  readonly share: number;
}

/** One replication of one channel, measured per interval, per day and over the run (or window). */
export interface ChannelReplicationMetrics {
  readonly intervals: MetricRecord[];
  readonly days: MetricRecord[];
  readonly run: MetricRecord;
  /** Whole run per class, in the order of `classes(model)`; empty for a channel without classes. */
  readonly classes: MetricRecord[];
}

export interface ChannelPlugin<
  Name extends string = string,
  Schema extends TSchema = TSchema,
  Model = unknown,
  Counters = unknown,
  Observer = unknown,
  Process extends ChannelProcess<Counters> = ChannelProcess<Counters>,
  Metric extends string = string,
> {
  /** The key under `channels` in scenario files, run folders and metric columns. */
  readonly name: Name;
  /** The channel's fragment of the scenario file (`channels.<name>`). */
  readonly schema: Schema;
  /** Its metrics, declared once (the metric registry reads them from here). */
  readonly metrics: ChannelMetricSpecs<Metric>;
  /** Defaults and cross-field checks; undefined when an issue was pushed. */
  buildModel(fragment: Static<Schema>, context: ChannelBuildContext): Model | undefined;
  createProcess(
    simulation: Simulation,
    agents: AgentPool,
    owner: number,
    model: Model,
    options: ChannelProcessOptions<Observer>,
  ): Process;
  measure(
    model: Model,
    counters: Counters,
    calendar: CalendarModel,
    window: RunWindowIntervals | undefined,
  ): ChannelReplicationMetrics;
  /** Metric names measured per class (empty when the channel has no classes). */
  readonly classMetrics: readonly string[];
  classes(model: Model): readonly ChannelClass[];
  targets(model: Model): ChannelTargets;
  /** Expected contacts per interval over the horizon, before day-to-day variability. */
  expectedContacts(model: Model): Float64Array;
  /** The metric one-line summaries show as the channel's mean wait (phone's ASA, chat's first reply). */
  readonly meanWaitMetric: Metric;
  /** What its contacts are called in messages, plural ("calls", "sessions"). */
  readonly contactsNoun: string;
  /** What `hotline sim` prints for the channel. */
  readonly table: ChannelTable;
  /**
   * true: no agent of the pool serves its contacts (the portal: decisions come from a back office
   * outside the model), so no group needs its skill and none may have it. Absent: agents serve it.
   */
  readonly withoutAgents?: true;
  /**
   * The skill agents need for its work, as scenario files name it in `agents.groups[].skills`, when it
   * is not the channel's name (check-ins: "review", the manual review of photos). Inside the model a
   * group's skills are channel names (scenarios/buildAgentGroups.ts translates).
   */
  readonly skill?: string;
  /** How `hotline staff` plans its agents (ChannelPlanning.ts). Absent: planning leaves it to the scenario's staffing. */
  readonly planning?: ChannelPlanning<Model>;
}

/** The columns of the channel's tables in `hotline sim`; SERVICE_LEVEL stands for the target's variant. */
export interface ChannelTable {
  /** Per day and for the whole run. */
  readonly days: readonly string[];
  /** Per class, whole run (channels with classes), under "per <classLabel> (whole run)". */
  readonly classes: readonly string[];
  readonly classLabel: string;
  /** The intervals furthest below the service-level goal; empty: no such table. */
  readonly worstIntervals: readonly string[];
}

/** Stands for the scenario's service-level variant in ChannelTable's column lists. */
export const SERVICE_LEVEL = 'serviceLevel';

// biome-ignore lint/suspicious/noExplicitAny: the list holds plug-ins of different model types
export type AnyChannelPlugin = ChannelPlugin<string, TSchema, any, any, any, ChannelProcess<any>, string>;
