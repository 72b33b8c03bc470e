import type { K6Source, MetricDirection, MetricSpec, MetricUnit, MetricView } from './MetricSpec.js';
import type { ServiceLevelKind } from './serviceLevel.js';

export interface MetricOptions {
  label?: string;
  k6?: K6Source | null;
  serviceLevel?: ServiceLevelKind;
  band?: boolean;
  views?: readonly MetricView[];
}

/** A builder of one channel's MetricSpecs with the registry's defaults (no k6 source, no band, no view). */
export function metricsOf(channel: string) {
  return <Name extends string>(
    name: Name,
    unit: MetricUnit,
    direction: MetricDirection,
    options: MetricOptions = {},
  ): MetricSpec<Name> => ({
    name,
    channel,
    label: options.label ?? name,
    unit,
    direction,
    k6: options.k6 ?? null,
    serviceLevel: options.serviceLevel ?? null,
    band: options.band ?? false,
    views: options.views ?? [],
  });
}
