// The phone channel, frozen: durations in seconds, distributions as objects, built from the file by
// buildPhoneModel.

import type { TargetsModel } from '../../../scenarios/ScenarioModel.js';
import type { DistributionSpec } from '../../../scenarios/schemaParts.js';
import type { Distribution } from '../../distributions/Distribution.js';
import type { FaultsFile } from './phoneSchema.js';

export interface PriorityClassModel {
  readonly name: string;
  readonly share: number;
  readonly priority: number;
  readonly patience: Distribution;
}

export interface RetrialModel {
  readonly afterBlocked: number;
  readonly afterAbandoned: number;
  readonly afterClosed: number;
  readonly delay: Distribution;
  /** The delay as written in the file, for the k6 replay, which draws its own retrials. */
  readonly delaySpec: DistributionSpec;
  /** Attempts in all, the first one included. */
  readonly maxAttempts: number;
}

export interface PhoneModel {
  /** Expected calls per interval over the horizon, before day-to-day variability. */
  readonly expectedCalls: Float64Array;
  /** 1 where the channel takes calls in that interval, 0 where callers hear "closed". */
  readonly open: Uint8Array;
  readonly dailyCv: number;
  /** Number of lines; Infinity when the scenario sets no limit. */
  readonly trunkLines: number;
  readonly ivr: { readonly time: Distribution; readonly selfServiceShare: number } | null;
  readonly talkTime: Distribution;
  readonly afterCallWork: Distribution | null;
  /** Classes sorted by priority, highest first; one class "all" when the scenario names none. */
  readonly classes: readonly PriorityClassModel[];
  readonly retrial: RetrialModel | null;
  readonly targets: TargetsModel;
  /** Scheduled agents per interval in the groups with the phone skill (for occupancy). */
  readonly scheduledPerInterval: Float64Array;
  /** Faults the mocks inject (checked at load; the simulator ignores them). */
  readonly faults: FaultsFile | null;
}
