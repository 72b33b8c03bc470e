import { buildExpectedContacts } from '../../../scenarios/buildExpectedContacts.js';
import type { InputIssue } from '../../../scenarios/inputError.js';
import { buildDistribution } from '../../distributions/buildDistribution.js';
import { buildCountDistribution, type CountSpec } from '../../distributions/CountDistribution.js';
import type { ChannelBuildContext } from '../ChannelPlugin.js';
import { cappedDocuments } from './cappedDocuments.js';
import type { ApplicationTypeModel, PortalModel, SupportRuleModel } from './PortalModel.js';
import type { PortalChannelFile } from './portalSchema.js';
import { REFUSAL_REASONS, SUPPORT_CAUSES, type SupportCause } from './supportCauses.js';
import { WorkingDays } from './WorkingDays.js';

const PATH = '/channels/portal';
const DEFAULT_MAX_ATTEMPTS = 3;
const SHARE_TOLERANCE = 1e-9;

type DecisionDaysFile = PortalChannelFile['applicationTypes'][number]['decisionDays'];

/** The portal channel's defaults and cross-field checks; undefined when an issue was found. */
export function buildPortalModel(
  portal: PortalChannelFile,
  context: ChannelBuildContext,
): PortalModel | undefined {
  const { calendar, issues } = context;
  const before = issues.length;
  const types = portal.applicationTypes.map((type, i) =>
    buildType(type, `${PATH}/applicationTypes/${i}`, issues),
  );
  checkTypes(portal, issues);
  const refused = Object.fromEntries(
    REFUSAL_REASONS.map((reason) => [reason, portal.validation.refused[reason] ?? 0]),
  ) as PortalModel['refused'];
  const refusedTotal = REFUSAL_REASONS.reduce((sum, r) => sum + refused[r], 0);
  if (refusedTotal > 1 + SHARE_TOLERANCE) {
    issues.push({
      path: `${PATH}/validation/refused`,
      message: `the refusal shares add up to ${refusedTotal}, more than all submissions`,
      allowed: 'wrongType + tooBig + badField at most 1',
    });
  }
  const support = buildSupport(portal, context, issues);
  const replay = buildReplay(portal, issues);
  const expectedApplications = buildExpectedContacts(
    {
      perDay: portal.demand.applicationsPerDay,
      perDate: portal.demand.applicationsPerDate,
      intradayShape: portal.demand.intradayShape,
      scale: portal.demand.scale,
    },
    { perDay: 'applicationsPerDay', path: `${PATH}/demand`, contacts: 'applications' },
    calendar,
    issues,
  );
  const documents = cappedDocuments(
    buildCountDistribution(portal.documents as CountSpec, `${PATH}/documents`, issues),
  );
  const resubmitDelay = buildDistribution(
    portal.validation.resubmit.delay,
    `${PATH}/validation/resubmit/delay`,
    issues,
  );
  if (issues.length > before) return undefined;
  const maxDeadline = Math.max(...types.map((t) => t.deadlineDays));
  let cumulative = 0;
  return Object.freeze({
    expectedApplications,
    dailyCv: portal.demand.dailyCv ?? 0,
    types,
    typeCumulative: Float64Array.from(types, (t) => (cumulative += t.share)),
    documents,
    refused,
    resubmitProbability: portal.validation.resubmit.probability,
    resubmitDelay,
    maxAttempts: portal.validation.resubmit.maxAttempts ?? DEFAULT_MAX_ATTEMPTS,
    statusCheckRatePerS: portal.statusChecks.perDay / 86_400,
    support,
    maxDecisionDays: Math.max(...portal.applicationTypes.map((t) => largestDays(t.decisionDays))),
    workingDays: new WorkingDays(calendar.startDate, context.closedDates),
    targets: {
      variant: 'decidedOnTimeShare',
      // Each type has its own deadline; the threshold shown is the longest, in days.
      thresholdS: maxDeadline * 86_400,
      goal: portal.targets.decisionsOnTime.goal,
      maxAbandonRate: null,
      maxAsaS: null,
    },
    replay,
  });
}

const KB = 1024;
/** Scans at 300 dpi: 100 KB to 1 MB a page. */
const DEFAULT_DOCUMENT_KB = { min: 100, max: 1000 };

function buildReplay(portal: PortalChannelFile, issues: InputIssue[]): PortalModel['replay'] {
  const kb = portal.replay?.documentKB ?? DEFAULT_DOCUMENT_KB;
  if (kb.min > kb.max) {
    issues.push({
      path: `${PATH}/replay/documentKB/min`,
      message: `min (${kb.min}) is more than max (${kb.max})`,
      value: kb.min,
      allowed: `at most ${kb.max}`,
    });
  }
  return Object.freeze({
    pdfShare: portal.replay?.pdfShare ?? 0.5,
    documentBytes: Object.freeze({ min: Math.round(kb.min * KB), max: Math.round(kb.max * KB) }),
    badUploads: portal.replay?.badUploads ?? false,
  });
}

function buildType(
  type: PortalChannelFile['applicationTypes'][number],
  path: string,
  issues: InputIssue[],
): ApplicationTypeModel {
  const days = type.decisionDays;
  if (typeof days === 'object' && days.kind === 'uniform' && days.min > days.max) {
    issues.push({
      path: `${path}/decisionDays/min`,
      message: `min (${days.min}) is more than max (${days.max})`,
      value: days.min,
      allowed: `at most ${days.max}`,
    });
  }
  return Object.freeze({
    name: type.name,
    share: type.share,
    decisionDays: buildCountDistribution(countSpec(days), `${path}/decisionDays`, issues),
    deadlineDays: type.deadlineDays,
  });
}

/** A uniform day range is an empirical distribution over its whole numbers. */
function countSpec(days: DecisionDaysFile): CountSpec {
  if (typeof days === 'number' || days.kind === 'empirical') return days;
  const values: number[] = [];
  for (let d = days.min; d <= days.max; d++) values.push(d);
  return { kind: 'empirical', values: values.length > 0 ? values : [days.min] };
}

function largestDays(days: DecisionDaysFile): number {
  if (typeof days === 'number') return days;
  return days.kind === 'uniform' ? Math.max(days.min, days.max) : Math.max(...days.values);
}

function checkTypes(portal: PortalChannelFile, issues: InputIssue[]): void {
  const path = `${PATH}/applicationTypes`;
  const seen = new Set<string>();
  portal.applicationTypes.forEach((type, i) => {
    if (seen.has(type.name))
      issues.push({
        path: `${path}/${i}/name`,
        message: 'another application type has this name',
        value: type.name,
      });
    seen.add(type.name);
  });
  const total = portal.applicationTypes.reduce((sum, t) => sum + t.share, 0);
  if (Math.abs(total - 1) > 1e-6) {
    issues.push({
      path,
      message: `the shares add up to ${total}`,
      allowed: 'shares adding up to 1',
    });
  }
}

function buildSupport(
  portal: PortalChannelFile,
  context: ChannelBuildContext,
  issues: InputIssue[],
): PortalModel['support'] {
  const byCause = Object.fromEntries(SUPPORT_CAUSES.map((c) => [c, [] as SupportRuleModel[]])) as Record<
    SupportCause,
    SupportRuleModel[]
  >;
  (portal.support ?? []).forEach((rule, i) => {
    const path = `${PATH}/support/${i}`;
    if (!context.channels.includes(rule.channel)) {
      issues.push({
        path: `${path}/channel`,
        message: `the scenario has no ${rule.channel} channel to take these support contacts`,
        value: rule.channel,
        allowed:
          context.channels.filter((c) => c === 'phone' || c === 'chat').join(', ') ||
          'add channels.phone or channels.chat',
      });
    }
    byCause[rule.cause].push(
      Object.freeze({
        cause: rule.cause,
        channel: rule.channel,
        probability: rule.probability,
        delay: buildDistribution(rule.delay, `${path}/delay`, issues),
      }),
    );
  });
  for (const cause of SUPPORT_CAUSES) {
    const total = byCause[cause].reduce((sum, r) => sum + r.probability, 0);
    if (total > 1 + SHARE_TOLERANCE) {
      issues.push({
        path: `${PATH}/support`,
        message: `the probabilities of cause ${cause} add up to ${total}: one event leads to at most one contact`,
        allowed: `the probabilities of one cause at most 1 together`,
      });
    }
  }
  return Object.freeze(byCause);
}
