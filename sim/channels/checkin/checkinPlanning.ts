import type { ChannelPlanning } from '../ChannelPlanning.js';
import type { CheckinModel } from './CheckinModel.js';

/**
 * The manual review queue as `hotline staff` plans it: Erlang C (nobody abandons a review). The
 * prompts are a Poisson process (processArrivals), each sent to review independently with the review
 * share after a delay drawn independently of the others (response delay, verification); thinning and
 * independent displacement keep a Poisson process Poisson, so the reviews arrive as one too, and with
 * dedicated reviewers each interval is an M/G/c queue for which Erlang C is the usual approximation
 * (exact for exponential review times: checkinReviewErlangC.test.ts). The target is on the whole
 * confirmation time (response, verification, review wait and review), which the formula reads as the
 * review wait alone; the simulation method's correction passes judge the real target.
 */
export const checkinPlanning: ChannelPlanning<CheckinModel> = {
  queue: (model) =>
    model.reviewTime === null
      ? null
      : {
          patienceS: Number.POSITIVE_INFINITY,
          holdingTimeS: model.reviewTime.mean,
          // Check-ins draw no day factor (checkinChannel: processArrivals with dailyCv 0).
          dailyCv: 0,
          dayFactorStream: 'checkin.demand',
          metrics: {
            occupancy: 'occupancy',
            offered: 'sentToReview',
            answered: 'reviewed',
            queueLength: 'meanReviewQueue',
            abandoned: null,
          },
        },
  why: () => 'no requirement: no check-in goes to manual review (reviewShare 0)',
};
