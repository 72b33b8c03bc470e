// How the replay talks to a deployment whose API differs from the mocks' contract (paths, auth header,
// field names, outcome words): a small JSON file, `hotline load --adapter file.json`, checked in Node
// by loadAdapter.ts. This module is free of k6, Node and TypeBox imports: the k6 script applies it.
import type { AdapterFile } from './loadAdapter.js';

export type AdapterOutcome = 'answered' | 'abandoned' | 'blocked' | 'closed' | 'selfServed';

/** An adapter with every default filled in (what the k6 script reads from its config). */
export interface CallAdapter {
  callsPath: string;
  healthPath: string;
  auth: { header: string; scheme: string | null };
  headers: Record<string, string>;
  request: { callId: string | null; class: string | null; patienceS: string | null };
  response: {
    outcome: string;
    wait: string | null;
    waitUnit: 's' | 'ms';
    /** Server word -> outcome. */
    outcomes: Record<string, AdapterOutcome>;
  };
  statusOutcomes: Record<string, AdapterOutcome>;
}

/** The mocks' own contract (mocks/phone/callsRoute.ts). */
export function resolveAdapter(file: AdapterFile = {}): CallAdapter {
  const words: Record<string, AdapterOutcome> = {};
  for (const o of ['answered', 'abandoned', 'blocked', 'closed', 'selfServed'] as const) {
    for (const word of file.response?.outcomes?.[o] ?? [o]) words[word] = o;
  }
  const pick = <T>(value: T | undefined, fallback: T): T => (value === undefined ? fallback : value);
  return {
    callsPath: file.callsPath ?? '/v1/calls',
    healthPath: file.healthPath ?? '/health',
    auth: { header: file.auth?.header ?? 'Authorization', scheme: pick(file.auth?.scheme, 'Bearer') },
    headers: { ...(file.headers ?? {}) },
    request: {
      callId: pick(file.request?.callId, 'callId'),
      class: pick(file.request?.class, 'class'),
      patienceS: pick(file.request?.patienceS, null),
    },
    response: {
      outcome: file.response?.outcome ?? 'outcome',
      wait: pick(file.response?.wait, 'waitS'),
      waitUnit: file.response?.waitUnit ?? 's',
      outcomes: words,
    },
    statusOutcomes: { ...(file.statusOutcomes ?? {}) },
  };
}

/** A value at a dotted path of a parsed JSON body ("result.status"). */
export function valueAt(body: unknown, path: string): unknown {
  let value: unknown = body;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}
