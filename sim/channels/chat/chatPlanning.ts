import type { ChannelPlanning } from '../ChannelPlanning.js';
import type { ChatModel } from './ChatModel.js';

/**
 * Chat as `hotline staff` plans it: Erlang A on slots (an agent holds maxChats sessions). A session
 * holds its slot over several messages and think times: no model field gives that holding time
 * directly, so it is measured from the simulation (busy slot time / sessions taken). No closed
 * formula per interval: the simulation method starts from today's staffing.
 */
export const chatPlanning: ChannelPlanning<ChatModel> = {
  queue: (chat) => ({
    patienceS: chat.patience.mean,
    holdingTimeS: null,
    dailyCv: chat.dailyCv,
    dayFactorStream: 'chat.demand',
    metrics: {
      occupancy: 'occupancySlots',
      offered: 'offered',
      answered: 'answered',
      queueLength: 'meanQueueLength',
      abandoned: 'abandoned',
    },
  }),
};
