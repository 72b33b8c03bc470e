import { describe, expect, it } from 'vitest';
import { Simulation } from '../engine/Simulation.js';
import type { AgentGroupModel } from './AgentGroupModel.js';
import { AgentPool } from './AgentPool.js';

const constant = (agents: number) => ({
  changeTimesS: Float64Array.of(0),
  agents: Int32Array.of(agents),
  scheduledPerInterval: Float64Array.of(agents),
});

/** Two groups: 3 blended agents (inbound, outbound) and 2 inbound-only agents. */
function pool(): AgentPool {
  const simulation = new Simulation({ intervalS: 1800, intervals: 1, cyclic: false });
  const groups: AgentGroupModel[] = [
    { name: 'blended', skills: ['inbound', 'outbound'], slots: 1, staffing: constant(3) },
    { name: 'inboundOnly', skills: ['inbound'], slots: 1, staffing: constant(2) },
  ];
  const agents = new AgentPool(simulation, groups, ['inbound', 'outbound']);
  simulation.start(0);
  agents.start(0);
  return agents;
}

describe('AgentPool.idleAgents (the blending threshold count)', () => {
  it("counts the idle agents of the groups with the channel's skill", () => {
    const agents = pool();
    expect(agents.idleAgents(0)).toBe(5);
    expect(agents.idleAgents(1)).toBe(3);
  });

  it('follows agents taken and released', () => {
    const agents = pool();
    const a = agents.takeIdle(1);
    agents.occupy(a, 1);
    const b = agents.takeIdle(0);
    agents.occupy(b, 0);
    // b is the longest idle of either group; whichever group it came from, the totals add up.
    expect(agents.idleAgents(0)).toBe(3);
    expect(agents.idleAgents(1)).toBe(3 - 1 - (b < 3 ? 1 : 0));
    agents.release(a, 10);
    agents.release(b, 20);
    expect(agents.idleAgents(0)).toBe(5);
    expect(agents.idleAgents(1)).toBe(3);
  });
});
