import { describe, expect, it } from 'vitest';
import {
  exitCodeProblem,
  hasStackTrace,
  httpProblem,
  missingNames,
  signalExitCode,
} from './checkContract.js';

describe('hasStackTrace', () => {
  it('finds V8 frames of every shape and Node internals', () => {
    const frames = [
      'Error: boom\n    at readRun (file:///repo/dist/hotline.js:120:7)',
      'TypeError: x\n    at async Promise.all (index 0)\n    at /repo/dist/hotline.js:5:1',
      'RangeError: Maximum call stack size exceeded\n    at file:///repo/dist/hotline.js:9:13',
      'Error\n    at Module._compile (node:internal/modules/cjs/loader:1364:14)',
      'node:internal/process/esm_loader:40',
    ];
    for (const text of frames) expect(hasStackTrace(text), text).toBe(true);
  });

  it('leaves messages alone that only look like prose with "at"', () => {
    const messages = [
      'error: scenario.json at /channels/phone/demand/callsPerDay: expected number (got -1)',
      'queue at 09:00: 12 calls waiting',
      '    at most 10000 replications',
      'error: --out: cannot write in /proc (ENOENT) (got "/proc/x/y")',
    ];
    for (const text of messages) expect(hasStackTrace(text), text).toBe(false);
  });
});

describe('exitCodeProblem', () => {
  it('keeps the allowed codes and refuses every other', () => {
    for (let code = 0; code < 256; code++) {
      const allowed = [0, 2];
      expect(exitCodeProblem(code, null, allowed) === undefined).toBe(allowed.includes(code));
    }
  });

  it('accepts death by the signal the case sent, not by another one', () => {
    expect(exitCodeProblem(null, 'SIGTERM', [0, 2], 'SIGTERM')).toBeUndefined();
    expect(exitCodeProblem(null, 'SIGKILL', [0, 2], 'SIGTERM')).toMatch(/SIGKILL/);
    expect(exitCodeProblem(null, 'SIGSEGV', [0, 2])).toMatch(/SIGSEGV/);
  });

  it('gives the shell convention 128 + signal number', () => {
    expect(signalExitCode('SIGINT')).toBe(128 + 2);
    expect(signalExitCode('SIGTERM')).toBe(128 + 15);
  });
});

describe('missingNames', () => {
  it('needs one word of each group, case-insensitively', () => {
    const message = 'error: a.json at /calendar/days: expected integer; allowed: 1 to 3660';
    expect(missingNames(message, [['A.JSON'], ['/calendar/days', '/calendar']])).toEqual([]);
    expect(missingNames(message, [['--seed']])).toEqual(['--seed']);
    expect(missingNames(message, [])).toEqual([]);
  });
});

describe('httpProblem', () => {
  const jsonError = '{"error":"bad_request","message":"x"}';
  it('wants a JSON error with a 4xx and refuses a 2xx for a bad request', () => {
    expect(httpProblem(400, jsonError, true)).toBeUndefined();
    expect(httpProblem(400, '<html>bad</html>', true)).toMatch(/without a JSON error/);
    expect(httpProblem(200, '{}', true)).toMatch(/bad request/);
    expect(httpProblem(200, '{}', false)).toBeUndefined();
  });

  it('refuses a 5xx unless the case documents it', () => {
    expect(httpProblem(500, jsonError, false)).toMatch(/5xx/);
    expect(httpProblem(503, jsonError, false, [503])).toBeUndefined();
  });
});
