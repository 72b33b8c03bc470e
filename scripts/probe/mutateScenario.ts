// Systematic damage to a scenario: every field (leaf or object) taken out, given the wrong type, a
// negative, zero, a NaN-like string, numbers beyond a double (1e400, 1e-400), integers past 2^31 and
// 2^53, a key with a typo, a value nested 10,000 levels deep. Raw JSON that JSON.stringify cannot
// produce (1e400) goes through a placeholder replaced in the text.

export type JsonPath = (string | number)[];

export interface Mutation {
  name: string;
  /** The file's text after the damage. */
  text: string;
}

const RAW = '__probe_raw__';
const DEEP = `${'['.repeat(10_000)}1${']'.repeat(10_000)}`;

type FieldKind = 'number' | 'string' | 'object' | 'other';

/** The values a field can be replaced by, by the kind of field: name -> JSON value (or raw JSON text). */
const REPLACEMENTS: Record<FieldKind, readonly [string, unknown][]> = {
  number: [
    ['wrong type (string)', 'x'],
    ['negative', -1],
    ['zero', 0],
    ['NaN string', 'NaN'],
    ['1e400', raw('1e400')],
    ['1e-400', raw('1e-400')],
    ['2^31', 2 ** 31],
    ['1e-200', 1e-200],
    ['1e200', 1e200],
  ],
  string: [
    ['wrong type (number)', 5],
    ['null', null],
    ['NaN string', 'NaN'],
    ['duration 1e400s', '1e400s'],
    ['duration -5s', '-5s'],
    ['duration 0s', '0s'],
    ['duration 400d', '400d'],
    ['huge string', 'x'.repeat(200_000)],
    ['unicode', 'ü\u0000\u202e'],
  ],
  object: [
    ['wrong type (array)', [1]],
    ['wrong type (number)', 1],
    ['null', null],
    ['empty', {}],
  ],
  other: [
    ['wrong type (string)', 'x'],
    ['null', null],
  ],
};

/** Fields that also get a value nested 10,000 levels deep (each such file is 20 KB of brackets). */
const DEEP_NESTING: readonly [string, unknown][] = [['deep nesting 10,000', raw(DEEP)]];

function raw(text: string): string {
  return `${RAW}${text}${RAW}`;
}

/** Every path in `value` whose field can be damaged (objects, arrays and leaves; arrays by index 0). */
export function fieldPaths(value: unknown, path: JsonPath = []): JsonPath[] {
  const paths: JsonPath[] = path.length > 0 ? [path] : [];
  if (Array.isArray(value)) {
    if (value.length > 0) paths.push(...fieldPaths(value[0], [...path, 0]));
  } else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) paths.push(...fieldPaths(child, [...path, key]));
  }
  return paths;
}

/**
 * The mutations of one field: removal, a typo in its key, and every replacement value for its kind
 * (with `deep`, also a value nested 10,000 levels).
 */
export function mutationsOf(scenario: unknown, path: JsonPath, deep = false): Mutation[] {
  const mutations: Mutation[] = [];
  const key = path[path.length - 1];
  if (typeof key === 'string') {
    mutations.push({ name: 'missing', text: render(edit(scenario, path, () => ({ remove: true }))) });
    mutations.push({
      name: 'typo in key',
      text: render(edit(scenario, path, () => ({ rename: typo(key) }))),
    });
  }
  const replacements = [...REPLACEMENTS[kindOf(valueAt(scenario, path))], ...(deep ? DEEP_NESTING : [])];
  for (const [name, value] of replacements) {
    mutations.push({ name, text: render(edit(scenario, path, () => ({ value }))) });
  }
  return mutations;
}

/** A one-letter slip: the key's second and third letters swapped, or an extra letter on a short key. */
export function typo(key: string): string {
  if (key.length < 3) return `${key}s`;
  return key[0] + key[2] + key[1] + key.slice(3);
}

function kindOf(value: unknown): FieldKind {
  if (typeof value === 'number') return 'number';
  if (typeof value === 'string') return 'string';
  if (value !== null && typeof value === 'object') return 'object';
  return 'other';
}

function valueAt(scenario: unknown, path: JsonPath): unknown {
  let value = scenario as Record<string | number, unknown>;
  for (const step of path) value = value[step] as Record<string | number, unknown>;
  return value;
}

type Edit = { remove: true } | { rename: string } | { value: unknown };

function edit(scenario: unknown, path: JsonPath, make: () => Edit): unknown {
  const copy = structuredClone(scenario) as Record<string | number, unknown>;
  let parent = copy;
  for (const step of path.slice(0, -1)) parent = parent[step] as Record<string | number, unknown>;
  const key = path[path.length - 1]!;
  const change = make();
  if ('remove' in change) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else if ('rename' in change) {
    const value = parent[key];
    delete parent[key];
    parent[change.rename] = value;
  } else parent[key] = change.value;
  return copy;
}

function render(value: unknown): string {
  return JSON.stringify(value, null, 2).replace(new RegExp(`"${RAW}(.*?)${RAW}"`, 'gs'), '$1');
}

/** The JSON Pointer of a path, as the CLI's messages show it. */
export function pointer(path: JsonPath): string {
  return `/${path.join('/')}`;
}
