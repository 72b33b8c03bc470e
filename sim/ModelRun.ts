import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import { AgentPool } from './agents/AgentPool.js';
import { agentGroupsOf } from './agents/agentGroupsOf.js';
import { arrivalRates } from './arrivals/arrivalRates.js';
import { PiecewisePoissonArrivals } from './arrivals/PiecewisePoissonArrivals.js';
import { type ChatObserver, ChatProcess } from './channels/chat/ChatProcess.js';
import type { PhoneObserver } from './channels/phone/PhoneOutcome.js';
import { PhoneProcess } from './channels/phone/PhoneProcess.js';
import { Simulation } from './engine/Simulation.js';
import { createStream } from './rng/createStream.js';

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
  const phoneArrivals =
    options.mode === 'batch'
      ? new PiecewisePoissonArrivals(
          arrivalRates(
            calendar,
            scenario.phone.expectedCalls,
            scenario.phone.dailyCv,
            createStream(seed, 'phone.demand', replication),
          ),
          calendar.intervalS,
          createStream(seed, 'phone.arrivals', replication),
        )
      : null;
  const phone = new PhoneProcess(simulation, agents, 0, scenario.phone, {
    seed,
    replication,
    arrivals: phoneArrivals,
    observer: options.phoneObserver ?? null,
  });
  const chat =
    scenario.chat === null
      ? null
      : new ChatProcess(simulation, agents, 1, scenario.chat, {
          seed,
          replication,
          arrivals:
            options.mode === 'batch'
              ? new PiecewisePoissonArrivals(
                  arrivalRates(
                    calendar,
                    scenario.chat.expectedSessions,
                    scenario.chat.dailyCv,
                    createStream(seed, 'chat.demand', replication),
                  ),
                  calendar.intervalS,
                  createStream(seed, 'chat.arrivals', replication),
                )
              : null,
          observer: options.chatObserver ?? null,
        });
  const t0 = options.startAtS ?? 0;
  simulation.start(t0);
  agents.start(t0);
  phone.start(t0);
  chat?.start(t0);
  return { simulation, agents, phone, chat };
}
