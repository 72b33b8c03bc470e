import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AnyChannelPlugin } from '../sim/channels/ChannelPlugin.js';
import { CHANNELS, type ChannelModels } from '../sim/channels/index.js';
import { buildAgentGroups } from './buildAgentGroups.js';
import { buildCalendar } from './buildCalendar.js';
import { channelClosedDates } from './channelClosedDates.js';
import { InputError, type InputIssue } from './inputError.js';
import { migrateScenario } from './migrateScenario.js';
import type { ScenarioModel } from './ScenarioModel.js';
import type { ScenarioFile } from './scenarioSchema.js';
import { validateScenario } from './validateScenario.js';

export interface LoadOptions {
  /** Simulate this many days instead of calendar.days. */
  days?: number;
}

/** Reads and loads a scenario file; any problem is an InputError naming the file. */
export function loadScenarioFile(file: string, options: LoadOptions = {}): ScenarioModel {
  return loadScenarioText(readScenarioFile(file), file, options);
}

/** The text of a scenario file, or an InputError saying why it cannot be read. */
export function readScenarioFile(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new InputError(
      file,
      code === 'ENOENT' ? 'file not found' : `cannot read the file (${code ?? 'error'})`,
    );
  }
}

/** Ciw's four steps: parse -> (schema) -> fill defaults and cross-field checks -> frozen model. */
export function loadScenarioText(
  text: string,
  file: string | undefined,
  options: LoadOptions = {},
): ScenarioModel {
  const migrated = migrateScenario(parseJson(text, file));
  const inFile = (found: InputIssue[]) => found.map((i) => ({ ...i, path: migrated.pathInFile(i.path) }));
  const schemaIssues = validateScenario(migrated.value);
  if (schemaIssues.length > 0) throw new InputError(file, inFile(schemaIssues));
  const scenario = migrated.value as ScenarioFile;
  const issues: InputIssue[] = [];
  if (
    options.days !== undefined &&
    (!Number.isInteger(options.days) || options.days < 1 || options.days > 366)
  ) {
    throw new InputError(undefined, [
      {
        path: '--days',
        message: 'expected a whole number of days',
        value: options.days,
        allowed: '1 to 366',
      },
    ]);
  }
  const calendar = buildCalendar(scenario, options.days, issues);
  const agentGroups = issues.length === 0 ? buildAgentGroups(scenario, calendar, issues) : [];
  const channels: Record<string, unknown> = {};
  if (issues.length === 0) {
    const context = { calendar, agentGroups, channels: Object.keys(scenario.channels), issues };
    for (const channel of CHANNELS as readonly AnyChannelPlugin[]) {
      const fragment = (scenario.channels as Record<string, unknown>)[channel.name];
      if (fragment === undefined) continue;
      const closedDates = channelClosedDates(scenario, channel.name, fragment, issues);
      channels[channel.name] = channel.buildModel(fragment, { ...context, closedDates });
    }
  }
  if (issues.length > 0) throw new InputError(file, inFile(issues));
  return Object.freeze({
    name: scenario.name,
    description: scenario.description,
    source: Object.freeze([...scenario.source]),
    contentHash: createHash('sha256').update(text).digest('hex'),
    calendar,
    agentGroups,
    channels: Object.freeze(channels) as ChannelModels,
    notices: Object.freeze(migrated.notice === null ? [] : [migrated.notice]),
  });
}

export function parseJson(text: string, file: string | undefined): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    const message = (error as Error).message;
    const position = /position (\d+)/.exec(message);
    let where = '';
    if (position) {
      const before = text.slice(0, Number(position[1]));
      const line = before.split('\n').length;
      const column = before.length - before.lastIndexOf('\n');
      where = ` at line ${line}, column ${column}`;
    }
    throw new InputError(file, `not valid JSON${where}: ${message.replace(/^JSON\.parse: /, '')}`);
  }
}
