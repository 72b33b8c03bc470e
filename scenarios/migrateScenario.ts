import { SCENARIO_FORMAT_VERSION } from './scenarioSchema.js';

/** A parsed scenario in the current format, and what the loader says about how it got there. */
export interface MigratedScenario {
  readonly value: unknown;
  /** One line for the user when the file was in an older format; null otherwise. */
  readonly notice: string | null;
  /** Turns a path in the migrated value back into the path in the user's file. */
  readonly pathInFile: (path: string) => string;
}

const V1_STAFFING = '/channels/phone/staffing';
const V2_STAFFING = '/agents/groups/0/staffing';

/**
 * Format 1 kept the agents inside the phone channel (`channels.phone.staffing`). Format 2 has one
 * pool of agent groups at the top, shared by every channel. A format 1 file becomes one group,
 * "agents", with the phone skill and that staffing: the same model, so the same results.
 */
export function migrateScenario(parsed: unknown): MigratedScenario {
  const unchanged: MigratedScenario = { value: parsed, notice: null, pathInFile: (path) => path };
  if (!isObject(parsed) || 'agents' in parsed || !isObject(parsed.channels)) return unchanged;
  const phone = parsed.channels.phone;
  if (!isObject(phone) || !('staffing' in phone)) return unchanged;
  const { staffing, ...phoneWithoutStaffing } = phone;
  return {
    value: {
      ...parsed,
      formatVersion: SCENARIO_FORMAT_VERSION,
      agents: { groups: [{ name: 'agents', skills: ['phone'], staffing }] },
      channels: { ...parsed.channels, phone: phoneWithoutStaffing },
    },
    notice:
      'scenario format 1 read as format 2: its channels.phone.staffing is agent group "agents" with the phone skill (write it under agents.groups to silence this note)',
    pathInFile: (path) =>
      path.startsWith(V2_STAFFING) ? V1_STAFFING + path.slice(V2_STAFFING.length) : path,
  };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
