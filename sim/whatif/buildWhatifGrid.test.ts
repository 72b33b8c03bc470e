import { describe, expect, it } from 'vitest';
import { loadScenarioText } from '../../scenarios/loadScenario.js';
import { scenarioText } from '../testing/scenarioText.js';
import { buildWhatifGrid, MAX_WHATIF_CELLS } from './buildWhatifGrid.js';

const mmc = scenarioText('stationary-mmc');

describe('buildWhatifGrid', () => {
  it('gives every combination, last axis fastest, each a loaded variant', () => {
    const grid = buildWhatifGrid(mmc, 'mmc.json', [
      'channels.phone.demand.scale=0.5,1',
      'agents.groups.0.staffing.agents=10,12,14',
    ]);
    expect(grid.cells.map((c) => c.values)).toEqual([
      [0.5, 10],
      [0.5, 12],
      [0.5, 14],
      [1, 10],
      [1, 12],
      [1, 14],
    ]);
    expect(grid.cells.map((c) => c.id)).toEqual([
      'cell-001',
      'cell-002',
      'cell-003',
      'cell-004',
      'cell-005',
      'cell-006',
    ]);
    const cell = grid.cells[1]!;
    expect(cell.model.agentGroups[0]!.staffing.agents[0]).toBe(12);
    const base = loadScenarioText(mmc, undefined).channels.phone!.expectedCalls;
    expect(cell.model.channels.phone!.expectedCalls[0]).toBe(base[0]! * 0.5);
  });

  it('the variant with the base values loads the same model as the base file', () => {
    const grid = buildWhatifGrid(mmc, undefined, ['agents.groups.0.staffing.agents=14']);
    const base = loadScenarioText(mmc, undefined);
    const variant = grid.cells[0]!.model;
    expect(variant.channels.phone!.expectedCalls).toEqual(base.channels.phone!.expectedCalls);
    expect([...variant.agentGroups[0]!.staffing.agents]).toEqual([...base.agentGroups[0]!.staffing.agents]);
  });

  it('names the variant and the path when the loader refuses a value', () => {
    expect(() =>
      buildWhatifGrid(mmc, 'mmc.json', [
        'channels.phone.demand.scale=1,2',
        'agents.groups.0.staffing.agents=10,10.5',
      ]),
    ).toThrow(
      /staffing\/agents: variant 2 of 4 \(channels\.phone\.demand\.scale=1, agents\.groups\.0\.staffing\.agents=10\.5\): expected integer/,
    );
    expect(() => buildWhatifGrid(mmc, 'mmc.json', ['channels.phone.demand.scale=1,-1'])).toThrow(
      /variant 2 of 2 \(channels\.phone\.demand\.scale=-1\)/,
    );
  });

  it('refuses no axis, an axis twice and grids over the cap', () => {
    expect(() => buildWhatifGrid(mmc, undefined, [])).toThrow(/at least one --vary/);
    expect(() =>
      buildWhatifGrid(mmc, undefined, ['channels.phone.demand.scale=1', 'channels.phone.demand.scale=2']),
    ).toThrow(/varied twice/);
    const side = Math.ceil(Math.sqrt(MAX_WHATIF_CELLS + 1));
    expect(() =>
      buildWhatifGrid(mmc, undefined, [
        `channels.phone.demand.scale=1:${side}:1`,
        `agents.groups.0.staffing.agents=1:${side}:1`,
      ]),
    ).toThrow(new RegExp(`${side} x ${side} = ${side * side} cells, more than ${MAX_WHATIF_CELLS}`));
  });
});
