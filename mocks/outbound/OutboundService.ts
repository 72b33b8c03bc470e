import type { DialOutcome, OutboundProcess } from '../../sim/channels/outbound/OutboundProcess.js';
import { NODE_TIMERS, type TimerHost } from '../../sim/engine/RealtimeDriver.js';
import { MockError } from '../errors.js';
import type { ModelService } from '../ModelService.js';
import { ClaimQueue } from './ClaimQueue.js';

/** How a dial ends, as the outbound process says (the `outcome` label of its Prometheus counter). */
export const DIAL_OUTCOMES = ['completed', 'noAnswer'] as const satisfies readonly DialOutcome[];

/**
 * Who the people called are: 'model' (default, `hotline mocks`): the model draws every outcome and
 * the routes only show the dials; 'client' (`hotline load`): a dial rings until a client (the k6
 * callees) claims and answers it, or rings out after the model's no-answer time.
 */
export type CalleeMode = 'model' | 'client';
export const CALLEE_MODES: readonly CalleeMode[] = ['model', 'client'];

/** Where a dial stands: 'dialling' (the model decides its outcome), the callee phases, or its outcome. */
export type DialState = 'dialling' | 'ringing' | 'talking' | 'wrapUp' | DialOutcome;

/** One dial of the campaign as the transport shows it. */
export interface Dial {
  id: number;
  /** Agent who dials (1-based, as phone's and chat's `agent`). */
  agent: number;
  /** 1 for a number's first attempt, then 2, 3... */
  attempt: number;
  /** Model time the dial started. */
  startedAtS: number;
  state: DialState;
  /** Callees 'client': the dial's place among the dials rung since the mocks started (0, 1, ...). */
  ring?: number;
  /** Callees 'client': model time the dial rings out unless answered. */
  ringsOutAtS?: number;
  /** Callees 'client': whether a callee claimed it, and declined it (it rings out). */
  claimed?: boolean;
  declined?: boolean;
  answeredAtS?: number;
  hungUpAtS?: number;
  /** Model time it ends (in wrap-up: the end of the agent's after-call work). */
  endsAtS?: number;
  /** Model time it ended (absent while in progress). */
  endedAtS?: number;
}

/** What the callees did (callees 'client'); all 0 with callees 'model'. */
export interface CalleeCounts {
  /** Dials that rang (the model dialled while callees were the client's). */
  rung: number;
  claimed: number;
  answered: number;
  declined: number;
  /** Claimed, neither answered nor declined before it rang out. */
  missed: number;
  /** Rang out with nobody claiming it. */
  unclaimed: number;
}

export interface OutboundSnapshot {
  /** Numbers waiting to be dialled now (fresh and due retries). */
  listed: number;
  /** Numbers whose retry is not due yet. */
  retriesPending: number;
  /** Dials in progress. */
  dialling: number;
  /** Dials ended since the mocks started, by outcome. */
  dials: Record<DialOutcome, number>;
  callees: CalleeCounts & {
    source: CalleeMode;
    /** Dials ringing now that no callee has claimed. */
    ringingUnclaimed: number;
    /** Claims waiting for a dial to ring (long polls). */
    waitingClaims: number;
    /** Model time the earliest dial that rang out unclaimed started ringing (null: none did): when callees fell behind. */
    firstUnclaimedAtS: number | null;
  };
}

/** Ended dials kept for GET /v1/outbound/dials/:id (the most recent ones). */
const RECENT = 1000;

/**
 * The outbound channel's transport: the simulator's outbound process in the mocks' one model run
 * (ModelService, the pool shared with inbound). The model is the dialler and stays authoritative: it
 * decides who dials which number when (the threshold policy), the attempts, retries, agent
 * occupancy and after-call work. With callees 'model' it also decides how each attempt ends and the
 * transport only shows the dials. With callees 'client' the people called are the client's: a dial
 * rings, a callee claims it (`claim`), answers or declines it, and hangs up; a dial nobody answers
 * rings out after the model's no-answer time.
 */
export class OutboundService {
  private readonly process: OutboundProcess;
  private readonly inProgress = new Map<number, Dial>();
  private readonly recent = new Map<number, Dial>();
  private readonly ended: Record<DialOutcome, number> = { completed: 0, noAnswer: 0 };
  private readonly counts: CalleeCounts = {
    rung: 0,
    claimed: 0,
    answered: 0,
    declined: 0,
    missed: 0,
    unclaimed: 0,
  };
  private readonly ringing: ClaimQueue<Dial>;
  private firstUnclaimedAtS: number | null = null;

  constructor(
    private readonly model: ModelService,
    readonly callees: CalleeMode = 'model',
    timers: TimerHost = NODE_TIMERS,
  ) {
    const process = model.run.processes.outbound;
    if (process === undefined)
      throw new RangeError(`scenario ${model.scenario.name} has no outbound channel`);
    this.process = process;
    this.ringing = new ClaimQueue(timers);
    const started = (id: number, agent: number, attempt: number, atS: number) =>
      this.inProgress.set(id, { id, agent: agent + 1, attempt, startedAtS: atS, state: 'dialling' });
    // Dials started before the transport listened (at the run's start, in the warm start), oldest first.
    const before: [number, number, number, number][] = [];
    process.forEachDial((...dial) => before.push(dial));
    for (const dial of before.sort((a, b) => a[0] - b[0])) started(...dial);
    // The warm start's dials were the model's; from here on the callees are the client's, until the
    // model's own contacts resume (the replayed window's end).
    if (callees === 'client') process.answerFromOutside(model.ownContactsResumeAtS);
    model.listen('outbound', {
      dialStarted: started,
      dialRinging: (id: number, ringsOutAtS: number) => this.dialRinging(id, ringsOutAtS),
      dialEnded: (id: number, outcome: DialOutcome, atS: number) => this.dialEnded(id, outcome, atS),
    });
    model.onShutdown({ endAll: () => this.ringing.releaseAll() });
  }

  /** The dials in progress at the model time now, oldest first. */
  dials(): { atS: number; dials: Dial[] } {
    const atS = this.model.now();
    return { atS, dials: [...this.inProgress.values()].map((d) => ({ ...d })) };
  }

  /** One dial, in progress or recently ended; undefined when unknown (or ended long ago). */
  dial(id: number): Dial | undefined {
    this.model.now();
    const dial = this.inProgress.get(id) ?? this.recent.get(id);
    return dial === undefined ? undefined : { ...dial };
  }

  /**
   * A callee claims the oldest ringing dial nobody has claimed, waiting up to `waitMs` (wall) for one
   * to ring; null when none rang. The dial is the claimer's to answer or decline; with `intent` the
   * claim does it at once, at the instant the dial is handed over (a callee that picks up when its
   * phone rings: no request's latency between the ring and the answer). A dial that rang out in
   * between comes back as it ended.
   */
  async claim(waitMs: number, signal?: AbortSignal, intent?: 'answer' | 'decline'): Promise<Dial | null> {
    this.checkCallees();
    if (this.model.isShutDown) throw new MockError('shutting_down', 'the mocks are shutting down');
    const now = this.model.now(); // rings what is due
    // A dial handed to a waiting claim is handed at its ring, inside the model's event: that instant.
    const dial = await this.ringing.take(waitMs, signal, (handed) =>
      this.handOver(
        handed,
        intent,
        handed.state === 'ringing' && handed.startedAtS > now ? handed.startedAtS : now,
      ),
    );
    return dial === null ? null : { ...dial };
  }

  /** Dial `dial` goes to its claimer at model time `atS`, who answers or declines it at once with `intent`. */
  private handOver(dial: Dial, intent: 'answer' | 'decline' | undefined, atS: number): void {
    dial.claimed = true;
    this.counts.claimed++;
    if (intent === undefined || dial.state !== 'ringing') return;
    if (intent === 'decline') {
      dial.declined = true;
      dial.endsAtS = dial.ringsOutAtS;
      this.counts.declined++;
    } else if (this.process.answer(dial.id)) {
      dial.state = 'talking';
      dial.answeredAtS = atS;
      this.counts.answered++;
    }
  }

  /** The claimer answers dial `id`: the agent talks until the callee hangs up. */
  answer(id: number): Dial {
    return this.act(id, (dial, now) => {
      this.expect(dial, 'ringing', 'answer');
      if (dial.declined === true)
        throw conflict(`dial ${id} was declined; it rings out at ${dial.ringsOutAtS} s`);
      if (!this.process.answer(id)) throw conflict(`dial ${id} is no longer ringing`);
      dial.state = 'talking';
      dial.answeredAtS = now;
      this.counts.answered++;
    });
  }

  /** The callee of dial `id` hangs up: the agent's after-call work follows (the model's draw). */
  hangUp(id: number): Dial {
    return this.act(id, (dial, now) => {
      this.expect(dial, 'talking', 'hang up');
      const endsAtS = this.process.hangUp(id, now);
      if (endsAtS === null) throw conflict(`dial ${id} is not in talk`);
      dial.state = 'wrapUp';
      dial.hungUpAtS = now;
      dial.endsAtS = endsAtS;
    });
  }

  /** The claimer does not answer dial `id`: it rings on and rings out at its no-answer time. */
  noAnswer(id: number): Dial {
    return this.act(id, (dial) => {
      this.expect(dial, 'ringing', 'decline');
      if (dial.declined === true) throw conflict(`dial ${id} was already declined`);
      dial.declined = true;
      dial.endsAtS = dial.ringsOutAtS;
      this.counts.declined++;
    });
  }

  snapshot(): OutboundSnapshot {
    this.model.now();
    return {
      listed: this.process.listed,
      retriesPending: this.process.retriesPending,
      dialling: this.process.dialling,
      dials: { ...this.ended },
      callees: {
        source: this.callees,
        ...this.counts,
        ringingUnclaimed: this.ringing.queued,
        waitingClaims: this.ringing.waiting,
        firstUnclaimedAtS: this.firstUnclaimedAtS,
      },
    };
  }

  /** Runs what is due, then `change` on dial `id` (404 unknown) at the model time now; the dial after. */
  private act(id: number, change: (dial: Dial, nowS: number) => void): Dial {
    this.checkCallees();
    if (this.model.isShutDown) throw new MockError('shutting_down', 'the mocks are shutting down');
    return this.model.driver.act((now) => {
      const dial = this.inProgress.get(id) ?? this.recent.get(id);
      if (dial === undefined)
        throw new MockError('not_found', `no dial ${id} in progress or among the last ended`);
      change(dial, now);
      return { ...dial };
    });
  }

  private expect(dial: Dial, state: DialState, what: string): void {
    if (dial.state !== state)
      throw conflict(`cannot ${what} dial ${dial.id}: it is ${dial.state}, not ${state}`);
    if (dial.claimed !== true) throw conflict(`cannot ${what} dial ${dial.id}: claim it first`);
  }

  private checkCallees(): void {
    if (this.callees !== 'client')
      throw conflict("the model answers its own dials here (start the mocks with callees 'client')");
  }

  private dialRinging(id: number, ringsOutAtS: number): void {
    const dial = this.inProgress.get(id);
    if (dial === undefined) return;
    dial.state = 'ringing';
    dial.ring = this.counts.rung++;
    dial.ringsOutAtS = ringsOutAtS;
    dial.claimed = false;
    this.ringing.offer(id, dial);
  }

  private dialEnded(id: number, outcome: DialOutcome, atS: number): void {
    this.ended[outcome]++;
    const dial = this.inProgress.get(id);
    if (dial === undefined) return; // started before the transport listened (the warm start)
    if (dial.state === 'ringing') {
      if (this.ringing.remove(id)) {
        this.counts.unclaimed++;
        this.firstUnclaimedAtS ??= dial.startedAtS;
      } else if (dial.declined !== true) this.counts.missed++;
    }
    this.inProgress.delete(id);
    dial.state = outcome;
    dial.endedAtS = atS;
    delete dial.endsAtS;
    this.recent.set(id, dial);
    if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value!);
  }
}

const conflict = (message: string) => new MockError('conflict', message);
