// The probe's output: a progress line every 50 cases (and at once for a broken one), then a tally by
// category and every broken case with its command line and problems.
import { loadavg } from 'node:os';
import type { CaseResult } from './ProbeCase.js';

const EVERY = 50;

export class ProbeProgress {
  private done = 0;
  private broken = 0;
  private readonly started = Date.now();
  constructor(private readonly total: number) {}

  add(result: CaseResult): void {
    this.done++;
    if (result.problems.length > 0) {
      this.broken++;
      console.log(`  BROKEN [${result.category}] ${result.name}: ${result.problems[0]}`);
    }
    if (this.done % EVERY === 0 || this.done === this.total) {
      const s = Math.round((Date.now() - this.started) / 1000);
      console.log(
        `probe: ${this.done}/${this.total} cases, ${this.broken} broken, ${s} s, load ${loadavg()[0]!.toFixed(2)}`,
      );
    }
  }

  finish(results: readonly CaseResult[]): void {
    const byCategory = new Map<string, { cases: number; broken: number }>();
    for (const r of results) {
      const entry = byCategory.get(r.category) ?? { cases: 0, broken: 0 };
      entry.cases++;
      if (r.problems.length > 0) entry.broken++;
      byCategory.set(r.category, entry);
    }
    const broken = results.filter((r) => r.problems.length > 0);
    if (broken.length > 0) {
      console.log('\nbroken cases:');
      for (const r of broken) {
        console.log(`- [${r.category}] ${r.name}\n    $ ${r.commandLine}`);
        for (const p of r.problems) console.log(`    ${p.replaceAll('\n', '\n    ')}`);
      }
    }
    console.log('\ncategory       cases  broken');
    for (const [category, { cases, broken: n }] of byCategory) {
      console.log(`${category.padEnd(14)} ${String(cases).padStart(5)}  ${String(n).padStart(6)}`);
    }
    const s = Math.round((Date.now() - this.started) / 1000);
    console.log(
      `${'total'.padEnd(14)} ${String(results.length).padStart(5)}  ${String(broken.length).padStart(6)}`,
    );
    console.log(
      `probe: ${s} s wall, load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  }
}
