// How a channel's service-level threshold reads, in one place for `hotline sim`, the report header,
// the staffing page and the target lines.

import type { ThresholdText } from './MetricSpec.js';
import { channelDeclaration } from './metricRegistry.js';

/** The channel's own wording when it declares one; else seconds on the wall clock. */
export function thresholdText(channel: string, thresholdS: number): ThresholdText {
  const own = channelDeclaration(channel).thresholdText;
  return own === undefined ? { long: `within ${thresholdS} s`, short: `@${thresholdS}s` } : own(thresholdS);
}
