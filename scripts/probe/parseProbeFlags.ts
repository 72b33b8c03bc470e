// The probe's own flags: --only <category,...>, --match <regex>, --every <n> (a sample: every n-th case), --parallel <n>,
// --keep (leave the sandboxes for a look).
import type { ProbeCategory } from './ProbeCase.js';

export interface ProbeFlags {
  only: ProbeCategory[];
  /** Only cases whose name matches (to rerun the broken ones). */
  match: RegExp | undefined;
  every: number;
  parallel: number;
  keep: boolean;
  help: boolean;
}

export const PROBE_CATEGORIES: readonly ProbeCategory[] = [
  'scenario',
  'flags',
  'out-paths',
  'run-folders',
  'http',
  'signals',
  'overload',
];
const PROBE_CATEGORIES_TEXT = PROBE_CATEGORIES.join(', ');

export const PROBE_USAGE = `usage: npm run probe [-- flags]

The QA probe of issue 10: about 2,200 bad inputs, flags, output paths, corrupted run folders, HTTP
requests to the mocks (127.0.0.1 only), signals and overloads, each run as a user would, each with
its own timeout and sandbox. Contract per case: exit 0 or 2 (99 for load thresholds, 130/143 after
a signal), no stack trace, exit-2 messages name the flag or field, nothing outside the command's own
output changed, no child (k6 included) left running. Exits 1 if any case breaks it.

  --only <list>     categories, comma-separated: ${PROBE_CATEGORIES_TEXT}
  --match <regex>   only the cases whose name matches (to rerun the broken ones)
  --every <n>       a sample: every n-th case
  --parallel <n>    cases at once (default 2)
  --keep            leave the sandboxes for a look
  -h, --help        this text

Example: npm run probe -- --only http,overload`;

export function parseProbeFlags(argv: readonly string[]): ProbeFlags {
  const flags: ProbeFlags = { only: [], match: undefined, every: 1, parallel: 2, keep: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i]!;
    if (flag === '--keep') flags.keep = true;
    else if (flag === '--help' || flag === '-h') flags.help = true;
    else if (flag === '--only') flags.only = categories(argv[++i]);
    else if (flag === '--match') flags.match = pattern(argv[++i]);
    else if (flag === '--every') flags.every = count(flag, argv[++i]);
    else if (flag === '--parallel') flags.parallel = count(flag, argv[++i]);
    else
      throw new Error(
        `unknown flag ${flag}; allowed: --only <${PROBE_CATEGORIES.join(',')}>, --match <regex>, --every <n>, --parallel <n>, --keep, --help`,
      );
  }
  return flags;
}

function categories(value: string | undefined): ProbeCategory[] {
  const names = (value ?? '').split(',').filter(Boolean);
  const bad = names.filter((n) => !PROBE_CATEGORIES.includes(n as ProbeCategory));
  if (names.length === 0 || bad.length > 0) {
    throw new Error(
      `--only: got "${value ?? ''}"; allowed: ${PROBE_CATEGORIES.join(', ')} (comma-separated)`,
    );
  }
  return names as ProbeCategory[];
}

function pattern(value: string | undefined): RegExp {
  try {
    return new RegExp(value ?? '');
  } catch {
    throw new Error(`--match: got "${value ?? ''}"; allowed: a regular expression over case names`);
  }
}

function count(flag: string, value: string | undefined): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 1000)
    throw new Error(`${flag}: got "${value ?? ''}"; allowed: a whole number 1 to 1000`);
  return n;
}
