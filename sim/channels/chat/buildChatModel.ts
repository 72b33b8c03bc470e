import { buildExpectedContacts } from '../../../scenarios/buildExpectedContacts.js';
import { buildOpenIntervals } from '../../../scenarios/buildOpenIntervals.js';
import { tryParseDuration } from '../../../scenarios/duration.js';
import { buildDistribution } from '../../distributions/buildDistribution.js';
import { buildCountDistribution } from '../../distributions/CountDistribution.js';
import type { ChannelBuildContext } from '../ChannelPlugin.js';
import type { ChatModel } from './ChatModel.js';
import type { ChatChannelFile } from './chatSchema.js';

const PATH = '/channels/chat';

/** The chat channel's defaults and cross-field checks; undefined when an issue was found. */
export function buildChatModel(chat: ChatChannelFile, context: ChannelBuildContext): ChatModel | undefined {
  const { calendar, agentGroups: groups, issues } = context;
  const dist = (spec: Parameters<typeof buildDistribution>[0], path: string) =>
    buildDistribution(spec, `${PATH}/${path}`, issues);
  const messages = buildCountDistribution(chat.messages ?? 1, `${PATH}/messages`, issues);
  if (messages.mean > 1 && chat.thinkTime === undefined) {
    issues.push({
      path: `${PATH}/thinkTime`,
      message: 'sessions have more than one message, so the time residents take between messages is needed',
      allowed: 'a duration or a distribution, e.g. {"kind": "exponential", "mean": "2m"}',
    });
  }
  const maxChats = Math.max(1, ...groups.filter((g) => g.skills.includes('chat')).map((g) => g.slots));
  const factors = chat.concurrencyFactors ?? [1];
  if (chat.concurrencyFactors !== undefined && factors.length < maxChats) {
    issues.push({
      path: `${PATH}/concurrencyFactors`,
      message: `needs a factor for each level up to the largest maxChats of the chat groups (${maxChats}), has ${factors.length}`,
    });
  }
  const expanded = Float64Array.from(
    { length: maxChats },
    (_, j) => factors[Math.min(j, factors.length - 1)]!,
  );
  const { firstResponse } = chat.targets;
  return Object.freeze({
    expectedSessions: buildExpectedContacts(
      {
        perDay: chat.demand.sessionsPerDay,
        perDate: chat.demand.sessionsPerDate,
        intradayShape: chat.demand.intradayShape,
        scale: chat.demand.scale,
      },
      { perDay: 'sessionsPerDay', path: `${PATH}/demand`, contacts: 'sessions' },
      calendar,
      issues,
    ),
    open: buildOpenIntervals(chat.hours, `${PATH}/hours`, context.closedDates, calendar, issues),
    asynchronous: chat.asynchronous ?? false,
    dailyCv: chat.demand.dailyCv ?? 0,
    messages,
    thinkTime: chat.thinkTime === undefined ? null : dist(chat.thinkTime, 'thinkTime'),
    replyTime: dist(chat.replyTime, 'replyTime'),
    concurrencyFactors: expanded,
    patience: dist(chat.patience, 'patience'),
    replyPatience: chat.replyPatience === undefined ? null : dist(chat.replyPatience, 'replyPatience'),
    targets: {
      // slOffered on the first reply is the registry's firstResponseSlOffered, and so on.
      variant: `firstResponse${firstResponse.variant[0]!.toUpperCase()}${firstResponse.variant.slice(1)}`,
      thresholdS: tryParseDuration(firstResponse.threshold)!,
      goal: firstResponse.goal,
      maxAbandonRate: chat.targets.maxAbandonRate ?? null,
      maxAsaS: null,
    },
  });
}
