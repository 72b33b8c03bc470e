// How `hotline staff` plans a channel's agents: a channel declares it here, in its own folder
// (`sim/channels/<name>/<name>Planning.ts`), so planning (sim/planning/) never names a channel.

/**
 * The channel seen as the queue the staffing formula needs (Erlang A on slots), and the metric names
 * the simulation method reads from a simulated interval to raise or lower staffing.
 */
export interface PlanningQueue {
  /** Mean patience of a contact waiting for an agent, seconds; Infinity: nobody abandons (Erlang C). */
  readonly patienceS: number;
  /** Mean time a contact holds a slot, seconds; null: estimated from the simulation (busy slot time / answered). */
  readonly holdingTimeS: number | null;
  /** Coefficient of variation of the day-to-day volume factor (0: none is drawn). */
  readonly dailyCv: number;
  /** The random stream the day factors are drawn from (`<channel>.demand`), when dailyCv > 0. */
  readonly dayFactorStream: `${string}.${string}`;
  /** Metric names of a simulated interval. */
  readonly metrics: {
    /** Busy agent time as a share of on-duty time (a chat session counts 1/slots). */
    readonly occupancy: string;
    /** Contacts that reached the agents' queue (an interval without any is not judged). */
    readonly offered: string;
    /** Contacts an agent took. */
    readonly answered: string;
    /** Mean number waiting for an agent (waiting time per interval by Little's law). */
    readonly queueLength: string;
    /** Contacts that gave up waiting; null: none can. */
    readonly abandoned: string | null;
  };
}

/**
 * A backlog answered by a deadline (e-mail): no queue formula describes it, so planning staffs the work
 * as it falls due (fluidDeadlineAgents) and the simulation's correction passes judge the real target.
 * Arrays are per interval of the horizon (day-major).
 */
export interface PlanningDeadline {
  /** Expected agent-seconds of work received in each interval (contacts times mean handle time). */
  readonly workS: Float64Array;
  /** Seconds of each interval in which the work can be done (working hours). */
  readonly workingS: Float64Array;
  /** The interval by whose end each interval's contacts must be answered; -1: after the horizon. */
  readonly dueBy: Int32Array;
  /** Metric names of a simulated interval (its contacts as a cohort). */
  readonly metrics: {
    /** Contacts received (an interval without any is not judged). */
    readonly offered: string;
  };
}

export interface ChannelPlanning<Model> {
  /**
   * Null: the channel sets no requirement, and `why` says so in the output (e.g. outbound: its agents
   * dial in the time the inbound channels leave, and it has no target to staff for).
   */
  queue(model: Model): PlanningQueue | null;
  /**
   * A channel whose target is a deadline rather than a wait in a queue (queue() null): its work and
   * when it falls due. Absent or null: no such requirement.
   */
  deadline?(model: Model, intervalS: number): PlanningDeadline | null;
  /** Why the channel sets no requirement, when queue() and deadline() are null. */
  why?(model: Model): string;
  /**
   * Per-interval stationary staffing where a formula holds for the channel alone (agents on duty per
   * interval; `label` names an interval in errors): what `--method erlang` gives and the simulation
   * method starts from. Absent: no closed formula; the simulation starts from today's staffing.
   */
  erlangOnDuty?(model: Model, intervalS: number, label: (interval: number) => string): Int32Array;
  /**
   * Whether erlangOnDuty is exact for the channel served alone by one group: each interval its own
   * stationary queue. `reason` says why or why not, for the user (e.g. "retrials carry demand across
   * intervals"). Absent with erlangOnDuty present: it always holds.
   */
  erlangHolds?(model: Model): { readonly holds: boolean; readonly reason: string };
}
