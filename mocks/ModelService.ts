import type { ScenarioModel } from '../scenarios/ScenarioModel.js';
import { CHANNEL_NAMES, type ChannelObservers } from '../sim/channels/index.js';
import { runUntil } from '../sim/engine/BatchDriver.js';
import type { ModelClock } from '../sim/engine/ModelClock.js';
import { NODE_TIMERS, RealtimeDriver, type TimerHost } from '../sim/engine/RealtimeDriver.js';
import { createModelRun, type ModelRun } from '../sim/ModelRun.js';

/**
 * How to warm-start: the model's own arrivals stop at `ownArrivalsUntilS` (default: the clock's
 * start). `hotline load` gives the window's start: its clock starts a little later, at the first
 * call, and the contacts between the two are k6's, not the model's.
 */
export interface WarmStart {
  readonly ownArrivalsUntilS?: number;
  /**
   * The model's own arrivals start again here (`hotline load`: the window's end), so whatever the
   * replay still measures after its window (e-mails answered in its grace) meets the demand the
   * simulator has there, not an idle model. Default: never.
   */
  readonly ownArrivalsResumeAtS?: number;
}

/** What a channel's transport does when the mocks stop: give every contact it holds an outcome. */
export interface ShutdownParticipant {
  endAll(nowS: number): void;
}

/**
 * The one model run of the mocks and its real-time driver: every channel's transport (HTTP for calls,
 * WebSocket for chat) is a thin layer over the processes of this run, so phone calls and chat sessions are
 * served by the same agent pool on the same model clock. Draws come from the simulator's streams of
 * replication 0; past the scenario's horizon the scenario repeats.
 *
 * Warm start (`warmStart`, for a window that starts mid-day): the run starts at the scenario's start
 * (model time 0) and the batch driver runs it, with the model's own arrivals and retrials (replication
 * 0 of `hotline sim` with the same seed), up to the clock's start; then the real-time driver goes on
 * with the same run, and contacts come from outside. The window so starts with the simulator's queue,
 * busy agents and pending retrials; the model's own contacts go on in the model, and the transports
 * ignore what the model reports about them. The scenario's start rather than the day's: only then is
 * the state the simulator's exactly (the previous night's tail included, every stream in step).
 */
export class ModelService {
  readonly run: ModelRun;
  /**
   * Where the model's own contacts start again (a warm start's `ownArrivalsResumeAtS`: the replayed
   * window's end); Infinity when they do not. A transport that hands the model's decisions to clients
   * (outbound's callees) hands them back from here on.
   */
  readonly ownContactsResumeAtS: number;
  readonly driver: RealtimeDriver;
  /** Each channel's transport listens to its process's outcomes (listen()). */
  private readonly listeners = new Map<string, Record<string, (...args: unknown[]) => void>>();
  private readonly participants: ShutdownParticipant[] = [];
  private shutDown = false;

  constructor(
    readonly scenario: ScenarioModel,
    readonly clock: ModelClock,
    seed: number | string,
    timers: TimerHost = NODE_TIMERS,
    warmStart: WarmStart | null = null,
  ) {
    const startAtS = clock.nowS();
    const warm = warmStart !== null && startAtS > 0;
    const ownUntilS = Math.min(startAtS, warmStart?.ownArrivalsUntilS ?? startAtS);
    this.ownContactsResumeAtS =
      warm && warmStart?.ownArrivalsResumeAtS !== undefined
        ? warmStart.ownArrivalsResumeAtS
        : Number.POSITIVE_INFINITY;
    this.run = createModelRun(scenario, {
      seed,
      replication: 0,
      mode: 'realtime',
      startAtS: warm ? 0 : startAtS,
      ...(warm ? { ownArrivalsUntilS: ownUntilS } : {}),
      ...(warm && warmStart?.ownArrivalsResumeAtS !== undefined
        ? { ownArrivalsResumeAtS: warmStart.ownArrivalsResumeAtS }
        : {}),
      observers: Object.fromEntries(
        CHANNEL_NAMES.map((name) => [name, this.forwarder(name)]),
      ) as ChannelObservers,
    });
    if (warm) runUntil(this.run.simulation, startAtS);
    this.driver = new RealtimeDriver(this.run.simulation, clock, timers);
  }

  /** The transport of `channel` hears its process's outcomes from now on (its observer's methods). */
  listen<Observer extends object>(channel: string, observer: Observer): void {
    this.listeners.set(channel, observer as unknown as Record<string, (...args: unknown[]) => void>);
  }

  /**
   * The observer handed to a channel's process: each method call goes to the transport listening
   * then (transports are built after the run), and to nobody before.
   */
  private forwarder(channel: string): object {
    const methods = new Map<PropertyKey, (...args: unknown[]) => void>();
    return new Proxy(
      {},
      {
        get: (_target, method) => {
          let forward = methods.get(method);
          if (forward === undefined) {
            forward = (...args) => this.listeners.get(channel)?.[method as string]?.(...args);
            methods.set(method, forward);
          }
          return forward;
        },
      },
    );
  }

  get isShutDown(): boolean {
    return this.shutDown;
  }

  /** Model time now, having run what is due (the time the model stopped at after shutdown). */
  now(): number {
    return this.shutDown ? this.run.simulation.now : this.driver.runDue();
  }

  onShutdown(participant: ShutdownParticipant): void {
    this.participants.push(participant);
  }

  /** Runs what is due, lets every transport end what it holds at that instant, then stops the driver. */
  shutdown(): void {
    if (this.shutDown) return;
    const now = this.driver.runDue();
    for (const participant of this.participants) participant.endAll(now);
    this.shutDown = true;
    this.driver.stop();
  }
}
