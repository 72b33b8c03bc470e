import { agentsForLoads, type ChannelQueue, dayFactorNodes } from './channelQueue.js';

/** One channel of a shared group in one interval: its queue and its mean simulated load. */
export interface PoolMember {
  readonly queue: ChannelQueue;
  /** Agent-equivalents its contacts ask for (simulatedLoad, day factor divided out). */
  readonly load: number;
  readonly holdingTimeS: number;
  /** Slots per agent of the group (a chat agent's maxChats). */
  readonly slots: number;
}

export interface PooledRequirement {
  /** Each channel staffed apart, added up: what the group needed before pooling was counted. */
  readonly separate: number;
  /** The group staffed as one pool so that every channel's target holds. */
  readonly joint: number;
}

/**
 * Agents a group shared by several channels needs in one interval. Apart: each channel's Erlang A
 * staffing for its own load, added up (the safe side, and an overstatement: one pool of agents waits
 * less than several of the same total size). Joint: the agents serve one pool whose load is the sum of
 * the channels' loads; a contact of any channel waits as a contact of that pool, so each channel's
 * target is judged by the formula with the pooled load and the channel's own holding time, patience
 * and goal, and the group gets the most any channel asks for. With identical channels this is the
 * formula for the summed demand. The day factors of the channels are drawn independently, so the
 * pool's cv is that of a sum of independent loads: sqrt(sum (load cv)^2) / sum load. The simulation
 * method's correction passes then add agents to the group wherever a channel still misses.
 */
export function pooledAgents(members: readonly PoolMember[], where: string): PooledRequirement {
  let separate = 0;
  let pooledLoad = 0;
  let variance = 0;
  for (const m of members) {
    const loads = dayFactorNodes(m.queue.dailyCv).map((n) => ({ load: m.load * n.load, weight: n.weight }));
    separate += agentsForLoads(m.queue, loads, m.holdingTimeS, m.slots, where);
    pooledLoad += m.load;
    variance += (m.load * m.queue.dailyCv) ** 2;
  }
  if (members.length === 1) return { separate, joint: separate };
  const cv = pooledLoad > 0 ? Math.sqrt(variance) / pooledLoad : 0;
  const nodes = dayFactorNodes(cv);
  let joint = 0;
  for (const m of members) {
    const loads = nodes.map((n) => ({ load: pooledLoad * n.load, weight: n.weight }));
    joint = Math.max(joint, agentsForLoads(m.queue, loads, m.holdingTimeS, m.slots, where));
  }
  return { separate, joint };
}
