// whatif.html: the grid of `hotline whatif` on one page: a table of every cell, a heatmap of the
// service level when the grid has two axes, and cost (agent-hours) against service level.
import { metricSpec } from '../../sim/metrics/metricRegistry.js';
import type { WhatifCellRecord, WhatifFile } from '../whatif/whatifFormat.js';
import { type ChartSeries, type ChartSpec, PALETTE } from './chartSpec.js';
import { escapeHtml } from './escapeHtml.js';
import { formatDifference, formatValue } from './formatMetric.js';
import { chartSlot, htmlPage } from './htmlPage.js';
import { formatDurationMs } from './runHeader.js';

export function renderWhatif(whatif: WhatifFile): string {
  const channels = channelsOf(whatif);
  const charts = channels.map((channel) => costChart(whatif, channel));
  const body = [
    header(whatif),
    ...(whatif.axes.length === 2 ? channels.map((channel) => heatmap(whatif, channel)) : []),
    ...charts.map(chartSlot),
    cellTable(whatif, channels),
  ].join('\n');
  return htmlPage({ title: `whatif ${whatif.scenario.name}`, body, charts });
}

function channelsOf(whatif: WhatifFile): string[] {
  return Object.keys(whatif.cells[0]?.channels ?? {});
}

function header(whatif: WhatifFile): string {
  const fact = (label: string, value: string) => `<b>${escapeHtml(label)}</b> ${escapeHtml(value)}`;
  const span = whatif.window
    ? `day ${whatif.window.day} ${whatif.window.from}-${whatif.window.to}`
    : `${whatif.days} day(s)`;
  const axes = whatif.axes
    .map(
      (axis) =>
        `<li><code>${escapeHtml(axis.path)}</code> = ${escapeHtml(axis.values.join(', '))}${axis.base === null ? '' : ` <span class="note">(base ${escapeHtml(String(axis.base))})</span>`}</li>`,
    )
    .join('');
  const base = whatif.baseCell
    ? `Differences "vs base" are paired with cell ${escapeHtml(whatif.baseCell)} (the base scenario's values), replication by replication: every cell runs with the same seed, so replication r of every cell draws from the same random streams (common random numbers).`
    : "No cell has all of the base scenario's values, so no paired differences are shown.";
  return [
    `<h1>${escapeHtml(whatif.scenario.name)} <span class="note">whatif ${escapeHtml(whatif.id)}</span></h1>`,
    `<p class="meta">${[
      fact('cells', String(whatif.cells.length)),
      fact('seed', String(whatif.seed)),
      fact('replications', String(whatif.replications)),
      fact('span', span),
      fact('duration', formatDurationMs(whatif.durationMs)),
      fact('scenario file', whatif.scenario.file ?? 'n/a'),
    ].join(' · ')}</p>`,
    `<ul>${axes}</ul>`,
    `<p class="note">${base} Each cell is a run folder (cells/&lt;id&gt;/): open it with <code>hotline report</code>, compare two with <code>hotline compare</code>.</p>`,
  ].join('\n');
}

/** SL per cell, rows the first axis, columns the second; colour by distance to the goal. */
function heatmap(whatif: WhatifFile, channel: string): string {
  const [rows, columns] = whatif.axes as [WhatifFile['axes'][0], WhatifFile['axes'][0]];
  const first = whatif.cells.find((c) => c.channels[channel])?.channels[channel];
  if (!first) return '';
  const metric = first.serviceLevel;
  const label = metricSpec(channel, metric).label;
  const head = `<tr><th class="text">${escapeHtml(rows.path)} \\ ${escapeHtml(columns.path)}</th>${columns.values
    .map((v) => `<th>${escapeHtml(String(v))}</th>`)
    .join('')}</tr>`;
  const body = rows.values
    .map((rowValue, r) => {
      const tds = columns.values.map((_, c) => {
        const cell = whatif.cells[r * columns.values.length + c]!;
        const figures = cell.channels[channel];
        const value = figures?.metrics[metric]?.mean ?? null;
        const goal = figures?.goal ?? first.goal;
        const ci = figures?.metrics[metric]?.ci95;
        const title = `${cell.id}: ${formatValue(value, 'share')}${ci ? ` (95% CI ${formatValue(ci[0], 'share')} to ${formatValue(ci[1], 'share')})` : ''}, goal ${formatValue(goal, 'share')}, ${formatValue(cell.agentHours, 'hours')} agent-hours`;
        return `<td data-cell="${escapeHtml(cell.id)}" title="${escapeHtml(title)}" style="background:${goalColour(value, goal)};text-align:center;min-width:64px">${escapeHtml(formatValue(value, 'share'))}</td>`;
      });
      return `<tr><th class="text">${escapeHtml(String(rowValue))}</th>${tds.join('')}</tr>`;
    })
    .join('\n');
  return [
    `<h2>${escapeHtml(channel)}: ${escapeHtml(label)} per cell</h2>`,
    `<p class="note">Green: at or above the goal of ${escapeHtml(formatValue(first.goal, 'share'))} (darker the further above); red: below it (darker the further below); grey: no figure. Hover a cell for its CI and cost.</p>`,
    `<div class="scroll"><table class="heatmap" data-heatmap="${escapeHtml(channel)}">${head}\n${body}</table></div>`,
  ].join('\n');
}

/** Distance to the goal as colour: 20 percentage points away is full strength. */
export function goalColour(value: number | null, goal: number): string {
  if (value === null) return '#eaeef2';
  const strength = Math.min(1, Math.abs(value - goal) / 0.2);
  // Mix white with green (#1a7f37) or red (#cf222e); a light tint right at the goal stays readable.
  const [r, g, b] = value >= goal ? [26, 127, 55] : [207, 34, 46];
  const mix = (c: number) => Math.round(255 + (c - 255) * (0.15 + 0.6 * strength));
  return `rgb(${mix(r)},${mix(g)},${mix(b)})`;
}

/**
 * Cost against service level: one point per cell, x its agent-hours. Cells that differ only in
 * axes that leave the cost unchanged (demand, handle time) form one series each, so a planner reads
 * "for this demand, this many agent-hours buy this SL".
 */
function costChart(whatif: WhatifFile, channel: string): ChartSpec {
  const costAxes = whatif.axes.map((_, a) => a).filter((a) => changesCost(whatif, a));
  const groupAxes = whatif.axes.map((_, a) => a).filter((a) => !costAxes.includes(a));
  const groups = new Map<string, WhatifCellRecord[]>();
  for (const cell of whatif.cells) {
    const key = groupAxes.map((a) => `${whatif.axes[a]!.path}=${cell.values[a]}`).join(', ') || 'all cells';
    groups.set(key, [...(groups.get(key) ?? []), cell]);
  }
  const x = [...new Set(whatif.cells.map((c) => round(c.agentHours)))].sort((a, b) => a - b);
  const metric = whatif.cells[0]!.channels[channel]!.serviceLevel;
  const goal = whatif.cells[0]!.channels[channel]!.goal;
  const series: ChartSeries[] = [...groups.entries()].slice(0, 24).map(([label, cells], k) => {
    const values: (number | null)[] = x.map(() => null);
    for (const cell of cells) {
      values[x.indexOf(round(cell.agentHours))] = cell.channels[channel]?.metrics[metric]?.mean ?? null;
    }
    // Lines with markers: within a series the cells differ only in cost, so the line is the
    // cost-SL curve at that demand; where a series has no cell at some x the line breaks (marker kept).
    return { label, axis: 0, values, color: PALETTE[k % PALETTE.length]! };
  });
  series.push({
    label: `goal ${formatValue(goal, 'share')}`,
    axis: 0,
    values: x.map(() => goal),
    color: '#57606a',
    dash: true,
  });
  return {
    id: `whatif-cost-${channel}`,
    title: `${channel}: agent-hours against ${metricSpec(channel, metric).label}`,
    note: `One point per cell: x the agent-hours scheduled (all groups, ${whatif.window ? 'over the window' : 'over the simulated days'}), y the mean ${metric} over ${whatif.replications} replications.${groupAxes.length > 0 && costAxes.length > 0 ? ' One colour per value of the axes that leave the cost unchanged.' : ''}`,
    xKind: 'number',
    xLabel: 'agent-hours',
    x,
    axes: [{ label: metricSpec(channel, metric).label, unit: 'share', side: 'left' }],
    series,
  };
}

/** An axis changes the cost when two cells that differ only in it have different agent-hours. */
function changesCost(whatif: WhatifFile, axis: number): boolean {
  const byOthers = new Map<string, number>();
  for (const cell of whatif.cells) {
    const key = cell.values.filter((_, a) => a !== axis).join('|');
    const seen = byOthers.get(key);
    if (seen === undefined) byOthers.set(key, cell.agentHours);
    else if (Math.abs(seen - cell.agentHours) > 1e-9) return true;
  }
  return false;
}

function round(value: number): number {
  return Number(value.toPrecision(10));
}

function cellTable(whatif: WhatifFile, channels: string[]): string {
  const metricsOf = (channel: string) => Object.keys(whatif.cells[0]!.channels[channel]!.metrics);
  const head = [
    '<th class="text">cell</th>',
    ...whatif.axes.map((a) => `<th>${escapeHtml(a.path)}</th>`),
    '<th>agent-hours</th>',
    ...channels.flatMap((channel) => [
      ...metricsOf(channel).map(
        (m) => `<th>${escapeHtml(`${channel} ${metricSpec(channel, m).label}`)}</th>`,
      ),
      ...(whatif.baseCell ? [`<th>${escapeHtml(`${channel} SL vs base (paired)`)}</th>`] : []),
      `<th>${escapeHtml(channel)} targets</th>`,
    ]),
  ].join('');
  const rows = whatif.cells.map((cell) => {
    const tds = [
      `<td class="text">${escapeHtml(cell.id)}${cell.id === whatif.baseCell ? ' <span class="note">(base)</span>' : ''}</td>`,
      ...cell.values.map((v) => `<td>${escapeHtml(String(v))}</td>`),
      `<td>${escapeHtml(formatValue(cell.agentHours, 'hours'))}</td>`,
      ...channels.flatMap((channel) => {
        const figures = cell.channels[channel]!;
        const metricCells = metricsOf(channel).map((m) => {
          const unit = metricSpec(channel, m).unit;
          const s = figures.metrics[m];
          const ci = s?.ci95
            ? `<span class="ci">±${escapeHtml(formatValue((s.ci95[1] - s.ci95[0]) / 2, unit))}</span>`
            : '';
          return `<td>${escapeHtml(formatValue(s?.mean, unit))}${ci}</td>`;
        });
        const vs = figures.serviceLevelVsBase;
        const vsCell = whatif.baseCell
          ? [
              `<td>${escapeHtml(formatDifference(vs?.value, 'share'))}${vs?.ci95 ? `<span class="ci">[${escapeHtml(formatDifference(vs.ci95[0], 'share'))}, ${escapeHtml(formatDifference(vs.ci95[1], 'share'))}]</span>` : ''}</td>`,
            ]
          : [];
        const verdict = `<td class="${figures.verdict === 'met' ? 'pass' : figures.verdict === 'missed' ? 'fail' : ''}">${escapeHtml(figures.verdict)}</td>`;
        return [...metricCells, ...vsCell, verdict];
      }),
    ];
    return `<tr>${tds.join('')}</tr>`;
  });
  return [
    '<h2>Cells</h2>',
    '<p class="note">Mean over replications ± half the 95% CI. "vs base": the cell\'s service level minus the base cell\'s, paired by replication, with its 95% CI.</p>',
    `<div class="scroll"><table data-cells>\n<tr>${head}</tr>\n${rows.join('\n')}\n</table></div>`,
  ].join('\n');
}
