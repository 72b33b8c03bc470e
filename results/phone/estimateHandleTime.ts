import type { LoadedRun } from '../loadRun.js';
import { metricOf } from '../runMetrics.js';

/**
 * Mean handle time (talk + after-call work) recovered from the run itself: busy agent time over
 * answered contacts, where busy time = occupancy × on-duty agent hours. The run folder does not
 * carry the scenario's distributions, and this is also what the agents actually did (retrials,
 * calls spanning intervals included). Null when the run cannot tell (e.g. a k6 run without occupancy).
 */
export function estimateHandleTimeS(run: LoadedRun): number | null {
  const phone = run.summary.channels.phone;
  const occupancy = metricOf(phone, 'occupancy').mean;
  const agentHours = metricOf(phone, 'agentHours').mean;
  const answered = metricOf(phone, 'answered').mean;
  if (occupancy === null || agentHours === null || answered === null || answered <= 0) return null;
  const aht = (occupancy * agentHours * 3600) / answered;
  return aht > 0 ? aht : null;
}
