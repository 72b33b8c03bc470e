import { join } from 'node:path';
import type { Command } from 'commander';
import { renderWhatif } from '../../results/report/renderWhatif.js';
import { saveSimRun } from '../../results/saveSimRun.js';
import { buildWhatifFile } from '../../results/whatif/buildWhatifFile.js';
import { openWhatifFolder } from '../../results/whatif/openWhatifFolder.js';
import { type RecordedCell, recordWhatifCell } from '../../results/whatif/WhatifCellRecorder.js';
import { WHATIF_CELLS_DIR, WHATIF_FILE, WHATIF_PAGE } from '../../results/whatif/whatifFormat.js';
import { checkRunOutput, newRunId, RUNS_DIR_FLAG, runsDirectory } from '../../results/writeRunFolder.js';
import { readScenarioFile } from '../../scenarios/loadScenario.js';
import { defaultThreads } from '../../sim/replications/runReplications.js';
import { resolveRunWindow } from '../../sim/replications/runWindow.js';
import { buildWhatifGrid, MAX_WHATIF_AXES, MAX_WHATIF_CELLS } from '../../sim/whatif/buildWhatifGrid.js';
import { runWhatif } from '../../sim/whatif/runWhatif.js';
import { stopOnSignal } from '../stopOnSignal.js';
import { formatWhatifTable } from './formatWhatifTable.js';
import { seedValue, wholeNumber } from './optionParsers.js';
import { printNotices } from './printNotices.js';
import { progressReporter } from './progressReporter.js';
import { toolVersion } from './toolVersion.js';
import { windowFromFlags } from './windowFlags.js';

interface WhatifFlags {
  vary: string[];
  replications: number;
  seed: number | string;
  days?: number;
  day?: number;
  from?: string;
  to?: string;
  threads?: number;
  json?: boolean;
  out?: string;
  quiet?: boolean;
}

export function registerWhatifCommand(program: Command): void {
  program
    .command('whatif')
    .description(
      'Run a grid of variants of a scenario (any numeric field, e.g. demand and staffing scale), every cell with the same seed, so differences are paired (common random numbers).',
    )
    .argument('<scenario>', 'scenario file (JSON)')
    .option(
      '--vary <path=values>',
      'an axis: a numeric field as the file names it (dotted, list items by index) and its values, a,b,c or from:to:step; repeat for more axes',
      (raw: string, previous: string[] = []) => [...previous, raw],
    )
    .option('-r, --replications <n>', 'replications per cell', wholeNumber('--replications', 1, 10_000), 30)
    .option('-s, --seed <seed>', 'random seed, the same for every cell', seedValue, 1)
    .option(
      '-d, --days <n>',
      'simulate this many days instead of the calendar',
      wholeNumber('--days', 1, 366),
    )
    .option(
      '--day <d>',
      'measure over one day (1 = first), as hotline sim does',
      wholeNumber('--day', 1, 366),
    )
    .option('--from <HH:MM>', 'with --day: start of the window (default 00:00)')
    .option('--to <HH:MM>', 'with --day: end of the window (default 24:00)')
    .option(
      '-t, --threads <n>',
      `worker threads (default: ${defaultThreads()}, the cores here)`,
      wholeNumber('--threads', 1, 256),
    )
    .option('--json', 'print whatif.json on stdout and nothing else there')
    .option('-o, --out <dir>', 'write the whatif into this folder instead of results/runs/<id>/')
    .option('-q, --quiet', 'no progress on stderr')
    .addHelpText(
      'after',
      `
Examples:
  hotline whatif scenarios/covid-hotline.json --days 1 \\
    --vary channels.phone.demand.scale=0.8,1,1.2 --vary agents.groups.0.staffing.scale=0.9,1,1.1
  hotline whatif scenarios/stationary-mmc.json --vary agents.groups.0.staffing.agents=50:60:2
  hotline whatif scenarios/line-122.json -r 50 --vary channels.phone.talkTime.mean=150s,180s,210s --json

Paths name fields as the scenario file does (format 2), list items by index; a field the file
leaves out can be varied where the format has it (demand.scale and staffing.scale default to 1).
Values: a comma list, or from:to:step (both ends included); durations keep their unit (150s:210s:30s).
At most ${MAX_WHATIF_AXES} axes and ${MAX_WHATIF_CELLS} cells. Every variant is checked by the scenario loader
before anything runs.

Writes results/runs/<id>/ (or --out): whatif.json (axes, cells, headline figures with 95% CIs,
agent-hours as cost, service level vs the base cell paired by replication), whatif.html (table,
heatmap for two axes, cost against service level) and cells/<cell>/, each a run folder as
hotline sim writes it (hotline report / hotline compare work on it). The folder appears whole or
not at all. Exit codes: 0 written, 2 bad input, 130 / 143 stopped by SIGINT / SIGTERM.`,
    )
    .action(async (file: string, flags: WhatifFlags) => {
      checkRunOutput(flags.out);
      const text = readScenarioFile(file);
      const grid = buildWhatifGrid(text, file, flags.vary ?? [], {
        ...(flags.days === undefined ? {} : { days: flags.days }),
      });
      const first = grid.cells[0]!.model;
      printNotices(file, first);
      const windowSpec = windowFromFlags(flags);
      const window = windowSpec ? resolveRunWindow(first.calendar, windowSpec) : undefined;
      const startedAt = new Date();
      const started = performance.now();
      const id = flags.out
        ? (flags.out.split(/[\\/]/).filter(Boolean).pop() ?? 'whatif')
        : newRunId(`${first.name}-whatif`, flags.seed, startedAt, runsDirectory());
      const folder = openWhatifFolder(
        flags.out ?? join(runsDirectory(), id),
        flags.out ? '--out' : RUNS_DIR_FLAG,
      );
      const recorded: RecordedCell[] = new Array(grid.cells.length);
      const progress = progressReporter('replications', grid.cells.length * flags.replications, flags.quiet);
      try {
        await stopOnSignal('whatif stopped, worker threads ended; nothing written', (signal) =>
          runWhatif(
            grid,
            {
              replications: flags.replications,
              seed: flags.seed,
              ...(flags.threads === undefined ? {} : { threads: flags.threads }),
              ...(windowSpec ? { window: windowSpec } : {}),
              signal,
              onProgress: progress,
            },
            (cell, result) => {
              const relative = `${WHATIF_CELLS_DIR}/${cell.id}`;
              saveSimRun(result, toolVersion(), join(folder.temporary, WHATIF_CELLS_DIR, cell.id));
              // Cells may finish out of order (the pool hands out replications as threads free up);
              // whatif.json and the base cell's pairing read them in grid order.
              recorded[grid.cells.indexOf(cell)] = recordWhatifCell(cell, result, relative);
            },
          ),
        );
      } catch (error) {
        folder.discard();
        throw error;
      } finally {
        progress?.(-1, 0);
      }
      const whatif = buildWhatifFile(grid, recorded, {
        id,
        file,
        scenarioName: first.name,
        seed: flags.seed,
        replications: flags.replications,
        days: first.calendar.days,
        window: window ? { day: window.day, from: window.from, to: window.to } : undefined,
        toolVersion: toolVersion(),
        startedAt,
        durationMs: performance.now() - started,
      });
      const json = `${JSON.stringify(whatif, null, 2)}\n`;
      const written = folder.finish({ [WHATIF_FILE]: json, [WHATIF_PAGE]: renderWhatif(whatif) });
      if (flags.json) {
        process.stdout.write(json);
        process.stderr.write(`whatif written to ${written}\n`);
        return;
      }
      process.stdout.write(`${formatWhatifTable(whatif)}\n\n`);
      process.stdout.write(
        `whatif ${id}: ${whatif.cells.length} cells x ${whatif.replications} replications written to ${written} in ${(whatif.durationMs / 1000).toFixed(1)} s\n` +
          `page ${join(written, WHATIF_PAGE)}\n`,
      );
    });
}
