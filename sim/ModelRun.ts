import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import { AgentPool } from './agents/AgentPool.js';
import { agentGroupsOf } from './agents/agentGroupsOf.js';
import type { ChannelProcess } from './channels/ChannelPlugin.js';
import { type Couplings, createCouplings } from './channels/Couplings.js';
import { type ChannelObservers, type ChannelProcesses, presentChannels } from './channels/index.js';
import { Simulation } from './engine/Simulation.js';
import { replicationStreams, type Streams } from './rng/Streams.js';

export interface ModelRunOptions {
  readonly seed: number | string;
  readonly replication: number;
  /**
   * 'batch': the run draws its own arrivals and ends at the horizon (`hotline sim`). 'realtime':
   * contacts are offered from outside and the scenario repeats past its horizon (`hotline mocks`).
   */
  readonly mode: 'batch' | 'realtime';
  /** Model time the run starts at (default 0). */
  readonly startAtS?: number;
  /**
   * 'realtime' only, the warm start of the mocks: the run draws its own arrivals (the batch run's,
   * retrials included) before this model time, and takes contacts from outside from then on. Its own
   * contacts go on in the model after it (outcomes, retrials, chat residents).
   */
  readonly ownArrivalsUntilS?: number;
  /** With ownArrivalsUntilS: the run's own arrivals start again here (a replayed window's end). */
  readonly ownArrivalsResumeAtS?: number;
  /** The run's random streams; default the replication's (seed, source, replication). */
  readonly streams?: Streams;
  /** Who hears each contact's outcome, by channel. */
  readonly observers?: ChannelObservers;
}

/** One run of the ecosystem's model: the core, the shared agent pool and a process per channel. */
export interface ModelRun {
  readonly simulation: Simulation;
  readonly agents: AgentPool;
  /** The process of each channel the scenario has. */
  readonly processes: ChannelProcesses;
  /** How the processes offer each other the contacts they cause (also for tests). */
  readonly couplings: Couplings;
}

export function createModelRun(scenario: ScenarioModel, options: ModelRunOptions): ModelRun {
  const { calendar } = scenario;
  const simulation = new Simulation({
    intervalS: calendar.intervalS,
    intervals: calendar.days * calendar.intervalsPerDay,
    cyclic: options.mode === 'realtime',
  });
  // A channel's owner id is its place among the channels the scenario has (the pool's routing index).
  const channels = presentChannels(scenario.channels);
  const agents = new AgentPool(
    simulation,
    agentGroupsOf(scenario),
    channels.map((c) => c.name),
  );
  const { mode } = options;
  const streams = options.streams ?? replicationStreams(options.seed, options.replication);
  const processes: Record<string, ChannelProcess<unknown>> = {};
  const couplings = createCouplings(processes);
  channels.forEach((channel, owner) => {
    const model = (scenario.channels as Record<string, unknown>)[channel.name];
    const observer = (options.observers as Record<string, unknown> | undefined)?.[channel.name] ?? null;
    processes[channel.name] = channel.createProcess(simulation, agents, owner, model, {
      streams,
      calendar,
      mode,
      ...(options.ownArrivalsUntilS === undefined ? {} : { ownArrivalsUntilS: options.ownArrivalsUntilS }),
      ...(options.ownArrivalsResumeAtS === undefined
        ? {}
        : { ownArrivalsResumeAtS: options.ownArrivalsResumeAtS }),
      observer,
      couplings,
    });
  });
  const t0 = options.startAtS ?? 0;
  simulation.start(t0);
  agents.start(t0);
  for (const channel of channels) processes[channel.name]!.start(t0);
  return { simulation, agents, processes: processes as ChannelProcesses, couplings };
}
