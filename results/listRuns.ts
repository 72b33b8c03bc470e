import { existsSync, lstatSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { channelEntries, channelPlugin } from '../sim/channels/index.js';
import { type LoadedRun, loadRun } from './loadRun.js';
import { metricOf, slVariant } from './runMetrics.js';
import { WHATIF_FILE, type WhatifFile } from './whatif/whatifFormat.js';
import { runsDirectory } from './writeRunFolder.js';

/** One line of `hotline runs`: the key figures of a run, or why it could not be read. */
export interface RunListing {
  id: string;
  folder: string;
  kind: string | null;
  scenario: string | null;
  startedAt: string | null;
  replications: number | null;
  slVariant: string | null;
  sl: number | null;
  abandonRate: number | null;
  /** The channel's mean wait (its plug-in's meanWaitMetric: ASA for phone, mean first reply for chat). */
  asaS: number | null;
  /** Set when the folder is not a readable run (the listing still shows it, so it can be pruned). */
  problem: string | null;
}

/** Every run folder under results/runs (HOTLINE_RUNS_DIR), newest first. */
export function listRuns(runsDir = runsDirectory()): RunListing[] {
  let names: string[];
  try {
    names = readdirSync(runsDir);
  } catch {
    return []; // no runs directory yet: no runs
  }
  return names
    .filter((name) => !name.startsWith('.') && isFolderOrLink(join(runsDir, name)))
    .map((name) => listing(runsDir, name))
    .sort((a, b) => (b.startedAt ?? '').localeCompare(a.startedAt ?? '') || b.id.localeCompare(a.id));
}

/** Folders, and symbolic links (a dangling one is listed as unreadable rather than failing the list). */
function isFolderOrLink(path: string): boolean {
  try {
    const entry = lstatSync(path);
    return entry.isDirectory() || entry.isSymbolicLink();
  } catch {
    return false;
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function listing(runsDir: string, name: string): RunListing {
  const folder = join(runsDir, name);
  let run: LoadedRun;
  try {
    if (!isFolder(folder)) throw new Error('a symbolic link that does not lead to a folder');
    // A `hotline whatif` grid: its cells are runs inside it (cells/<id>/), listed as one line.
    const whatif = readWhatifListing(folder);
    if (whatif) return { ...whatif, id: name };
    run = loadRun(folder);
  } catch (error) {
    const problem = (error as Error).message.split('\n')[0] ?? 'unreadable';
    return {
      id: name,
      folder,
      kind: null,
      scenario: null,
      startedAt: null,
      replications: null,
      slVariant: null,
      sl: null,
      abandonRate: null,
      asaS: null,
      problem,
    };
  }
  // The run's first channel in the channel list stands for it in the one-line listing.
  const [channel, figures] = channelEntries(run.summary.channels)[0] ?? ['phone', undefined];
  const sl = slVariant(run, channel);
  return {
    id: name,
    folder,
    kind: run.info.kind,
    scenario: run.info.scenario.name,
    startedAt: run.info.startedAt,
    replications: run.info.replications,
    slVariant: sl,
    sl: metricOf(figures, sl).mean,
    abandonRate: metricOf(figures, 'abandonRate').mean,
    asaS: metricOf(figures, channelPlugin(channel).meanWaitMetric).mean,
    problem: null,
  };
}

/** A whatif folder as a listing (kind whatif, its scenario, date and replications a cell), or undefined. */
function readWhatifListing(folder: string): RunListing | undefined {
  const file = join(folder, WHATIF_FILE);
  if (!existsSync(file)) return undefined;
  const whatif = JSON.parse(readFileSync(file, 'utf8')) as Partial<WhatifFile>;
  if (whatif.kind !== 'whatif') throw new Error(`${file} is not a whatif file`);
  return {
    id: whatif.id ?? '',
    folder,
    kind: 'whatif',
    scenario: whatif.scenario?.name ?? null,
    startedAt: whatif.startedAt ?? null,
    replications: whatif.replications ?? null,
    slVariant: null,
    sl: null,
    abandonRate: null,
    asaS: null,
    problem: null,
  };
}
