import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../scenarios/inputError.js';
import { resolveAdapter } from './callAdapter.js';
import { loadAdapter } from './loadAdapter.js';

const dir = mkdtempSync(join(tmpdir(), 'hotline-adapter-'));
const file = (name: string, text: string) => {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
};

function issuesOf(path: string): string {
  try {
    loadAdapter(path);
  } catch (error) {
    expect(error).toBeInstanceOf(InputError);
    return (error as Error).message;
  }
  throw new Error('expected an InputError');
}

describe('loadAdapter', () => {
  it('reads the example and fills every default', () => {
    const adapter = loadAdapter('scripts/k6/fixtures/adapter-example.json');
    expect(adapter).toMatchObject({
      callsPath: '/api/v2/queue/calls',
      healthPath: '/status',
      auth: { header: 'X-Api-Key', scheme: null },
      request: { callId: 'reference', class: 'skill', patienceS: null },
      response: { outcome: 'result.state', wait: 'result.queueMs', waitUnit: 'ms' },
      statusOutcomes: { '486': 'blocked' },
    });
    expect(adapter.response.outcomes).toMatchObject({ CONNECTED: 'answered', BUSY: 'blocked' });
    // Outcomes not renamed keep their own word.
    expect(adapter.response.outcomes.selfServed).toBe('selfServed');
  });

  it("an empty adapter is the mocks' contract", () => {
    expect(loadAdapter(file('empty.json', '{}'))).toEqual(resolveAdapter());
    expect(resolveAdapter()).toMatchObject({
      callsPath: '/v1/calls',
      auth: { header: 'Authorization', scheme: 'Bearer' },
      request: { callId: 'callId', class: 'class', patienceS: null },
      response: { outcome: 'outcome', wait: 'waitS', waitUnit: 's' },
    });
  });

  it('refuses bad files with the path, the value and what is allowed', () => {
    expect(issuesOf(join(dir, 'missing.json'))).toMatch(
      /cannot read the adapter file \(--adapter\) \(ENOENT\)/,
    );
    // Found by npm run probe: `--adapter ""` or `--adapter /` named neither the file nor the flag.
    expect(issuesOf('')).toMatch(/--adapter/);
    expect(issuesOf('/')).toMatch(/--adapter\) \(EISDIR\)/);
    expect(issuesOf(file('broken.json', '{"callsPath": '))).toMatch(/not valid JSON/);
    const typo = issuesOf(file('typo.json', '{"callPath": "/x"}'));
    expect(typo).toMatch(/callPath/);
    expect(typo).toMatch(/callsPath/);
    expect(issuesOf(file('relative.json', '{"callsPath": "v1/calls"}'))).toMatch(/\/callsPath/);
    expect(issuesOf(file('outcome.json', '{"statusOutcomes": {"486": "busy"}}'))).toMatch(
      /statusOutcomes\/486: unknown value \(got "busy"\); allowed: answered, abandoned, blocked, closed, selfServed/,
    );
    expect(issuesOf(file('unit.json', '{"response": {"waitUnit": "min"}}'))).toMatch(/response\/waitUnit/);
  });
});
