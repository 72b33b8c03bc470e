import type { ChannelPlanning } from '../ChannelPlanning.js';
import { erlangOnDuty } from './erlangOnDuty.js';
import type { PhoneModel } from './PhoneModel.js';

/**
 * Phone as `hotline staff` plans it: Erlang A with the classes' share-weighted mean patience and
 * talk + after-call work as the holding time; per-interval Erlang where it holds alone (erlangOnDuty).
 */
export const phonePlanning: ChannelPlanning<PhoneModel> = {
  queue: (phone) => ({
    patienceS: phone.classes.reduce((sum, c) => sum + c.share * c.patience.mean, 0),
    holdingTimeS: phone.talkTime.mean + (phone.afterCallWork?.mean ?? 0),
    dailyCv: phone.dailyCv,
    dayFactorStream: 'phone.demand',
    metrics: {
      occupancy: 'occupancy',
      offered: 'offered',
      answered: 'answered',
      queueLength: 'meanQueueLength',
      abandoned: 'abandoned',
    },
  }),
  erlangOnDuty,
  erlangHolds: (phone) => {
    if (phone.retrial) return { holds: false, reason: 'retrials carry demand across intervals' };
    const open = [...phone.expectedCalls].filter((_, i) => phone.open[i] === 1);
    // 1%: a shape written by hand as all ones may still round differently across days.
    if (open.length > 0 && Math.max(...open) > Math.min(...open) * 1.01) {
      return { holds: false, reason: 'demand varies over the day: the load lags the arrivals' };
    }
    return { holds: true, reason: 'flat demand, no retrials' };
  },
};
