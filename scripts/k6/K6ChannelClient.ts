// A channel's client in the k6 replay, on the Node side. Free of k6 imports and of the metric registry:
// k6Clients.ts is read by the k6 bundle's build, and a client's k6Scenario is bundled into k6.
import type { K6Measurement } from '../../results/k6Points.js';
import type { ServerCrossCheck } from '../../results/serverCrossCheck.js';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import type { ChannelName } from '../../sim/channels/index.js';
import type { CallAdapter } from './callAdapter.js';
import type { ReplayProfile } from './compileProfile.js';
import type { ArrivalPlan, ArrivalSettings, ChannelDemand, ProfileInterval } from './planArrivals.js';
import type { ReplayConfig } from './replayConfig.js';

/** The file of a channel's per-iteration plans that k6 loads once into a SharedArray. */
export interface K6PlanFile {
  /** The environment variable (`-e NAME=path`) k6's init reads the file's path from. */
  readonly env: string;
  /** Its name in `hotline load`'s work folder. */
  readonly localName: string;
  /** Its key in the k6-operator ConfigMap (mounted under /test/). */
  readonly configMapKey: string;
  /** Whether k6's init reads it even when the channel is not replayed (then it holds no entry). */
  readonly readAlways: boolean;
}

/** What every channel's plan in a profile carries, whatever else it holds. */
export interface ChannelReplayPlan {
  /** Its arrivals per window interval (the window's intervals, in order). */
  readonly intervals: readonly ProfileInterval[];
  /** Its k6 thresholds (the scenario's targets, plus its transport's health). */
  readonly thresholds: Readonly<Record<string, string[]>>;
}

/** The shared parts of the profile a channel's plan is finished with. */
export interface PlanContext {
  readonly settings: ArrivalSettings;
  /** The one lead of every channel's arrivals (its arrivals are already delayed to it). */
  readonly leadMs: number;
}

/** Where the replay sends its contacts. */
export interface ReplayTarget {
  /** Base URL, no trailing slash. */
  readonly target: string;
  readonly tokenEnv: string | null;
  /** Prefix of the contacts' ids, so a target can tell runs apart. */
  readonly runId: string;
  /** The `--adapter` (how calls are placed on a target whose API differs from the mocks'). */
  readonly adapter?: CallAdapter;
}

/** The mocks' GET /v1/state, as runLoad reads it once k6 is gone. */
export type MockState = Readonly<Record<string, unknown>>;

/**
 * A channel's client in the k6 replay (scripts/k6/<channel>/): its part of the profile (demand ->
 * arrivals -> plan), of the k6 config and of the k6 options, its plans file, and the k6 module of its
 * scenario function. compileProfile, replayConfig, runLoad, the k6 bundle's entry and the k6-operator
 * manifests iterate the list in k6Clients.ts. Methods (not function properties) so that a list of
 * clients of different plans is one list.
 */
export interface K6ChannelClient<
  Name extends ChannelName = ChannelName,
  Plan extends ChannelReplayPlan = ChannelReplayPlan,
  Config = unknown,
> {
  readonly channel: Name;
  readonly planFile: K6PlanFile;
  /**
   * Its k6 module, as a path under scripts/k6/ (e.g. 'chat/chatReplay.ts'): it exports `k6Script`
   * (a K6ChannelScript), the function k6 runs for the channel's scenario (`exec` = the channel).
   */
  readonly script: string;
  /** Its demand in the scenario; null when the scenario lacks the channel (then it is not replayed). */
  demand(scenario: ScenarioModel): ChannelDemand | null;
  /** Its plan from its arrivals (drawn by planArrivals, delayed to the common lead). */
  plan(scenario: ScenarioModel, arrivals: ArrivalPlan, context: PlanContext): Plan;
  /** The plans file's entries, one per iteration of its k6 scenario (none when not replayed). */
  plans(plan: Plan | undefined): readonly unknown[];
  /** Its part of the k6 config (ReplayConfig.channels). */
  config(plan: Plan, profile: ReplayProfile, target: ReplayTarget): Config;
  /** Its entry in the k6 options' `scenarios` (the same function its k6 module carries). */
  k6Scenario(config: Config, replay: ReplayConfig): Record<string, unknown>;
  /** Its planned contacts: calls, sessions, uploads, e-mails (run.json's `k6.planned.<channel>`). */
  planned(plan: Plan): number;
  /**
   * Model seconds after the window's end during which the replay still follows its contacts (e-mail:
   * the grace until the window's e-mails are due); absent: none. A prediction of the replay simulates
   * at least that far.
   */
  followsAfterWindowS?(plan: Plan, profile: ReplayProfile): number;
  /** Its planned contacts in words, e.g. '400 planned calls' (`hotline load`'s summary line). */
  describePlanned(plan: Plan): string;
  /** Its contacts sent before `intervalCount` window intervals (the warm-up's), in words. */
  describeSentBefore(plan: Plan, intervalCount: number): string;
  /** Whether the mocks' state still holds its contacts (k6 gone, closes not handled yet). */
  holdsContacts(state: MockState): boolean;
  /**
   * Its measurement beside the target's self-report (summary.json's `serverCrossCheck`); absent when
   * the channel has none. `serverLog`: the mocks' record of every contact of the channel, as its
   * transport reports them to MocksOptions.onContactEnd (null against a target);
   * `warmup`: whether the replay sent contacts before the window (not measured).
   */
  crossCheck?(
    plan: Plan,
    measurement: K6Measurement,
    serverLog: readonly unknown[] | null,
    warmup: boolean,
  ): ServerCrossCheck;
}

/** Any client of the list (its plan and config seen through what every one has). */
export type AnyK6ChannelClient = K6ChannelClient<ChannelName, ChannelReplayPlan, unknown>;
