/**
 * Agents on duty, with numbers so that a response can say who answered. Counts follow the
 * simulator exactly: idle agents leave at once when staffing drops; busy ones leave when the contact
 * in hand is done (any busy agent, like the simulator's `pendingLeaves`). Numbers are reused, the
 * smallest free one first, so agent numbers stay within 1..(most agents ever on duty).
 */
export class AgentRoster {
  busy = 0;
  onDuty = 0;
  /** Busy agents whose shift has ended (they leave after the contact in hand). */
  pendingLeaves = 0;
  /** Idle agents, longest idle first. */
  private readonly idle: number[] = [];
  /** Free agent numbers, ascending. */
  private readonly freeNumbers: number[] = [];
  private nextNumber = 1;

  get idleCount(): number {
    return this.idle.length;
  }

  /** The longest-idle agent becomes busy; undefined when none is idle. */
  takeIdle(): number | undefined {
    const agent = this.idle.shift();
    if (agent !== undefined) this.busy++;
    return agent;
  }

  /** A busy agent is done with its contact: it leaves if a shift ended, else it becomes idle. */
  release(agent: number): 'left' | 'idle' {
    this.busy--;
    if (this.pendingLeaves > 0) {
      this.pendingLeaves--;
      this.onDuty--;
      this.freeNumber(agent);
      return 'left';
    }
    this.idle.push(agent);
    return 'idle';
  }

  /** Moves agents on duty toward `target` (the simulator's setScheduledAgents). */
  setScheduled(target: number): void {
    let diff = target - (this.onDuty - this.pendingLeaves);
    if (diff > 0) {
      const stay = Math.min(diff, this.pendingLeaves);
      this.pendingLeaves -= stay;
      diff -= stay;
      this.onDuty += diff;
      for (let i = 0; i < diff; i++) this.idle.push(this.takeNumber());
    } else if (diff < 0) {
      const leaveNow = Math.min(-diff, this.idle.length);
      // The most recently idle leave first: those idle longest are next in line for a call.
      for (let i = 0; i < leaveNow; i++) this.freeNumber(this.idle.pop()!);
      this.onDuty -= leaveNow;
      this.pendingLeaves += -diff - leaveNow;
    }
  }

  private takeNumber(): number {
    return this.freeNumbers.shift() ?? this.nextNumber++;
  }

  private freeNumber(agent: number): void {
    const list = this.freeNumbers;
    let i = list.length;
    while (i > 0 && list[i - 1]! > agent) i--;
    list.splice(i, 0, agent);
  }
}
