import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import { AgentPool } from './agents/AgentPool.js';
import { agentGroupsOf } from './agents/agentGroupsOf.js';
import { ownArrivals } from './arrivals/ownArrivals.js';
import { type ChatObserver, ChatProcess } from './channels/chat/ChatProcess.js';
import type { PhoneObserver } from './channels/phone/PhoneOutcome.js';
import { PhoneProcess } from './channels/phone/PhoneProcess.js';
import { Simulation } from './engine/Simulation.js';

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
  readonly phoneObserver?: PhoneObserver | null;
  readonly chatObserver?: ChatObserver | null;
}

/** One run of the ecosystem's model: the core, the shared agent pool and a process per channel. */
export interface ModelRun {
  readonly simulation: Simulation;
  readonly agents: AgentPool;
  readonly phone: PhoneProcess;
  /** The chat channel's process; null when the scenario has no chat. */
  readonly chat: ChatProcess | null;
}

export function createModelRun(scenario: ScenarioModel, options: ModelRunOptions): ModelRun {
  const { calendar } = scenario;
  const simulation = new Simulation({
    intervalS: calendar.intervalS,
    intervals: calendar.days * calendar.intervalsPerDay,
    cyclic: options.mode === 'realtime',
  });
  const channels = scenario.chat === null ? ['phone'] : ['phone', 'chat'];
  const agents = new AgentPool(simulation, agentGroupsOf(scenario), channels);
  const { seed, replication } = options;
  const until = options.mode === 'batch' ? undefined : options.ownArrivalsUntilS;
  const drawsOwn = options.mode === 'batch' || until !== undefined;
  const arrivalsOf = (channel: 'phone' | 'chat', expected: Float64Array, dailyCv: number) =>
    drawsOwn ? ownArrivals(calendar, channel, expected, dailyCv, seed, replication, until) : null;
  const phone = new PhoneProcess(simulation, agents, 0, scenario.phone, {
    seed,
    replication,
    arrivals: arrivalsOf('phone', scenario.phone.expectedCalls, scenario.phone.dailyCv),
    observer: options.phoneObserver ?? null,
  });
  const chat =
    scenario.chat === null
      ? null
      : new ChatProcess(simulation, agents, 1, scenario.chat, {
          seed,
          replication,
          arrivals: arrivalsOf('chat', scenario.chat.expectedSessions, scenario.chat.dailyCv),
          observer: options.chatObserver ?? null,
        });
  const t0 = options.startAtS ?? 0;
  simulation.start(t0);
  agents.start(t0);
  phone.start(t0);
  chat?.start(t0);
  return { simulation, agents, phone, chat };
}
