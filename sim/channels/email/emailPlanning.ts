import type { ChannelPlanning } from '../ChannelPlanning.js';
import type { EmailModel } from './EmailModel.js';

/**
 * E-mail is not planned yet: its target is a backlog answered within a deadline in working time, which
 * no waiting-queue formula describes (a fluid requirement per interval, agent-time enough to clear
 * what falls due, is the planned next step). `hotline staff` says so and simulates it with the plan.
 */
export const emailPlanning: ChannelPlanning<EmailModel> = {
  queue: () => null,
  why: (model) =>
    `not planned yet: the backlog answered within ${model.targets.thresholdS} s of working time needs a deadline requirement, not a queue formula; ` +
    "its groups keep the scenario's staffing",
};
