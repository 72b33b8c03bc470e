import type { EventHandler, Integrator, Simulation } from '../engine/Simulation.js';
import type { AgentGroupModel } from './AgentGroupModel.js';
import { AgentRing } from './AgentRing.js';

/** A channel's side of the pool: it is asked for work when one of its agents has capacity. */
export interface WorkSource {
  /** Agent `agent` (of a group with this channel's skill) can take a contact at `t`; true if it took one. */
  serve(agent: number, t: number): boolean;
}

/** Where the pool integrates agent time for one channel (the channel's counters, per interval). */
export interface ChannelAgentCounters {
  /** Agent-seconds busy on this channel (a chat session counts 1/slots of an agent). */
  readonly busyAgentS: Float64Array;
  /** Agent-seconds on duty in the groups that have this channel's skill. */
  readonly onDutyAgentS: Float64Array;
  /** Agent-seconds past the end of a shift, finishing a contact, in those groups. */
  readonly overtimeAgentS: Float64Array;
  /** Agent-seconds with at least one contact of this channel in hand (chat: occupancy in agents). */
  readonly engagedAgentS?: Float64Array;
}

const STAFF = 1;
const NONE = -1;

/**
 * The ecosystem's agents: one pool of groups with skills, capacity in slots, and a staffing step
 * function per group. Channels ask it for an agent (`takeIdle`), hand the agent back when done
 * (`release`), and the pool decides what a freed agent does next: leave (its shift is over), serve the
 * waiting contacts of its skills in priority order, or wait idle. Routing is longest idle first.
 * Agents have ids, so the mocks can say who answered.
 */
export class AgentPool implements EventHandler, Integrator {
  private readonly base: number;
  private readonly groups: readonly AgentGroupModel[];
  /** Index of the channels (in the simulation's order) each group serves, priority order. */
  private readonly groupSkills: readonly Int32Array[];
  /** Groups having each channel's skill. */
  private readonly skillGroups: readonly Int32Array[];
  private readonly sources: (WorkSource | null)[];
  /** The most slots an agent of any group has (takeSlot's search bound; computed once, it is hot). */
  private readonly maxSlots: number;
  /** Channels whose counters the pool integrates. */
  private readonly connected: number[] = [];
  // The connected channels' integrals (index as in `connected`), taken out of their counters once:
  // advance runs at every release, and the channels' counter objects differ in shape.
  private readonly busyS: Float64Array[] = [];
  private readonly onDutyS: Float64Array[] = [];
  private readonly overtimeS: Float64Array[] = [];
  private readonly engagedS: (Float64Array | null)[] = [];

  // Per group.
  private readonly idle: AgentRing[];
  /** Agents holding some but not all of their slots, by load (index = sessions held). */
  private readonly partial: number[][][];
  private readonly offDuty: number[][];
  private readonly onDutyOf: Int32Array;
  private readonly pendingLeavesOf: Int32Array;

  // Per channel: agent-equivalents busy, agents on duty and in overtime in groups with the skill.
  private readonly busyOn: Float64Array;
  private readonly onDutyFor: Float64Array;
  private readonly overtimeFor: Float64Array;
  private readonly engagedOn: Float64Array;

  // Per agent.
  private groupOf = new Int32Array(64);
  private load = new Int32Array(64);
  private channelOf = new Int32Array(64);
  private idleSince = new Float64Array(64);
  /** Position of the agent in its partial-load list (-1: in none). */
  private partialPos = new Int32Array(64).fill(-1);
  private agentCount = 0;

  /** Integrated up to: busy and engaged change at most events, on duty and overtime only at shifts. */
  private busyT = 0;
  private dutyT = 0;
  private busyAgents = 0;

  constructor(
    private readonly simulation: Simulation,
    groups: readonly AgentGroupModel[],
    channelNames: readonly string[],
  ) {
    this.base = simulation.register(this);
    simulation.addIntegrator(this);
    this.groups = groups;
    const channelIndex = new Map(channelNames.map((name, i) => [name, i]));
    this.groupSkills = groups.map(
      (g) => new Int32Array(g.skills.filter((s) => channelIndex.has(s)).map((s) => channelIndex.get(s)!)),
    );
    this.skillGroups = channelNames.map(
      (_, c) => new Int32Array(groups.flatMap((_, g) => (this.groupSkills[g]!.includes(c) ? [g] : []))),
    );
    this.sources = channelNames.map(() => null);
    this.maxSlots = groups.reduce((max, g) => Math.max(max, g.slots), 1);
    this.idle = groups.map(() => new AgentRing());
    this.partial = groups.map((g) => Array.from({ length: g.slots }, () => []));
    this.offDuty = groups.map(() => []);
    this.onDutyOf = new Int32Array(groups.length);
    this.pendingLeavesOf = new Int32Array(groups.length);
    this.busyOn = new Float64Array(channelNames.length);
    this.onDutyFor = new Float64Array(channelNames.length);
    this.overtimeFor = new Float64Array(channelNames.length);
    this.engagedOn = new Float64Array(channelNames.length);
    this.channelOf.fill(NONE);
  }

  /** Connects channel `channel` (its index in the simulation's order) to its queue and its counters. */
  connect(channel: number, source: WorkSource, counters: ChannelAgentCounters | null): void {
    this.sources[channel] = source;
    if (counters === null) return;
    this.connected.push(channel);
    this.busyS.push(counters.busyAgentS);
    this.onDutyS.push(counters.onDutyAgentS);
    this.overtimeS.push(counters.overtimeAgentS);
    this.engagedS.push(counters.engagedAgentS ?? null);
  }

  /** Puts each group's staffing in force at model time `t0` and schedules its next change. */
  start(t0: number): void {
    this.busyT = t0;
    this.dutyT = t0;
    const horizonS = this.simulation.horizonS;
    this.groups.forEach((group, g) => {
      const times = group.staffing.changeTimesS;
      const cycleStart = this.simulation.cyclic ? Math.floor(t0 / horizonS) * horizonS : 0;
      let index = 0;
      while (index + 1 < times.length && times[index + 1]! <= t0 - cycleStart) index++;
      this.applyStaffing(g, index, cycleStart, t0);
    });
  }

  // --- what channels call --------------------------------------------------------------------------

  get agentsBusy(): number {
    return this.busyAgents;
  }

  get agentsOnDuty(): number {
    let n = 0;
    for (let g = 0; g < this.onDutyOf.length; g++) n += this.onDutyOf[g]!;
    return n;
  }

  /**
   * Idle agents of the groups with the skill of `channel`: what a blending threshold counts (an
   * outbound dial starts only while enough of them stay idle for inbound contacts).
   */
  idleAgents(channel: number): number {
    const groups = this.skillGroups[channel]!;
    let n = 0;
    for (let i = 0; i < groups.length; i++) n += this.idle[groups[i]!]!.length;
    return n;
  }

  /** The longest-idle agent of a group with the skill of `channel`, taken out of the idle ones; -1 if none. */
  takeIdle(channel: number): number {
    const groups = this.skillGroups[channel]!;
    if (groups.length === 1) {
      const ring = this.idle[groups[0]!]!;
      return ring.length === 0 ? NONE : ring.popFront();
    }
    let best = NONE;
    let bestSince = Number.POSITIVE_INFINITY;
    for (let i = 0; i < groups.length; i++) {
      const ring = this.idle[groups[i]!]!;
      if (ring.length === 0) continue;
      const since = this.idleSince[ring.front]!;
      if (since < bestSince) {
        bestSince = since;
        best = groups[i]!;
      }
    }
    return best === NONE ? NONE : this.idle[best]!.popFront();
  }

  /** Agent `agent` (idle, just taken) works a contact of `channel` with all its capacity (a call). */
  occupy(agent: number, channel: number): void {
    this.advanceBusy(this.simulation.now);
    this.load[agent] = this.groups[this.groupOf[agent]!]!.slots;
    this.channelOf[agent] = channel;
    this.busyAgents++;
    this.busyOn[channel]!++;
    this.engagedOn[channel]!++;
  }

  /**
   * The least loaded agent with a free slot for a session of `channel` (chat): the longest idle
   * first, then the fewest sessions in hand; -1 if none. Agents of a group whose shift has ended for
   * some of them take no new session, so the group drains down to its new size.
   */
  takeSlot(channel: number): number {
    const idle = this.takeIdle(channel);
    if (idle >= 0) return idle;
    const groups = this.skillGroups[channel]!;
    for (let level = 1; level < this.maxSlots; level++) {
      for (let i = 0; i < groups.length; i++) {
        const g = groups[i]!;
        if (this.pendingLeavesOf[g]! > 0) continue;
        const list = this.partial[g]![level];
        if (list !== undefined && list.length > 0 && this.channelOf[list[list.length - 1]!] === channel)
          return this.unlist(list[list.length - 1]!);
      }
    }
    return NONE;
  }

  /** Agent `agent` (idle, or taken by takeSlot) starts one more session of `channel`. */
  addSession(agent: number, channel: number): void {
    this.advanceBusy(this.simulation.now);
    if (this.partialPos[agent]! >= 0) this.unlist(agent);
    const load = this.load[agent]!;
    const slots = this.groups[this.groupOf[agent]!]!.slots;
    if (load === 0) {
      this.busyAgents++;
      this.channelOf[agent] = channel;
      this.engagedOn[channel]!++;
    }
    this.load[agent] = load + 1;
    this.busyOn[channel]! += 1 / slots;
    if (load + 1 < slots) this.list(agent, load + 1);
  }

  /** Agent `agent` ended one session at `t`: with none left it is freed; else it may take another. */
  removeSession(agent: number, t: number): void {
    this.advanceBusy(t);
    const channel = this.channelOf[agent]!;
    const g = this.groupOf[agent]!;
    const slots = this.groups[g]!.slots;
    if (this.partialPos[agent]! >= 0) this.unlist(agent);
    const load = this.load[agent]! - 1;
    this.load[agent] = load;
    this.busyOn[channel]! -= 1 / slots;
    if (load === 0) {
      this.channelOf[agent] = NONE;
      this.busyAgents--;
      this.engagedOn[channel]!--;
      this.freed(agent, t);
      return;
    }
    this.list(agent, load);
    if (this.pendingLeavesOf[g] === 0) this.sources[channel]?.serve(agent, t);
  }

  /** Sessions agent `agent` can hold at once (its group's maxChats). */
  slotsOf(agent: number): number {
    return this.groups[this.groupOf[agent]!]!.slots;
  }

  /** Sessions agent `agent` holds now. */
  loadOf(agent: number): number {
    return this.load[agent]!;
  }

  /** Agent `agent` finished its contact at `t`: it leaves, takes more work, or waits idle. */
  release(agent: number, t: number): void {
    this.advanceBusy(t);
    const channel = this.channelOf[agent]!;
    this.load[agent] = 0;
    this.channelOf[agent] = NONE;
    this.busyAgents--;
    this.busyOn[channel]!--;
    this.engagedOn[channel]!--;
    this.freed(agent, t);
  }

  private list(agent: number, level: number): void {
    const list = this.partial[this.groupOf[agent]!]![level]!;
    this.partialPos[agent] = list.length;
    list.push(agent);
  }

  /** Takes `agent` out of its partial-load list (swap with the last); returns it. */
  private unlist(agent: number): number {
    const list = this.partial[this.groupOf[agent]!]![this.load[agent]!]!;
    const pos = this.partialPos[agent]!;
    const last = list.pop()!;
    if (last !== agent) {
      list[pos] = last;
      this.partialPos[last] = pos;
    }
    this.partialPos[agent] = -1;
    return agent;
  }

  // --- events and time ------------------------------------------------------------------------------

  handle(kind: number, t: number, int: number, float: number): void {
    if (kind === STAFF) this.changeStaffing(float, int, t);
  }

  advance(t: number): void {
    this.advanceBusy(t);
    this.advanceDuty(t);
  }

  // --- inside ---------------------------------------------------------------------------------------

  /**
   * Busy and engaged agents integrated up to `t`, before they change (see Integrator). On duty and
   * overtime wait for their own change or the next boundary: integrating them at every contact cost
   * ~2% of the ecosystem day.
   */
  private advanceBusy(t: number): void {
    const dt = t - this.busyT;
    if (dt <= 0) return;
    const k = this.simulation.interval;
    const connected = this.connected;
    const busyS = this.busyS;
    const engagedS = this.engagedS;
    for (let i = 0; i < connected.length; i++) {
      const c = connected[i]!;
      busyS[i]![k]! += this.busyOn[c]! * dt;
      const engaged = engagedS[i]!;
      if (engaged !== null) engaged[k]! += this.engagedOn[c]! * dt;
    }
    this.busyT = t;
  }

  /** On duty and overtime integrated up to `t`, before they change or at a boundary. */
  private advanceDuty(t: number): void {
    const dt = t - this.dutyT;
    if (dt <= 0) return;
    const k = this.simulation.interval;
    const connected = this.connected;
    for (let i = 0; i < connected.length; i++) {
      const c = connected[i]!;
      this.onDutyS[i]![k]! += this.onDutyFor[c]! * dt;
      this.overtimeS[i]![k]! += this.overtimeFor[c]! * dt;
    }
    this.dutyT = t;
  }

  /** An agent with nothing in hand: leave if its group is over staffed, else serve a queue, else idle. */
  private freed(agent: number, t: number): void {
    const g = this.groupOf[agent]!;
    if (this.pendingLeavesOf[g]! > 0) {
      this.pendingLeavesOf[g]!--;
      this.addOvertime(g, -1);
      this.goOff(agent, g);
      return;
    }
    this.offerWork(agent, g, t);
  }

  private offerWork(agent: number, g: number, t: number): void {
    const skills = this.groupSkills[g]!;
    for (let i = 0; i < skills.length; i++) {
      if (this.sources[skills[i]!]?.serve(agent, t)) return;
    }
    this.idleSince[agent] = t;
    this.idle[g]!.pushBack(agent);
  }

  /** Staffing level `index` of group `g` for the cycle starting at `cycleStart`; schedules the next. */
  private changeStaffing(g: number, index: number, t: number): void {
    const times = this.groups[g]!.staffing.changeTimesS;
    this.applyStaffing(g, index, t - times[index]!, t);
  }

  private applyStaffing(g: number, index: number, cycleStart: number, t: number): void {
    const { changeTimesS, agents } = this.groups[g]!.staffing;
    this.setScheduled(g, agents[index]!, t);
    const simulation = this.simulation;
    if (index + 1 < changeTimesS.length) {
      const at = cycleStart + changeTimesS[index + 1]!;
      if (simulation.cyclic || at < simulation.horizonS)
        simulation.calendar.schedule(at, this.base | STAFF, index + 1, g);
    } else if (simulation.cyclic && changeTimesS.length > 1) {
      simulation.calendar.schedule(
        cycleStart + simulation.horizonS + changeTimesS[0]!,
        this.base | STAFF,
        0,
        g,
      );
    }
  }

  /** Moves group `g` toward `target` agents: idle agents leave at once, busy ones after their contact. */
  private setScheduled(g: number, target: number, t: number): void {
    let diff = target - (this.onDutyOf[g]! - this.pendingLeavesOf[g]!);
    if (diff > 0) {
      const stay = Math.min(diff, this.pendingLeavesOf[g]!);
      this.pendingLeavesOf[g]! -= stay;
      this.addOvertime(g, -stay);
      diff -= stay;
      for (let i = 0; i < diff; i++) {
        const agent = this.comeOn(g);
        this.offerWork(agent, g, t);
      }
    } else if (diff < 0) {
      const ring = this.idle[g]!;
      const leaveNow = Math.min(-diff, ring.length);
      for (let i = 0; i < leaveNow; i++) this.goOff(ring.popBack(), g);
      const later = -diff - leaveNow;
      this.pendingLeavesOf[g]! += later;
      this.addOvertime(g, later);
    }
  }

  private comeOn(g: number): number {
    const agent = this.offDuty[g]!.pop() ?? this.newAgent(g);
    this.onDutyOf[g]!++;
    this.addOnDuty(g, 1);
    return agent;
  }

  private goOff(agent: number, g: number): void {
    this.offDuty[g]!.push(agent);
    this.onDutyOf[g]!--;
    this.addOnDuty(g, -1);
  }

  private newAgent(g: number): number {
    if (this.agentCount === this.groupOf.length) this.grow();
    const agent = this.agentCount++;
    this.groupOf[agent] = g;
    return agent;
  }

  private addOnDuty(g: number, delta: number): void {
    this.advanceDuty(this.simulation.now);
    const skills = this.groupSkills[g]!;
    for (let i = 0; i < skills.length; i++) this.onDutyFor[skills[i]!]! += delta;
  }

  private addOvertime(g: number, delta: number): void {
    this.advanceDuty(this.simulation.now);
    const skills = this.groupSkills[g]!;
    for (let i = 0; i < skills.length; i++) this.overtimeFor[skills[i]!]! += delta;
  }

  private grow(): void {
    const size = this.groupOf.length * 2;
    const copy = <T extends Int32Array | Float64Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.groupOf = copy(this.groupOf, new Int32Array(size));
    this.load = copy(this.load, new Int32Array(size));
    const channelOf = new Int32Array(size).fill(NONE);
    channelOf.set(this.channelOf);
    this.channelOf = channelOf;
    this.idleSince = copy(this.idleSince, new Float64Array(size));
    const partialPos = new Int32Array(size).fill(-1);
    partialPos.set(this.partialPos);
    this.partialPos = partialPos;
  }
}
