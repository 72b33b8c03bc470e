// The grid of `hotline whatif`: every combination of the axes' values, each a scenario text that the
// normal loader has accepted, so a bad variant fails before any simulation starts.
import { InputError } from '../../scenarios/inputError.js';
import { type LoadOptions, loadScenarioText } from '../../scenarios/loadScenario.js';
import { migrateScenario } from '../../scenarios/migrateScenario.js';
import type { ScenarioModel } from '../../scenarios/ScenarioModel.js';
import type { ScenarioSource } from '../replications/ScenarioSource.js';
import { findNumericField } from './findNumericField.js';
import { parseVaryValues, splitVary, type WhatifAxis } from './parseVary.js';

/**
 * Cells of one grid at most: 100 cells of 30 covid days take minutes on two cores already; a larger
 * grid is more likely a typo in a range than a plan (split it into several runs).
 */
export const MAX_WHATIF_CELLS = 400;
/** Axes at most: a table still reads with four; the heatmap shows two. */
export const MAX_WHATIF_AXES = 4;

export interface WhatifCell {
  /** Folder name and run id of the cell, in grid order: cell-001, cell-002, ... */
  readonly id: string;
  /** One value per axis, in axis order. */
  readonly values: readonly (number | string)[];
  /** The variant's file text (the base with the values set) and load options, as workers take it. */
  readonly source: ScenarioSource;
  readonly model: ScenarioModel;
}

export interface WhatifGrid {
  readonly axes: readonly WhatifAxis[];
  readonly cells: readonly WhatifCell[];
}

/**
 * Expands `--vary` flags over the base scenario text (first axis slowest) and loads every variant
 * through the loader; an InputError names the variant and the path when one is rejected.
 */
export function buildWhatifGrid(
  baseText: string,
  file: string | undefined,
  varies: readonly string[],
  options: LoadOptions = {},
): WhatifGrid {
  // Load the base first: its own problems are reported as they are for `hotline sim`.
  loadScenarioText(baseText, file, options);
  // Format 2 paths, whatever format the file is in (format 1 files are migrated on load anyway).
  const base = migrateScenario(JSON.parse(baseText)).value;
  if (varies.length === 0) {
    throw new InputError(undefined, [
      {
        path: '--vary',
        message: 'give at least one --vary <path>=<values>',
        allowed: 'e.g. --vary channels.phone.demand.scale=0.8,1,1.2',
      },
    ]);
  }
  if (varies.length > MAX_WHATIF_AXES) {
    throw new InputError(undefined, [
      { path: '--vary', message: `${varies.length} axes, more than ${MAX_WHATIF_AXES}` },
    ]);
  }
  const axes: WhatifAxis[] = [];
  for (const raw of varies) {
    const { path, values } = splitVary(raw);
    const field = findNumericField(base, path);
    if (axes.some((axis) => axis.path === field.path)) {
      throw new InputError(undefined, [{ path: '--vary', message: `${path} is varied twice` }]);
    }
    axes.push({ ...field, values: parseVaryValues(field, values, MAX_WHATIF_CELLS) });
  }
  const total = axes.reduce((n, axis) => n * axis.values.length, 1);
  if (total > MAX_WHATIF_CELLS) {
    throw new InputError(undefined, [
      {
        path: '--vary',
        message: `${axes.map((a) => a.values.length).join(' x ')} = ${total} cells, more than ${MAX_WHATIF_CELLS}`,
        allowed: `at most ${MAX_WHATIF_CELLS} cells in one whatif (split the grid into several runs)`,
      },
    ]);
  }
  const cells: WhatifCell[] = [];
  const width = String(total).length < 3 ? 3 : String(total).length;
  for (let index = 0; index < total; index++) {
    const values = valuesOf(axes, index);
    const variant = structuredClone(base) as Record<string, unknown>;
    axes.forEach((axis, a) => {
      setAt(variant, axis.segments, values[a]!);
    });
    const text = `${JSON.stringify(variant, null, 2)}\n`;
    const id = `cell-${String(index + 1).padStart(width, '0')}`;
    let model: ScenarioModel;
    try {
      model = loadScenarioText(text, file, options);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      const named = axes.map((axis, a) => `${axis.path}=${values[a]}`).join(', ');
      throw new InputError(
        file,
        error.issues.map((issue) => ({
          ...issue,
          message: `variant ${index + 1} of ${total} (${named}): ${issue.message}`,
        })),
      );
    }
    cells.push({ id, values, source: { text, ...(file ? { file } : {}), options }, model });
  }
  return { axes, cells };
}

/** The axis values of cell `index`, the last axis varying fastest. */
function valuesOf(axes: readonly WhatifAxis[], index: number): (number | string)[] {
  const values: (number | string)[] = new Array(axes.length);
  let rest = index;
  for (let a = axes.length - 1; a >= 0; a--) {
    const n = axes[a]!.values.length;
    values[a] = axes[a]!.values[rest % n]!;
    rest = Math.floor(rest / n);
  }
  return values;
}

function setAt(target: Record<string, unknown>, segments: readonly string[], value: number | string): void {
  let node: Record<string, unknown> = target;
  for (const key of segments.slice(0, -1)) node = node[key] as Record<string, unknown>;
  node[segments[segments.length - 1]!] = value;
}
