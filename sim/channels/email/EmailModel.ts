import type { Distribution } from '../../distributions/Distribution.js';
import type { ChannelTargets } from '../../metrics/judgeTargets.js';
import type { WorkingHoursClock } from './WorkingHoursClock.js';

/** The e-mail channel, frozen: durations in seconds, distributions as objects. */
export interface EmailModel {
  /** Expected e-mails per interval over the horizon, before day-to-day variability. */
  readonly expectedEmails: Float64Array;
  readonly dailyCv: number;
  /** An agent's work on one e-mail (reading, looking up, writing the answer). */
  readonly handleTime: Distribution;
  /** When e-mails are worked, and the clock the response time is measured on. */
  readonly workingHours: WorkingHoursClock;
  /** thresholdS is working seconds (on workingHours); variant is slIncludingOverdue or slAnswered. */
  readonly targets: ChannelTargets;
}
