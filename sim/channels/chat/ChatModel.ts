import type { TargetsModel } from '../../../scenarios/ScenarioModel.js';
import type { CountDistribution } from '../../distributions/CountDistribution.js';
import type { Distribution } from '../../distributions/Distribution.js';

/** The chat channel, frozen: durations in seconds, distributions as objects. */
export interface ChatModel {
  /** Expected sessions per interval over the horizon, before day-to-day variability. */
  readonly expectedSessions: Float64Array;
  /** 1 where agents answer chats in that interval (answering hours). */
  readonly open: Uint8Array;
  /** Sessions opened outside the answering hours wait for them (true) or are told "closed" (false). */
  readonly asynchronous: boolean;
  readonly dailyCv: number;
  /** Messages from the resident per session; each gets one agent reply. */
  readonly messages: CountDistribution;
  /** The resident's time from an agent reply to the next message. */
  readonly thinkTime: Distribution | null;
  /** An agent's work on one reply when holding one session. */
  readonly replyTime: Distribution;
  /** Stretch of reply work when an agent holds j sessions: factor[j - 1]; the last one repeats. */
  readonly concurrencyFactors: Float64Array;
  /** How long a resident waits for the first reply before leaving (while queued). */
  readonly patience: Distribution;
  /** How long a resident waits for a later reply before leaving; null: for ever. */
  readonly replyPatience: Distribution | null;
  /** The first-response targets; `variant` is the registry's metric, e.g. firstResponseSlOffered. */
  readonly targets: Omit<TargetsModel, 'variant'> & { readonly variant: string };
}
