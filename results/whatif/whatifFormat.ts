// whatif.json: what `hotline whatif` ran and what each cell gave. The cells' own figures live in
// their run folders (cells/<id>/, the format of `hotline sim`); this file is the grid's index.

import type { MetricSummary } from '../../sim/replications/summarizeReplications.js';
import type { Difference } from '../compare/differenceCi.js';

export const WHATIF_FORMAT_VERSION = 1;
export const WHATIF_FILE = 'whatif.json';
export const WHATIF_PAGE = 'whatif.html';
export const WHATIF_CELLS_DIR = 'cells';

export interface WhatifAxisRecord {
  path: string;
  kind: 'number' | 'duration';
  values: (number | string)[];
  /** The base scenario's value (its default where the file leaves the field out), if known. */
  base: number | string | null;
}

export interface WhatifChannelFigures {
  /** The metric the channel's service-level goal applies to, e.g. slOffered. */
  serviceLevel: string;
  goal: number;
  verdict: 'met' | 'missed' | 'n/a';
  /** Headline metrics (the targets' metrics, offered, occupancy): mean, 95% CI, n. */
  metrics: Record<string, MetricSummary>;
  /** Service level minus the base cell's, paired replication by replication (common random numbers). */
  serviceLevelVsBase?: Difference;
}

export interface WhatifCellRecord {
  id: string;
  /** The cell's run folder, relative to the whatif folder. */
  folder: string;
  /** One value per axis, in axis order. */
  values: (number | string)[];
  /** Agent-hours scheduled over what the runs measure (window, else horizon), all groups: the cost. */
  agentHours: number;
  channels: Record<string, WhatifChannelFigures>;
}

export interface WhatifFile {
  formatVersion: typeof WHATIF_FORMAT_VERSION;
  kind: 'whatif';
  id: string;
  scenario: { name: string; file: string | null };
  seed: number | string;
  replications: number;
  days: number;
  window?: { day: number; from: string; to: string };
  toolVersion: string;
  startedAt: string;
  durationMs: number;
  axes: WhatifAxisRecord[];
  /** The cell whose values are the base scenario's (null when no cell is), for paired differences. */
  baseCell: string | null;
  cells: WhatifCellRecord[];
}
