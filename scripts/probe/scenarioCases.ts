// Bad scenario files: every field of the small scenario damaged every way its kind allows, each run
// through `hotline sim` (so what the loader lets through reaches the engine), and every fourth field
// of the scenario with all six channels damaged one way each (rotating), through `hotline validate`.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fieldPaths, type JsonPath, mutationsOf, pointer } from './mutateScenario.js';
import type { CliCase } from './ProbeCase.js';
import { tinyScenario } from './tinyScenario.js';

const FILE = 'scenario.json';
/** Every fourth field of the all-channel scenario (the whole run stays near ten minutes on two cores). */
const ECOSYSTEM_EVERY = 4;
/** Fields that also get the 10,000-deep value (one per level of the file is enough to find the crash). */
const DEEP_FIELDS = new Set(['/name', '/calendar', '/channels/phone/talkTime', '/agents/groups/0/staffing']);

export function scenarioCases(repo: string): CliCase[] {
  const cases: CliCase[] = [];
  const tiny = tinyScenario();
  for (const path of fieldPaths(tiny)) {
    for (const mutation of mutationsOf(tiny, path, DEEP_FIELDS.has(pointer(path)))) {
      cases.push(
        fileCase(`sim ${pointer(path)}: ${mutation.name}`, mutation.text, path, (file) => [
          'sim',
          file,
          '-r',
          '1',
          '-t',
          '1',
          '-q',
        ]),
      );
    }
  }
  const all = JSON.parse(readFileSync(join(repo, 'scenarios', 'ecosystem-all.json'), 'utf8')) as unknown;
  fieldPaths(all).forEach((path, index) => {
    if (index % ECOSYSTEM_EVERY !== 0) return;
    const mutations = mutationsOf(all, path);
    const mutation = mutations[(index / ECOSYSTEM_EVERY) % mutations.length]!;
    cases.push(
      fileCase(`validate ecosystem-all ${pointer(path)}: ${mutation.name}`, mutation.text, path, (file) => [
        'validate',
        file,
      ]),
    );
  });
  return cases;
}

function fileCase(name: string, text: string, path: JsonPath, args: (file: string) => string[]): CliCase {
  return {
    kind: 'cli',
    category: 'scenario',
    name,
    setup: (box) => writeFileSync(join(box.dir, FILE), text),
    args: (box) => args(join(box.dir, FILE)),
    names: [[FILE], pathWords(path)],
  };
}

/** What an error about `path` may name: the pointer of the field or of any object above it, or its key. */
function pathWords(path: JsonPath): string[] {
  const words = path.map((_, i) => pointer(path.slice(0, i + 1)));
  const key = path[path.length - 1];
  if (typeof key === 'string') words.push(key);
  if (path.length === 1) words.push(' at /');
  return words;
}
