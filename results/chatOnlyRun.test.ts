import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../scenarios/inputError.js';
import { loadScenarioText } from '../scenarios/loadScenario.js';
import { judgeTargets } from '../sim/metrics/judgeTargets.js';
import { channelMetrics, serviceLevelVariant } from '../sim/metrics/metricRegistry.js';
import { simulateScenario } from '../sim/simulateScenario.js';
import { scenarioText } from '../sim/testing/scenarioText.js';
import { compareRuns } from './compare/compareRuns.js';
import { renderCompare } from './compare/renderCompare.js';
import { loadRun } from './loadRun.js';
import { formatValue } from './report/formatMetric.js';
import { renderReport } from './report/renderReport.js';
import { saveSimRun } from './saveSimRun.js';

// A chat-only scenario (ecosystem's chat channel, no phone) through the whole pipeline:
// load -> simulate -> run folder -> report -> compare. The independent truth for its figures is
// the same chat channel beside a phone channel that gets no calls (the path the analytic and
// lockstep tests check): the phone process must change no chat draw and no chat outcome.
function chatOnlyText(dormantPhone = false): string {
  return scenarioText('ecosystem', (f) => {
    f.name = dormantPhone ? 'chat-beside-idle-phone' : 'chat-only';
    f.calendar.days = 1;
    for (const group of f.agents.groups) group.skills = group.skills.filter((s) => s !== 'phone');
    if (dormantPhone) {
      f.channels.phone.demand.callsPerDay = 0;
      f.agents.groups.push({
        name: 'phone-desk',
        skills: ['phone'],
        staffing: { kind: 'constant', agents: 1 },
      });
    } else {
      delete (f.channels as { phone?: unknown }).phone;
    }
  });
}

const simulate = (text: string, seed: number) =>
  simulateScenario({ text, file: 'chat-only.json', options: {} }, { replications: 4, seed, threads: 1 });

describe('a scenario with chat only', () => {
  it('simulates: its chat figures equal those of the same chat beside a phone channel without calls', async () => {
    const alone = await simulate(chatOnlyText(), 3);
    const beside = await simulate(chatOnlyText(true), 3);
    expect(Object.keys(alone.summary.channels)).toEqual(['chat']);
    expect(Object.keys(beside.summary.channels)).toEqual(['phone', 'chat']);
    expect(beside.summary.channels.phone!.run.offered!.mean).toBe(0);
    expect(alone.summary.channels.chat!.run.offered!.mean).toBeGreaterThan(1000);
    expect(alone.summary.channels.chat).toEqual(beside.summary.channels.chat);
  });

  it('writes a run folder keyed by chat alone, which report and compare read', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'hotline-chat-only-'));
    const a = loadRun(saveSimRun(await simulate(chatOnlyText(), 3), 'test', join(folder, 'a')).folder);
    const b = loadRun(saveSimRun(await simulate(chatOnlyText(), 4), 'test', join(folder, 'b')).folder);
    expect(Object.keys(a.summary.channels)).toEqual(['chat']);
    expect(Object.keys(a.summary.targets)).toEqual(['chat']);
    expect(a.summary.classes).toBeUndefined();
    expect(Object.keys(a.replications!.channels)).toEqual(['chat']);
    const header = readFileSync(join(folder, 'a', 'intervals.csv'), 'utf8')
      .split('\n')[0]!
      .split(',');
    expect(header.slice(0, 4)).toEqual(['interval', 'date', 'start', 'chat.offered']);
    expect(header.every((column, i) => i < 3 || column.startsWith('chat.'))).toBe(true);

    // The report's verdict is judgeTargets' on the chat figures; no phone table or chart.
    const html = renderReport(a);
    const targets = a.summary.targets.chat!;
    const { verdict } = judgeTargets('chat', targets, a.summary.channels.chat!);
    expect(html).toContain(`data-verdict="${verdict}"`);
    expect(html).toContain('<h2>Chat</h2>');
    expect(html).not.toContain('Service level (slOffered)');
    // Not laid out around phone: chat's section comes straight after the per-day heading and note.
    expect(html).toMatch(/<h2>Per day and whole run<\/h2>\n<p class="note">[^<]*<\/p>\n<h2>Chat<\/h2>/);

    // The compare page: its runs table shows chat's first-reply SL, and no phone overlays.
    const page = renderCompare([a, b], [compareRuns(a, b)], null);
    const first = a.summary.channels.chat![serviceLevelVariant('chat', targets.variant)]!.mean;
    expect(page).toContain(
      `${serviceLevelVariant('chat', targets.variant)} ${formatValue(first, 'share')}</td></tr>`,
    );
    expect(page).not.toContain('cmp-offered');

    // Compare: the chat rows only, its service level first.
    const rows = compareRuns(a, b).rows;
    const variant = serviceLevelVariant('chat', targets.variant);
    const compared = new Set([
      variant,
      ...channelMetrics('chat')
        .filter((spec) => spec.views.includes('compare'))
        .map((spec) => spec.name),
    ]);
    expect(rows.map((r) => r.channel)).toEqual(rows.map(() => 'chat'));
    expect(rows.map((r) => r.metric)).toEqual([...compared]);
    expect(rows[0]!.a.mean).toBe(a.summary.channels.chat![variant]!.mean);
  });

  it('a scenario with no channel at all is refused, naming /channels', () => {
    const none = scenarioText('ecosystem', (f) => {
      f.channels = {} as typeof f.channels;
    });
    expect(() => loadScenarioText(none, 'none.json')).toThrow(InputError);
    expect(() => loadScenarioText(none, 'none.json')).toThrow(
      /none\.json at \/channels: needs at least 1 of its fields .*allowed: phone, chat/s,
    );
  });
});
