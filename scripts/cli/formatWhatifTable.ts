import { formatDifference, formatValue } from '../../results/report/formatMetric.js';
import type { WhatifFile } from '../../results/whatif/whatifFormat.js';
import { formatTable } from './formatTable.js';

/** The cells as a table: axis values, agent-hours, each channel's service level (CI) and vs base. */
export function formatWhatifTable(whatif: WhatifFile): string {
  const channels = Object.keys(whatif.cells[0]?.channels ?? {});
  const header = [
    'cell',
    ...whatif.axes.map((a) => a.path),
    'agent-hours',
    ...channels.flatMap((c) => {
      const sl = whatif.cells[0]!.channels[c]!.serviceLevel;
      return [`${c} ${sl}`, '95% CI', ...(whatif.baseCell ? ['vs base (paired)'] : []), 'targets'];
    }),
  ];
  const rows = whatif.cells.map((cell) => [
    cell.id === whatif.baseCell ? `${cell.id}*` : cell.id,
    ...cell.values.map(String),
    formatValue(cell.agentHours, 'hours'),
    ...channels.flatMap((c) => {
      const f = cell.channels[c]!;
      const s = f.metrics[f.serviceLevel];
      const vs = f.serviceLevelVsBase;
      return [
        formatValue(s?.mean, 'share'),
        s?.ci95 ? `${formatValue(s.ci95[0], 'share')}-${formatValue(s.ci95[1], 'share')}` : 'n/a',
        ...(whatif.baseCell
          ? [
              `${formatDifference(vs?.value, 'share')}${vs?.ci95 ? ` [${formatDifference(vs.ci95[0], 'share')}, ${formatDifference(vs.ci95[1], 'share')}]` : ''}`,
            ]
          : []),
        f.verdict,
      ];
    }),
  ]);
  const note = whatif.baseCell
    ? `\n* base cell (the scenario's own values); vs base = paired difference, 95% CI`
    : '';
  return `${formatTable(header, rows)}${note}`;
}
