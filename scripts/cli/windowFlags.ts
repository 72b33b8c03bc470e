import type { WindowSpec } from '../../sim/replications/runWindow.js';

/** --day/--from/--to as the commands that measure a window take them. */
export interface WindowFlags {
  day?: number;
  from?: string;
  to?: string;
}

/** The window the flags name, or undefined for the whole horizon. */
export function windowFromFlags(flags: WindowFlags): WindowSpec | undefined {
  if (flags.day === undefined && flags.from === undefined && flags.to === undefined) return undefined;
  return { day: flags.day ?? 1, from: flags.from ?? '00:00', to: flags.to ?? '24:00' };
}
