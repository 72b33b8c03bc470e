import type { ChannelPlanning } from '../ChannelPlanning.js';
import type { OutboundModel } from './OutboundModel.js';

/**
 * The campaign sets no requirement: its agents dial only while more than the threshold of the
 * outbound groups' agents are idle, i.e. in the time the inbound channels leave, and its target
 * (reached within T of loading) is not a waiting queue a staffing formula describes. `hotline staff`
 * says so and simulates it with the plan.
 */
export const outboundPlanning: ChannelPlanning<OutboundModel> = {
  queue: () => null,
  why: (model) =>
    `no requirement: the campaign dials in the time the inbound channels leave (while more than ${model.reserveIdleAgents} agents are idle); ` +
    `its target (${model.targets.variant} within ${model.targets.thresholdS} s of loading) is judged in the simulation of the plan, not staffed for`,
};
