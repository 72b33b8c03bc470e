import { buildOpenIntervals } from '../../../scenarios/buildOpenIntervals.js';
import { tryParseDuration } from '../../../scenarios/duration.js';
import { WEEKDAYS } from '../../../scenarios/schemaParts.js';
import { buildDistribution } from '../../distributions/buildDistribution.js';
import type { ChannelBuildContext } from '../ChannelPlugin.js';
import type { OutboundModel } from './OutboundModel.js';
import type { OutboundChannelFile } from './outboundSchema.js';

const PATH = '/channels/outbound';

/** The outbound channel's defaults and cross-field checks; undefined when an issue was found. */
export function buildOutboundModel(
  outbound: OutboundChannelFile,
  context: ChannelBuildContext,
): OutboundModel | undefined {
  const { calendar, agentGroups, issues } = context;
  const before = issues.length;
  const dist = (spec: Parameters<typeof buildDistribution>[0], path: string) =>
    buildDistribution(spec, `${PATH}/${path}`, issues);
  const { campaign } = outbound;
  const open = buildOpenIntervals(
    campaign.window,
    `${PATH}/campaign/window`,
    context.closedDates,
    calendar,
    issues,
  );
  const ipd = calendar.intervalsPerDay;
  const scale = campaign.scale ?? 1;
  const numbersPerDay = new Float64Array(calendar.days);
  const loadInterval = new Int32Array(calendar.days).fill(-1);
  for (let d = 0; d < calendar.days; d++) {
    const weekday = calendar.weekdays[d]!;
    const perDay = campaign.numbersPerDay;
    numbersPerDay[d] = Math.round((typeof perDay === 'number' ? perDay : (perDay[weekday] ?? 0)) * scale);
    const first = open.subarray(d * ipd, (d + 1) * ipd).indexOf(1);
    if (first >= 0) loadInterval[d] = d * ipd + first;
    else if (numbersPerDay[d]! > 0 && !context.closedDates.includes(calendar.dates[d]!)) {
      issues.push({
        path: `${PATH}/campaign/numbersPerDay${typeof perDay === 'number' ? '' : `/${weekday}`}`,
        message: `numbers are put on the list on ${calendar.dates[d]} (${weekday}) but the dialling window has no hours that day`,
        value: numbersPerDay[d],
        allowed: `0 on that weekday, or dialling hours for it in campaign.window (weekdays: ${WEEKDAYS.join(', ')})`,
      });
      break;
    }
  }
  // A campaign without a dialling group is refused by buildAgentGroups (every channel needs its skill).
  const dialling = agentGroups.filter((g) => g.skills.includes('outbound'));
  const peak = Math.max(0, ...dialling.map((g) => Math.max(0, ...g.staffing.agents)));
  if (dialling.length > 0 && outbound.reserveIdleAgents >= peak) {
    issues.push({
      path: `${PATH}/reserveIdleAgents`,
      message: `keeps ${outbound.reserveIdleAgents} agents idle, but the outbound groups never have more than ${peak} on duty, so no dial would ever start`,
      value: outbound.reserveIdleAgents,
      allowed: `an integer from 0 to ${Math.max(0, peak - 1)}`,
    });
  }
  const { reached } = outbound.targets;
  const model: OutboundModel = Object.freeze({
    numbersPerDay,
    loadInterval,
    open,
    leftover: campaign.leftover ?? 'carry',
    maxAttempts: outbound.maxAttempts,
    connectProbability: outbound.connectProbability,
    retryDelay: dist(outbound.retryDelay, 'retryDelay'),
    noAnswerTime: dist(outbound.noAnswerTime, 'noAnswerTime'),
    talkTime: dist(outbound.talkTime, 'talkTime'),
    afterCallWork:
      outbound.afterCallWork === undefined ? null : dist(outbound.afterCallWork, 'afterCallWork'),
    reserveIdleAgents: outbound.reserveIdleAgents,
    targets: {
      // slOffered of the campaign is the registry's reachedSlOffered, and so on.
      variant: `reached${reached.variant[0]!.toUpperCase()}${reached.variant.slice(1)}`,
      thresholdS: tryParseDuration(reached.threshold)!,
      goal: reached.goal,
      maxAbandonRate: outbound.targets.maxGivenUpShare ?? null,
      maxAsaS: null,
    },
  });
  return issues.length > before ? undefined : model;
}
