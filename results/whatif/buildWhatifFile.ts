import { tryParseDuration } from '../../scenarios/duration.js';
import type { WhatifGrid } from '../../sim/whatif/buildWhatifGrid.js';
import { pairedDifference } from '../compare/differenceCi.js';
import type { RecordedCell } from './WhatifCellRecorder.js';
import { WHATIF_FORMAT_VERSION, type WhatifFile } from './whatifFormat.js';

export interface WhatifRunInfo {
  id: string;
  file: string | undefined;
  scenarioName: string;
  seed: number | string;
  replications: number;
  days: number;
  window?: { day: number; from: string; to: string } | undefined;
  toolVersion: string;
  startedAt: Date;
  durationMs: number;
}

/**
 * whatif.json from the grid and its recorded cells, in grid order. The base cell is the one whose
 * every value equals the base scenario's; each cell's service level is then differenced with it
 * replication by replication (same seed, same streams: the pairing common random numbers allow).
 */
export function buildWhatifFile(
  grid: WhatifGrid,
  recorded: readonly RecordedCell[],
  info: WhatifRunInfo,
): WhatifFile {
  const same = (a: number | string, b: number | string | undefined) =>
    b !== undefined &&
    (typeof a === 'number' ? a === b : tryParseDuration(a) === tryParseDuration(String(b)));
  const baseIndex = grid.cells.findIndex((cell) => cell.values.every((v, a) => same(v, grid.axes[a]!.base)));
  const base = baseIndex < 0 ? undefined : recorded[baseIndex];
  const cells = recorded.map(({ record, slPerReplication }) => {
    if (!base) return record;
    const channels = Object.fromEntries(
      Object.entries(record.channels).map(([name, figures]) => [
        name,
        {
          ...figures,
          serviceLevelVsBase: pairedDifference(
            base.slPerReplication[name] ?? [],
            slPerReplication[name] ?? [],
          ),
        },
      ]),
    );
    return { ...record, channels };
  });
  return {
    formatVersion: WHATIF_FORMAT_VERSION,
    kind: 'whatif',
    id: info.id,
    scenario: { name: info.scenarioName, file: info.file ?? null },
    seed: info.seed,
    replications: info.replications,
    days: info.days,
    ...(info.window ? { window: info.window } : {}),
    toolVersion: info.toolVersion,
    startedAt: info.startedAt.toISOString(),
    durationMs: Math.round(info.durationMs),
    axes: grid.axes.map((axis) => ({
      path: axis.path,
      kind: axis.kind,
      values: [...axis.values],
      base: axis.base ?? null,
    })),
    baseCell: base ? base.record.id : null,
    cells,
  };
}
