import type { AnyChannelPlugin } from './ChannelPlugin.js';
import { type ChannelModels, presentChannels } from './index.js';

/** Each present channel's expected contacts over the whole horizon (first attempts; no retrials). */
export function expectedContactTotals(models: ChannelModels): { channel: AnyChannelPlugin; total: number }[] {
  return presentChannels(models).map((channel) => {
    const expected = channel.expectedContacts((models as Record<string, unknown>)[channel.name]);
    return { channel, total: expected.reduce((a: number, b: number) => a + b, 0) };
  });
}
