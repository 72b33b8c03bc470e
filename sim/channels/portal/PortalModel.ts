import type { CountDistribution } from '../../distributions/CountDistribution.js';
import type { Distribution } from '../../distributions/Distribution.js';
import type { ChannelTargets } from '../../metrics/judgeTargets.js';
import type { RefusalReason, SupportCause, SupportChannel } from './supportCauses.js';
import type { WorkingDays } from './WorkingDays.js';

export interface ApplicationTypeModel {
  readonly name: string;
  readonly share: number;
  /** Working days from receipt to decision. */
  readonly decisionDays: CountDistribution;
  /** On time: decided within this many working days. */
  readonly deadlineDays: number;
}

/** One way an event of a cause leads to a support contact: probability, channel, delay. */
export interface SupportRuleModel {
  readonly cause: SupportCause;
  readonly channel: SupportChannel;
  readonly probability: number;
  readonly delay: Distribution;
}

/** How the k6 replay builds its uploads (the simulator reads none of it). */
export interface PortalReplayModel {
  readonly pdfShare: number;
  /** Each document's size, bytes, uniform from min to max. */
  readonly documentBytes: { readonly min: number; readonly max: number };
  /** Whether the replay sends validation's refused shares as deliberately bad uploads. */
  readonly badUploads: boolean;
}

/** The portal channel, frozen: durations in seconds, distributions as objects. */
export interface PortalModel {
  /** Expected applications started per interval over the horizon, before day-to-day variability. */
  readonly expectedApplications: Float64Array;
  readonly dailyCv: number;
  readonly types: readonly ApplicationTypeModel[];
  /** Cumulative type shares, for one draw per application. */
  readonly typeCumulative: Float64Array;
  readonly documents: CountDistribution;
  /** Share of submissions refused, by reason (REFUSAL_REASONS order). */
  readonly refused: Readonly<Record<RefusalReason, number>>;
  readonly resubmitProbability: number;
  readonly resubmitDelay: Distribution;
  readonly maxAttempts: number;
  /** Status checks per pending application per second (Poisson process). */
  readonly statusCheckRatePerS: number;
  /** Support rules by cause (each cause's probabilities add up to at most 1). */
  readonly support: Readonly<Record<SupportCause, readonly SupportRuleModel[]>>;
  /** The largest number of working days any type's decision can take (histogram size). */
  readonly maxDecisionDays: number;
  readonly workingDays: WorkingDays;
  readonly targets: ChannelTargets;
  readonly replay: PortalReplayModel;
}
