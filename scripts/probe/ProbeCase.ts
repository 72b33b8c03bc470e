// One probe case: a command line run as a user runs it (the built CLI in a child process, in a
// sandbox folder of its own), or an HTTP request to `hotline mocks`, with the contract it must keep.
import type { Fixtures } from './prepareFixtures.js';

/** The categories the tally is printed by. */
export type ProbeCategory =
  | 'scenario'
  | 'flags'
  | 'out-paths'
  | 'run-folders'
  | 'http'
  | 'signals'
  | 'overload';

/** The sandbox one CLI case runs in: its own folder, runs folder (HOTLINE_RUNS_DIR) and TMPDIR. */
export interface CaseSandbox {
  /** The case's folder (the child's working directory). */
  dir: string;
  /** HOTLINE_RUNS_DIR; holds a non-run bystander folder (`src/`) from the start. */
  runs: string;
  /** TMPDIR of the child; must be empty when it has exited. */
  tmp: string;
  /** Scenario files, run folders and other inputs shared by all cases (read-only). */
  fixtures: Fixtures;
}

export interface CliCase {
  kind: 'cli';
  category: ProbeCategory;
  name: string;
  /** Arguments after `node dist/hotline.js`. */
  args: (box: CaseSandbox) => string[];
  /** Prepares the sandbox (files the case reads, hazards for --out) before the snapshot. */
  setup?: (box: CaseSandbox) => void;
  /** Exit codes that keep the contract; default 0 and 2. */
  allowedCodes?: readonly number[];
  /**
   * For exit 2: groups of words the message must contain, one of each group (the file, the flag,
   * the field). Empty: any exit-2 message.
   */
  names?: readonly (readonly string[])[];
  /** Sandbox paths (relative, `/`-separated prefixes) the command may change or delete. */
  mayChange?: readonly string[];
  /** Wall-clock limit; past it the case is a hang. Default 60 s. */
  timeoutMs?: number;
  /** Extra environment (e.g. K6_BIN for load). */
  env?: Record<string, string>;
  /** A server command (`hotline mocks`): serving /health after start is success; it is then stopped. */
  serves?: boolean;
  /** Extra checks after the run (e.g. k6 processes gone); each returns problems. */
  after?: (box: CaseSandbox, outcome: CliOutcome) => string[];
  /** A signal to send, and when (ms after start, or once the child printed a line matching `when`). */
  signal?: { name: 'SIGINT' | 'SIGTERM'; afterMs: number; toGroup: boolean; when?: RegExp };
}

export interface CliOutcome {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  timedOut: boolean;
  /** Processes seen in the child's process group while it ran (pid -> command line). */
  seenProcesses: Map<number, string>;
}

/** One HTTP request against the mocks; the verdict comes from the status and the body. */
export interface HttpCase {
  kind: 'http';
  category: ProbeCategory;
  name: string;
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  /** A request the mocks must refuse: a 2xx breaks the contract. */
  bad: boolean;
  /** Statuses that keep the contract (besides the rule: 4xx with a JSON error, no 5xx). */
  allowedStatuses?: readonly number[];
  /** Which mocks server to send to (they differ in options). */
  server: MocksServerName;
  timeoutMs?: number;
}

export type MocksServerName = 'all' | 'faults';

export type ProbeCaseSpec = CliCase | HttpCase;

export interface CaseResult {
  category: ProbeCategory;
  name: string;
  /** How to rerun it by hand. */
  commandLine: string;
  problems: string[];
  cpuMs?: number;
}
