import type { AgentPool, WorkSource } from '../../agents/AgentPool.js';
import type { EventHandler, Simulation } from '../../engine/Simulation.js';
import type { Rng } from '../../rng/createStream.js';
import type { Streams } from '../../rng/Streams.js';
import { DialList } from './DialList.js';
import { createOutboundCounters, type OutboundCounters } from './OutboundCounters.js';
import type { OutboundModel } from './OutboundModel.js';

// Local event kinds. TICK: every interval boundary (list loads, window opens and closes);
// DIAL_END carries (agent, dial id); RETRY carries (epoch * EPOCH + attempts so far, loaded at).
const TICK = 1;
const DIAL_END = 2;
const RETRY = 3;
/** A ringing dial nobody answered rings out (callees from outside); carries (agent, dial id). */
const RING_OUT = 4;
/** Attempts fit below this (MAX_ATTEMPTS_PER_NUMBER is 50), so a retry's int also carries its epoch. */
const EPOCH = 64;

/** How a dial ended: the callee answered and the call was worked, or the attempt failed. */
export type DialOutcome = 'completed' | 'noAnswer';

/**
 * Who decides how an attempt ends: 'model' (the process draws connect, talk time and the no-answer
 * time: `hotline sim`, `hotline mocks`), or 'outside' (real time only, `hotline load`: a dial rings
 * until a callee from outside answers it, or rings out after the drawn no-answer time; the callee
 * hangs up when it likes; the model still draws the after-call work).
 */
export type CalleeSource = 'model' | 'outside';

/** What the outbound process tells an observer (a transport, a test). */
export interface OutboundObserver {
  dialStarted?(dialId: number, agent: number, attempt: number, atS: number): void;
  /** Callees from outside: dial `dialId` (just started) rings until `ringsOutAtS` unless answered. */
  dialRinging?(dialId: number, ringsOutAtS: number): void;
  dialEnded?(dialId: number, outcome: DialOutcome, atS: number): void;
}

// Where a dial of an agent stands when callees come from outside (MODEL_DECIDED otherwise).
const MODEL_DECIDED = 0;
const RINGING = 1;
const TALKING = 2;
const WRAP_UP = 3;

export interface OutboundProcessOptions {
  readonly streams: Streams;
  readonly observer?: OutboundObserver | null;
}

/**
 * The outbound campaign as a WorkSource of the shared pool, blended with inbound by a threshold: an
 * agent of a group with the outbound skill starts a dial only when, after it leaves, at least T
 * agents of those groups stay idle (T = `reserveIdleAgents`). The pool asks this source when one of
 * its agents frees (after the agent's higher-priority skills found no work); the process itself
 * pulls idle agents when numbers become available while more than T are idle (the window opens, the
 * day's list is loaded, a retry falls due), so dials never wait for an unrelated event.
 * An attempt connects with probability p (then talk + after-call work) or occupies the agent for
 * the no-answer time; a failed number is retried after the retry delay until maxAttempts.
 * With callees from outside (`answerFromOutside`, the mocks under `hotline load`) the process draws
 * no connect and no talk time: a dial rings for the drawn no-answer time, a callee may `answer` it,
 * then `hangUp`; everything else (list, attempts, retries, threshold, occupancy, after-call work)
 * stays the model's. The batch driver never takes that path, so `hotline sim` is unchanged.
 */
export class OutboundProcess implements EventHandler, WorkSource {
  readonly counters: OutboundCounters;
  private readonly model: OutboundModel;
  private readonly simulation: Simulation;
  private readonly agents: AgentPool;
  private readonly channel: number;
  private readonly base: number;
  private readonly observer: OutboundObserver | null;
  private readonly intervalsPerDay: number;
  private readonly list = new DialList();

  private readonly connectRng: Rng;
  private readonly noAnswerRng: Rng;
  private readonly talkRng: Rng;
  private readonly acwRng: Rng;
  private readonly retryRng: Rng;

  // The dial each agent is on, by agent id (grown on demand).
  private dialIdOf = new Float64Array(64).fill(-1);
  private attemptOf = new Int32Array(64);
  private loadedAtOf = new Float64Array(64);
  private connectedOf = new Uint8Array(64);
  private startedAtOf = new Float64Array(64);
  // Callees from outside only: each agent's dial phase and pending ring-out event, and dial -> agent.
  private phaseOf = new Uint8Array(64);
  private ringOutOf = new Int32Array(64);
  private readonly agentOfDial = new Map<number, number>();
  private callees: CalleeSource = 'model';
  private outsideUntilS = Number.POSITIVE_INFINITY;

  private isOpen = false;
  private epoch = 0;
  private pendingRetries = 0;
  private inDial = 0;
  private nextDialId = 0;

  constructor(
    simulation: Simulation,
    agents: AgentPool,
    channel: number,
    model: OutboundModel,
    options: OutboundProcessOptions,
  ) {
    this.simulation = simulation;
    this.agents = agents;
    this.channel = channel;
    this.model = model;
    this.base = simulation.register(this);
    this.observer = options.observer ?? null;
    this.intervalsPerDay = model.open.length / model.numbersPerDay.length;
    this.counters = createOutboundCounters(simulation.intervals);
    const { streams } = options;
    this.connectRng = streams.stream('outbound.connect');
    this.noAnswerRng = streams.stream('outbound.noAnswerTime');
    this.talkRng = streams.stream('outbound.talkTime');
    this.acwRng = streams.stream('outbound.afterCallWork');
    this.retryRng = streams.stream('outbound.retryDelay');
    agents.connect(channel, this, this.counters);
  }

  /** Numbers waiting to be dialled now (fresh and due retries). */
  get listed(): number {
    return this.list.size;
  }

  /** Numbers whose retry is not due yet. */
  get retriesPending(): number {
    return this.pendingRetries;
  }

  /** Dials in progress. */
  get dialling(): number {
    return this.inDial;
  }

  /** Calls `visit` for every dial in progress, by agent id (a transport that starts listening late). */
  forEachDial(visit: (dialId: number, agent: number, attempt: number, startedAtS: number) => void): void {
    for (let agent = 0; agent < this.dialIdOf.length; agent++) {
      const dialId = this.dialIdOf[agent]!;
      if (dialId >= 0) visit(dialId, agent, this.attemptOf[agent]!, this.startedAtOf[agent]!);
    }
  }

  /**
   * From now on callees from outside decide how dials end (real time only: the mocks call it once
   * their warm start is over, so the batch run and the warm start are the model's own draws), for
   * dials started before `untilS` (a replayed window's end: after it the model's draws again, as for
   * every other channel's own contacts, so its agents stay as busy as in the simulator).
   */
  answerFromOutside(untilS = Number.POSITIVE_INFINITY): void {
    this.callees = 'outside';
    this.outsideUntilS = untilS;
  }

  /** Who decides how attempts end now. */
  get calleeSource(): CalleeSource {
    return this.callees;
  }

  /** A callee answers ringing dial `dialId` now; false when it is not ringing (unknown, answered, rung out). */
  answer(dialId: number): boolean {
    const agent = this.agentOfDial.get(dialId);
    if (agent === undefined || this.phaseOf[agent] !== RINGING) return false;
    this.simulation.calendar.cancel(this.ringOutOf[agent]!);
    this.phaseOf[agent] = TALKING;
    this.connectedOf[agent] = 1;
    // Counted in the interval the dial started in, as the model's own connects are.
    this.counters.connected[this.simulation.intervalAt(this.startedAtOf[agent]!)]!++;
    return true;
  }

  /**
   * The callee of dial `dialId` hangs up at `t`: the agent's after-call work (the model's draw)
   * follows. Returns the instant the dial ends, or null when the dial is not in talk.
   */
  hangUp(dialId: number, t: number): number | null {
    const agent = this.agentOfDial.get(dialId);
    if (agent === undefined || this.phaseOf[agent] !== TALKING) return null;
    this.phaseOf[agent] = WRAP_UP;
    const endsAtS = t + (this.model.afterCallWork?.sample(this.acwRng) ?? 0);
    this.simulation.calendar.schedule(endsAtS, this.base | DIAL_END, agent, dialId);
    return endsAtS;
  }

  /** The run starts at `t0`: the day's list is loaded if its time has come, then dials start. */
  start(t0: number): void {
    const { intervalS } = this.simulation;
    const k = this.simulation.intervalAt(t0);
    const load = this.model.loadInterval[Math.floor(k / this.intervalsPerDay)]!;
    this.isOpen = this.model.open[k] === 1;
    if (load >= 0 && load <= k) this.loadList(k, t0);
    this.scheduleTick((Math.floor(t0 / intervalS) + 1) * intervalS);
    if (this.isOpen) this.pull(t0);
  }

  /** Counts the numbers still unresolved at the end of the run in its last interval. */
  finish(_horizonS: number): void {
    this.counters.remainingAtEnd[this.simulation.intervals - 1]! +=
      this.list.size + this.pendingRetries + this.inDial;
  }

  /** The pool offers agent `agent` (freed, not among the idle): it dials if T others stay idle. */
  serve(agent: number, t: number): boolean {
    if (!this.isOpen || this.list.size === 0) return false;
    if (this.agents.idleAgents(this.channel) < this.model.reserveIdleAgents) return false;
    this.dial(agent, t);
    return true;
  }

  handle(kind: number, t: number, int: number, float: number): void {
    switch (kind) {
      case TICK:
        this.tick(t);
        break;
      case DIAL_END:
        if (this.dialIdOf[int] === float) this.dialEnded(int, t);
        break;
      case RETRY:
        this.retryDue(int, float, t);
        break;
      case RING_OUT:
        if (this.dialIdOf[int] === float && this.phaseOf[int] === RINGING) this.dialEnded(int, t);
        break;
    }
  }

  // --- inside ---------------------------------------------------------------------------------------

  /** Idle agents dial while more than T are idle and numbers are listed. */
  private pull(t: number): void {
    const reserve = this.model.reserveIdleAgents;
    while (this.isOpen && this.list.size > 0 && this.agents.idleAgents(this.channel) > reserve) {
      const agent = this.agents.takeIdle(this.channel);
      if (agent < 0) return;
      this.dial(agent, t);
    }
  }

  private dial(agent: number, t: number): void {
    this.list.take();
    if (agent >= this.dialIdOf.length) this.grow(agent);
    this.agents.occupy(agent, this.channel);
    const k = this.simulation.intervalAt(t);
    const model = this.model;
    const attempt = this.list.takenAttempts + 1;
    if (this.callees === 'outside' && t < this.outsideUntilS) {
      this.ring(agent, attempt, k, t);
      return;
    }
    const connected = this.connectRng() < model.connectProbability;
    const busyS = connected
      ? model.talkTime.sample(this.talkRng) + (model.afterCallWork?.sample(this.acwRng) ?? 0)
      : model.noAnswerTime.sample(this.noAnswerRng);
    const dialId = this.nextDialId++;
    this.dialIdOf[agent] = dialId;
    this.attemptOf[agent] = attempt;
    this.loadedAtOf[agent] = this.list.takenLoadedAt;
    this.connectedOf[agent] = connected ? 1 : 0;
    this.startedAtOf[agent] = t;
    this.inDial++;
    this.counters.attempts[k]!++;
    if (connected) this.counters.connected[k]!++;
    this.observer?.dialStarted?.(dialId, agent, attempt, t);
    this.simulation.calendar.schedule(t + busyS, this.base | DIAL_END, agent, dialId);
  }

  /** Callees from outside: the dial rings until answered, or rings out after the no-answer time. */
  private ring(agent: number, attempt: number, k: number, t: number): void {
    const ringsOutAtS = t + this.model.noAnswerTime.sample(this.noAnswerRng);
    const dialId = this.nextDialId++;
    this.dialIdOf[agent] = dialId;
    this.attemptOf[agent] = attempt;
    this.loadedAtOf[agent] = this.list.takenLoadedAt;
    this.connectedOf[agent] = 0;
    this.startedAtOf[agent] = t;
    this.phaseOf[agent] = RINGING;
    this.agentOfDial.set(dialId, agent);
    this.inDial++;
    this.counters.attempts[k]!++;
    this.observer?.dialStarted?.(dialId, agent, attempt, t);
    this.ringOutOf[agent] = this.simulation.calendar.schedule(
      ringsOutAtS,
      this.base | RING_OUT,
      agent,
      dialId,
    );
    this.observer?.dialRinging?.(dialId, ringsOutAtS);
  }

  private dialEnded(agent: number, t: number): void {
    const k = this.simulation.intervalAt(t);
    const counters = this.counters;
    const thresholdS = this.model.targets.thresholdS;
    const sinceLoadS = t - this.loadedAtOf[agent]!;
    const attempt = this.attemptOf[agent]!;
    const connected = this.connectedOf[agent] === 1;
    const dialId = this.dialIdOf[agent]!;
    this.inDial--;
    this.dialIdOf[agent] = -1;
    if (this.phaseOf[agent] !== MODEL_DECIDED) {
      this.phaseOf[agent] = MODEL_DECIDED;
      this.agentOfDial.delete(dialId);
    }
    if (connected) {
      counters.completed[k]!++;
      counters.timeToReachSumS[k]! += sinceLoadS;
      if (sinceLoadS <= thresholdS) counters.reachedWithinT[k]!++;
    } else if (attempt >= this.model.maxAttempts) {
      counters.failed[k]!++;
      if (sinceLoadS > thresholdS) counters.givenUpAfterT[k]!++;
    } else {
      this.pendingRetries++;
      const at = t + this.model.retryDelay.sample(this.retryRng);
      this.simulation.calendar.schedule(
        at,
        this.base | RETRY,
        this.epoch * EPOCH + attempt,
        this.loadedAtOf[agent]!,
      );
    }
    this.observer?.dialEnded?.(dialId, connected ? 'completed' : 'noAnswer', t);
    // The pool offers the agent its skills' work in priority order: inbound first, then maybe a dial.
    this.agents.release(agent, t);
  }

  /** A retry falls due: back on the list, or dropped if the window closed on it under 'drop'. */
  private retryDue(int: number, loadedAt: number, t: number): void {
    this.pendingRetries--;
    const epoch = Math.floor(int / EPOCH);
    if (this.model.leftover === 'drop' && (epoch !== this.epoch || !this.isOpen)) {
      const k = this.simulation.intervalAt(t);
      this.counters.dropped[k]!++;
      if (t - loadedAt > this.model.targets.thresholdS) this.counters.givenUpAfterT[k]!++;
      return;
    }
    this.list.addReady(int % EPOCH, loadedAt);
    this.pull(t);
  }

  private tick(t: number): void {
    const k = this.simulation.intervalAt(t);
    if (this.model.loadInterval[Math.floor(k / this.intervalsPerDay)] === k) this.loadList(k, t);
    const open = this.model.open[k] === 1;
    if (this.isOpen && !open) this.close(k, t);
    this.isOpen = open;
    this.scheduleTick(t + this.simulation.intervalS);
    if (open) this.pull(t);
  }

  private loadList(k: number, t: number): void {
    const numbers = this.model.numbersPerDay[Math.floor(k / this.intervalsPerDay)]!;
    this.list.addFresh(numbers, t);
    this.counters.loaded[k]! += numbers;
  }

  /** The window closes at `t` (start of interval k): counts what is left; under 'drop' gives it up. */
  private close(k: number, t: number): void {
    const last = (k + this.simulation.intervals - 1) % this.simulation.intervals;
    this.counters.leftAtClose[last]! += this.list.size + this.pendingRetries + this.inDial;
    if (this.model.leftover !== 'drop') return;
    const { numbers, afterThreshold } = this.list.clear(t, this.model.targets.thresholdS);
    this.counters.dropped[k]! += numbers;
    this.counters.givenUpAfterT[k]! += afterThreshold;
    // Retries pending now belong to the closed window: they are dropped when they fall due.
    this.epoch++;
  }

  private scheduleTick(at: number): void {
    if (this.simulation.cyclic || at < this.simulation.horizonS)
      this.simulation.calendar.schedule(at, this.base | TICK);
  }

  private grow(agent: number): void {
    let size = this.dialIdOf.length;
    while (size <= agent) size *= 2;
    const dialIdOf = new Float64Array(size).fill(-1);
    dialIdOf.set(this.dialIdOf);
    this.dialIdOf = dialIdOf;
    const attemptOf = new Int32Array(size);
    attemptOf.set(this.attemptOf);
    this.attemptOf = attemptOf;
    const loadedAtOf = new Float64Array(size);
    loadedAtOf.set(this.loadedAtOf);
    this.loadedAtOf = loadedAtOf;
    const connectedOf = new Uint8Array(size);
    connectedOf.set(this.connectedOf);
    this.connectedOf = connectedOf;
    const startedAtOf = new Float64Array(size);
    startedAtOf.set(this.startedAtOf);
    this.startedAtOf = startedAtOf;
    const phaseOf = new Uint8Array(size);
    phaseOf.set(this.phaseOf);
    this.phaseOf = phaseOf;
    const ringOutOf = new Int32Array(size);
    ringOutOf.set(this.ringOutOf);
    this.ringOutOf = ringOutOf;
  }
}
