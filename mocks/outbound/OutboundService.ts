import type { DialOutcome, OutboundProcess } from '../../sim/channels/outbound/OutboundProcess.js';
import type { ModelService } from '../ModelService.js';

/** How a dial ends, as the outbound process says (the `outcome` label of its Prometheus counter). */
export const DIAL_OUTCOMES = ['completed', 'noAnswer'] as const satisfies readonly DialOutcome[];

/** One dial of the campaign as the transport shows it. */
export interface Dial {
  id: number;
  /** Agent who dials (1-based, as phone's and chat's `agent`). */
  agent: number;
  /** 1 for a number's first attempt, then 2, 3... */
  attempt: number;
  /** Model time the dial started. */
  startedAtS: number;
  /** 'dialling' while the agent is on it; else how it ended. */
  state: 'dialling' | DialOutcome;
  /** Model time it ended (absent while dialling). */
  endedAtS?: number;
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
}

/** Ended dials kept for GET /v1/outbound/dials/:id (the most recent ones). */
const RECENT = 1000;

/**
 * The outbound channel's transport: the simulator's outbound process in the mocks' one model run
 * (ModelService, the pool shared with inbound). The model is the dialler and stays authoritative: it
 * decides who dials which number when (the threshold policy) and how each attempt ends, from the
 * simulator's streams. The transport shows it: the dials in progress and the most recent ended ones,
 * so a callee simulator or a dashboard can follow the campaign; nothing from outside changes it.
 */
export class OutboundService {
  private readonly process: OutboundProcess;
  private readonly inProgress = new Map<number, Dial>();
  private readonly recent = new Map<number, Dial>();
  private readonly ended: Record<DialOutcome, number> = { completed: 0, noAnswer: 0 };

  constructor(private readonly model: ModelService) {
    const process = model.run.processes.outbound;
    if (process === undefined)
      throw new RangeError(`scenario ${model.scenario.name} has no outbound channel`);
    this.process = process;
    const started = (id: number, agent: number, attempt: number, atS: number) =>
      this.inProgress.set(id, { id, agent: agent + 1, attempt, startedAtS: atS, state: 'dialling' });
    // Dials started before the transport listened (at the run's start, in the warm start), oldest first.
    const before: [number, number, number, number][] = [];
    process.forEachDial((...dial) => before.push(dial));
    for (const dial of before.sort((a, b) => a[0] - b[0])) started(...dial);
    model.listen('outbound', {
      dialStarted: started,
      dialEnded: (id: number, outcome: DialOutcome, atS: number) => this.dialEnded(id, outcome, atS),
    });
  }

  /** The dials in progress at the model time now, oldest first. */
  dials(): { atS: number; dials: Dial[] } {
    const atS = this.model.now();
    return { atS, dials: [...this.inProgress.values()] };
  }

  /** One dial, in progress or recently ended; undefined when unknown (or ended long ago). */
  dial(id: number): Dial | undefined {
    this.model.now();
    return this.inProgress.get(id) ?? this.recent.get(id);
  }

  snapshot(): OutboundSnapshot {
    this.model.now();
    return {
      listed: this.process.listed,
      retriesPending: this.process.retriesPending,
      dialling: this.process.dialling,
      dials: { ...this.ended },
    };
  }

  private dialEnded(id: number, outcome: DialOutcome, atS: number): void {
    this.ended[outcome]++;
    const dial = this.inProgress.get(id);
    if (dial === undefined) return; // started before the transport listened (the warm start)
    this.inProgress.delete(id);
    this.recent.set(id, { ...dial, state: outcome, endedAtS: atS });
    if (this.recent.size > RECENT) this.recent.delete(this.recent.keys().next().value!);
  }
}
