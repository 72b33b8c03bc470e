import type { ChannelPlanning, PlanningDeadline } from '../ChannelPlanning.js';
import type { EmailModel } from './EmailModel.js';

/**
 * E-mail as `hotline staff` plans it: a backlog answered within `answeredWithin` of working time, which
 * no waiting-queue formula describes. So it is planned as a deadline: each interval's e-mails bring
 * their expected work (e-mails times mean handle time), which can be done from their arrival (or the
 * next opening) until the end of the interval their deadline falls in, on the working-hours clock.
 * Planning staffs that work as evenly as the deadlines allow (fluidDeadlineAgents) for every e-mail
 * on time; the goal's share, the day-to-day volume and the randomness of arrivals and handle times
 * are left to the correction passes, which judge the simulated service level of each interval's
 * e-mails and add agents where they fall due.
 */
export const emailPlanning: ChannelPlanning<EmailModel> = {
  queue: () => null,
  deadline: (model, intervalS) => emailDeadline(model, intervalS),
};

export function emailDeadline(model: EmailModel, intervalS: number): PlanningDeadline {
  const count = model.expectedEmails.length;
  const horizonS = count * intervalS;
  const clock = model.workingHours;
  const workS = Float64Array.from(model.expectedEmails, (emails) => emails * model.handleTime.mean);
  const workingS = new Float64Array(count);
  const dueBy = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    const start = i * intervalS;
    workingS[i] = clock.between(start, start + intervalS);
    // The interval's earliest e-mail sets its deadline: the conservative end of the cohort.
    const due = clock.after(start, model.targets.thresholdS);
    dueBy[i] = due > horizonS ? -1 : Math.max(i, Math.ceil(due / intervalS) - 1);
  }
  return { workS, workingS, dueBy, metrics: { offered: 'offered' } };
}
