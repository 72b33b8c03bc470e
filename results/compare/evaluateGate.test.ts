import { describe, expect, it } from 'vitest';
import { studentT975 } from '../../sim/metrics/studentT975.js';
import { compareRuns } from './compareRuns.js';
import { evaluateGate } from './evaluateGate.js';
import { parseFailOn } from './failOnRules.js';
import { fakeRun } from './testing/fakeRun.js';

// Two sim runs of 10 replications with different seeds: Welch. Each CI half-width is 0.01 (SL) and
// 1 s (ASA), so each standard error is half / t(9); equal variances give df = 18.
const t9 = studentT975(9);
const slHalf = studentT975(18) * Math.sqrt(2) * (0.01 / t9);
const asaHalf = studentT975(18) * Math.sqrt(2) * (1 / t9);
const a = fakeRun({
  kind: 'sim',
  id: 'main',
  replications: 10,
  seed: 1,
  phone: { slOffered: { mean: 0.8, ci95: [0.79, 0.81], n: 10 }, asaS: { mean: 20, ci95: [19, 21], n: 10 } },
});
const b = fakeRun({
  kind: 'sim',
  id: 'pr',
  replications: 10,
  seed: 2,
  phone: { slOffered: { mean: 0.77, ci95: [0.76, 0.78], n: 10 }, asaS: { mean: 24, ci95: [23, 25], n: 10 } },
});

describe('evaluateGate: a gate that knows noise', () => {
  const comparison = compareRuns(a, b);

  it('fails only when the whole 95% interval of the change lies beyond the threshold (hand-computed Welch)', () => {
    expect(comparison.method).toBe('welch');
    // SL change -0.03, interval [-0.03 - h, -0.03 + h] with h = 0.01314: its top -0.0169 is above -0.02.
    expect(slHalf).toBeCloseTo(0.01314, 4);
    const [loose, tight] = evaluateGate(comparison, parseFailOn('slOffered<-0.02,slOffered<-0.01'));
    expect(loose!.changeCi95![1]).toBeCloseTo(-0.03 + slHalf, 9);
    expect(loose).toMatchObject({ method: 'interval', failed: false });
    expect(tight).toMatchObject({ method: 'interval', failed: true });
    expect(loose!.message).toMatch(/judged on the interval \(welch\)/);
  });

  it("judges relative rules on the interval of B/A − 1, with the baseline's own noise (delta method)", () => {
    // ASA 20 -> 24 s: R = 1.2, se = 1/t(9) on both sides. Var(R) = (se² + 1.2²·se²)/20² = 2.44·se²/400,
    // Welch df = 2.44²·9/(1 + 1.44²) = 17.433: [+12.7%, +27.3%], wholly above +10%, not above +15%.
    const se = 1 / t9;
    const df = (2.44 ** 2 * 9) / (1 + 1.44 ** 2);
    const half = studentT975(df) * Math.sqrt(2.44) * (se / 20);
    const [ten, fifteen] = evaluateGate(comparison, parseFailOn('asaS>+10%,asaS>+15%'));
    expect(ten!.changeCi95![0]).toBeCloseTo(0.2 - half, 9);
    expect(ten!.changeCi95![1]).toBeCloseTo(0.2 + half, 9);
    // Wider than the difference's interval over the baseline (which leaves A's noise out).
    expect(2 * half).toBeGreaterThan((2 * asaHalf) / 20);
    expect(ten!.failed).toBe(true);
    expect(fifteen!.failed).toBe(false);
    expect(ten!.message).toMatch(/ratio by the delta method/);
  });

  it('--strict judges the point estimate', () => {
    const [rule] = evaluateGate(comparison, parseFailOn('slOffered<-0.02'), { strict: true });
    expect(rule).toMatchObject({ method: 'point', failed: true });
    expect(rule!.message).toMatch(/point estimate \(--strict\)/);
  });

  it('falls back to the point estimate when no interval exists (runs of one replication)', () => {
    const one = (id: string, sl: number) =>
      fakeRun({ kind: 'sim', id, replications: 1, phone: { slOffered: { mean: sl, ci95: null, n: 1 } } });
    const [rule] = evaluateGate(compareRuns(one('x', 0.8), one('y', 0.7)), parseFailOn('slOffered<-0.02'));
    expect(rule).toMatchObject({ method: 'point', failed: true, changeCi95: null });
  });

  it('fails a rule on a metric a run does not define', () => {
    const [rule] = evaluateGate(comparison, parseFailOn('abandonRate>+0.01'));
    expect(rule).toMatchObject({ failed: true, message: 'abandonRate is undefined in a run, cannot check' });
  });
});

describe("evaluateGate: any channel's metrics", () => {
  // Phone unchanged, chat's first-reply SL down 15 points and its sessions up 50%.
  const phone = { slOffered: { mean: 0.8, ci95: [0.79, 0.81] as [number, number], n: 10 } };
  const run = (id: string, seed: number, chatSl: number, chatOffered: number, withPhone = true) =>
    fakeRun({
      kind: 'sim',
      id,
      replications: 10,
      seed,
      ...(withPhone ? { phone: { ...phone, offered: { mean: 100, ci95: [99, 101], n: 10 } } } : {}),
      chat: {
        firstResponseSlOffered: { mean: chatSl, ci95: [chatSl - 0.01, chatSl + 0.01], n: 10 },
        offered: { mean: chatOffered, ci95: [chatOffered - 1, chatOffered + 1], n: 10 },
      },
    });
  const both = compareRuns(run('main', 1, 0.85, 40), run('pr', 2, 0.7, 60));

  it("judges chat's first-reply SL on chat's interval, named or bare", () => {
    const [named, bare, loose] = evaluateGate(
      both,
      parseFailOn(
        'chat.firstResponseSlOffered<-0.05,firstResponseSlOffered<-0.05,chat.firstResponseSlOffered<-0.2',
      ),
    );
    expect(named!.change).toBeCloseTo(-0.15, 12);
    expect(named!.changeCi95![1]).toBeCloseTo(-0.15 + slHalf, 9);
    expect(named).toMatchObject({ method: 'interval', failed: true });
    expect(bare).toMatchObject({ change: named!.change, changeCi95: named!.changeCi95, failed: true });
    expect(loose).toMatchObject({ method: 'interval', failed: false });
  });

  it('a bare name shared by channels is the first channel both runs have; a chat-only run reads chat', () => {
    const [bare, chat] = evaluateGate(both, parseFailOn('offered>+10%,chat.offered>+10%'));
    expect(bare).toMatchObject({ change: 0, failed: false });
    expect(chat).toMatchObject({ change: 0.5, failed: true });
    const chatOnly = compareRuns(run('main', 1, 0.85, 40, false), run('pr', 2, 0.7, 60, false));
    const [onlyChat, phoneRule] = evaluateGate(chatOnly, parseFailOn('offered>+10%,slOffered<-0.02'));
    expect(onlyChat).toMatchObject({ change: 0.5, failed: true });
    // A phone rule on runs without phone fails as undefined: a gate never passes on missing data.
    expect(phoneRule).toMatchObject({
      failed: true,
      message: 'slOffered is undefined in a run, cannot check',
    });
  });
});
