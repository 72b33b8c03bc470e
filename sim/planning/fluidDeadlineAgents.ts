import type { PlanningDeadline } from '../channels/ChannelPlanning.js';

/**
 * Busy agents per interval that answer every contact of a backlog by its deadline, in the fluid
 * limit (expected work, no randomness), as evenly as the deadlines allow.
 *
 * Each interval's contacts bring work that can be done from the start of their interval (or the next
 * working one) until the end of the interval they fall due in. The profile is Yao, Demers and
 * Shenker's (1995) minimum-energy schedule: repeatedly find the window of working intervals with the
 * highest density (work that must be done inside it / working seconds in it), run it at that
 * density, and take it out. That profile minimises every convex cost of the rate, the peak included,
 * so it asks for no more agents at any moment than the deadlines force, and spreads a weekend's
 * e-mail over Monday instead of piling it into the hour before it falls due. Contacts are served in
 * order of arrival and fall due in that order too (the windows are agreeable), so the work inside a
 * window is one contiguous run of cohorts, found with prefix sums: a round costs O(n^2) for n working
 * intervals.
 *
 * Contacts due after the horizon set nothing (no interval of the run has to answer them). Returns
 * agent-equivalents per interval of the horizon (work seconds per working second); 0 outside working
 * time.
 */
export function fluidDeadlineAgents(deadline: PlanningDeadline): Float64Array {
  const { workS, workingS, dueBy } = deadline;
  const count = workS.length;
  if (workingS.length !== count || dueBy.length !== count) {
    throw new RangeError('fluidDeadlineAgents: workS, workingS and dueBy must cover the same intervals');
  }
  const rate = new Float64Array(count);
  // The working intervals, in order: the axis the windows live on.
  let slots: number[] = [];
  for (let i = 0; i < count; i++) if (workingS[i]! > 0) slots.push(i);
  const positionOf = new Int32Array(count + 1).fill(-1);
  // Jobs: one per interval with work and a deadline in the horizon, release and due as positions.
  let jobs: { work: number; release: number; due: number }[] = [];
  {
    // nextSlot[i]: position of the first working interval at or after i; lastSlot[i]: at or before.
    const nextSlot = new Int32Array(count + 1).fill(slots.length);
    const lastSlot = new Int32Array(count).fill(-1);
    slots.forEach((interval, p) => {
      positionOf[interval] = p;
    });
    for (let i = count - 1; i >= 0; i--)
      nextSlot[i] = positionOf[i]! >= 0 ? positionOf[i]! : nextSlot[i + 1]!;
    for (let i = 0; i < count; i++)
      lastSlot[i] = positionOf[i]! >= 0 ? positionOf[i]! : i > 0 ? lastSlot[i - 1]! : -1;
    for (let i = 0; i < count; i++) {
      if (!(workS[i]! > 0) || dueBy[i]! < 0) continue;
      const release = nextSlot[i]!;
      const due = lastSlot[Math.min(count - 1, dueBy[i]!)]!;
      if (release >= slots.length) continue; // no working time left in the horizon
      if (due < release) {
        throw new RangeError(
          `fluidDeadlineAgents: interval ${i} falls due (interval ${dueBy[i]}) before any working time after it`,
        );
      }
      const last = jobs[jobs.length - 1];
      if (last && (due < last.due || release < last.release)) {
        throw new RangeError('fluidDeadlineAgents: deadlines must fall in the order the work arrives');
      }
      jobs.push({ work: workS[i]!, release, due });
    }
  }
  while (jobs.length > 0) {
    const window = densestWindow(
      slots.map((s) => workingS[s]!),
      jobs,
    );
    // Every job's window holds a slot (release <= due), so some window holds a whole job.
    if (!(window.density >= 0))
      throw new RangeError('fluidDeadlineAgents: work left with no window to do it in');
    for (let p = window.from; p <= window.to; p++) rate[slots[p]!] = window.density;
    const removed = window.to - window.from + 1;
    // Take the window out of the axis: its jobs are done; a job reaching into it from either side
    // keeps the part of its window outside.
    jobs = jobs
      .filter((_job, j) => j < window.firstJob || j >= window.endJob)
      .map((job) => ({
        work: job.work,
        release: job.release < window.from ? job.release : Math.max(window.from, job.release - removed),
        due: job.due < window.from ? job.due : job.due > window.to ? job.due - removed : window.from - 1,
      }));
    slots = [...slots.slice(0, window.from), ...slots.slice(window.to + 1)];
  }
  return rate;
}

interface Window {
  readonly from: number;
  readonly to: number;
  readonly density: number;
  /** The jobs inside the window: [firstJob, endJob). */
  readonly firstJob: number;
  readonly endJob: number;
}

/** The window [from, to] of slot positions with the most work that must be done inside it per second. */
function densestWindow(
  capacityS: readonly number[],
  jobs: readonly { work: number; release: number; due: number }[],
): Window {
  const n = capacityS.length;
  const capacityBefore = new Float64Array(n + 1);
  for (let p = 0; p < n; p++) capacityBefore[p + 1] = capacityBefore[p]! + capacityS[p]!;
  const workBefore = new Float64Array(jobs.length + 1);
  for (let j = 0; j < jobs.length; j++) workBefore[j + 1] = workBefore[j]! + jobs[j]!.work;
  let best: Window = { from: 0, to: n - 1, density: -1, firstJob: 0, endJob: 0 };
  let firstJob = 0;
  for (let from = 0; from < n; from++) {
    while (firstJob < jobs.length && jobs[firstJob]!.release < from) firstJob++;
    let endJob = firstJob;
    for (let to = from; to < n; to++) {
      while (endJob < jobs.length && jobs[endJob]!.due <= to) endJob++;
      if (endJob <= firstJob) continue;
      const density =
        (workBefore[endJob]! - workBefore[firstJob]!) / (capacityBefore[to + 1]! - capacityBefore[from]!);
      if (density > best.density) best = { from, to, density, firstJob, endJob };
    }
  }
  return best;
}
