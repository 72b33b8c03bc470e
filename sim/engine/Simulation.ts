import { EventCalendar } from './EventCalendar.js';

/**
 * Receives the events it scheduled. `kind` is the handler's own small number (0..15); the calendar
 * stores it with the handler's owner id in the high bits, so channels never see each other's kinds.
 */
export interface EventHandler {
  handle(kind: number, t: number, int: number, float: number): void;
}

/**
 * Something that integrates time-weighted statistics (busy agents, queue length) up to `t`. An
 * integrator integrates itself (at `simulation.now`) before it changes what it integrates; the core
 * asks all of them only where a run needs every statistic current: at interval boundaries (the
 * counters are per interval) and before an external action or read (`Simulation.advance`). Most
 * events change nothing an integrator holds, so integrating at every event was wasted work.
 */
export interface Integrator {
  advance(t: number): void;
}

export interface SimulationOptions {
  intervalS: number;
  /** Intervals in the horizon (calendar days x intervals per day). */
  intervals: number;
  /**
   * Batch runs end at the horizon. A cyclic run (the mocks, which serve for as long as they are up)
   * wraps: after the last interval comes interval 0 again, and so do staffing and opening hours.
   */
  cyclic: boolean;
}

const OWNER_SHIFT = 4;
const LOCAL_MASK = 0xf;
const BOUNDARY = 1;

/**
 * The core of a run, and nothing channel-specific: the event calendar, the planning interval the
 * model time is in, and dispatch of each event to the process that scheduled it (SimPy's lesson:
 * the environment is a clock and a calendar; resources and processes live elsewhere). Both drivers
 * use it unchanged: the batch driver pops events as fast as it can, the real-time driver pops those
 * that are due by its model clock.
 */
export class Simulation {
  readonly calendar = new EventCalendar(1024);
  readonly intervalS: number;
  readonly intervals: number;
  readonly horizonS: number;
  readonly cyclic: boolean;
  /** Index of the interval the model time is in (within the horizon; wraps when cyclic). */
  interval = 0;
  /** Model time of the event being handled (or of the last external action). */
  now = 0;
  /** Set when a batch run reaches its horizon. */
  ended = false;
  private readonly handlers: EventHandler[] = [];
  private readonly integrators: Integrator[] = [];

  constructor(options: SimulationOptions) {
    this.intervalS = options.intervalS;
    this.intervals = options.intervals;
    this.horizonS = options.intervalS * options.intervals;
    this.cyclic = options.cyclic;
    this.handlers.push({ handle: () => {} }); // owner 0 is the core itself
  }

  /** Registers a process; returns the base to OR its local kinds (1..15) with when scheduling. */
  register(handler: EventHandler): number {
    if (this.handlers.length > 255 >> OWNER_SHIFT) throw new Error('too many event handlers');
    this.handlers.push(handler);
    return (this.handlers.length - 1) << OWNER_SHIFT;
  }

  addIntegrator(integrator: Integrator): void {
    this.integrators.push(integrator);
  }

  /** Model time `t0` is where the run begins: sets the interval and schedules the next boundary. */
  start(t0: number): void {
    this.now = t0;
    const absolute = Math.floor(t0 / this.intervalS + 1e-9);
    this.interval = this.cyclic ? absolute % this.intervals : Math.min(absolute, this.intervals - 1);
    this.calendar.schedule((absolute + 1) * this.intervalS, BOUNDARY);
  }

  /** Integrates every statistic up to `t` and makes it the model time now (for external actions). */
  advance(t: number): void {
    const integrators = this.integrators;
    for (let i = 0; i < integrators.length; i++) integrators[i]!.advance(t);
    this.now = t;
  }

  /** Pops the earliest event and hands it to its process. Call only while the calendar is not empty. */
  step(): void {
    const calendar = this.calendar;
    const kind = calendar.pop();
    const current = calendar.current;
    const t = current.time;
    this.now = t;
    const owner = kind >> OWNER_SHIFT;
    if (owner === 0) {
      this.advance(t); // everything up to the boundary belongs to the interval that ends here
      this.crossBoundary(t);
    } else this.handlers[owner]!.handle(kind & LOCAL_MASK, t, current.int, current.float);
  }

  /** Interval index of model time `t` (modulo the horizon when cyclic). */
  intervalAt(t: number): number {
    const absolute = Math.floor(t / this.intervalS);
    if (this.cyclic) return ((absolute % this.intervals) + this.intervals) % this.intervals;
    return Math.min(Math.max(absolute, 0), this.intervals - 1);
  }

  private crossBoundary(t: number): void {
    this.interval++;
    if (this.interval >= this.intervals) {
      if (!this.cyclic) {
        this.ended = true;
        return;
      }
      this.interval = 0;
    }
    this.calendar.schedule(t + this.intervalS, BOUNDARY);
  }
}
