import type { Distribution } from '../distributions/Distribution.js';
import { createStream, type StreamSource } from './createStream.js';
import { NumberTape } from './NumberTape.js';

/**
 * The draws of one replication, kept for the next run of the same replication with another model
 * (the next cell of a whatif grid). Every run draws replication r from the same streams (common
 * random numbers), so the uniforms, the samples made from them and the arrival instants of equal
 * demand are the same numbers in every cell: the first run makes them, later runs read them. A run
 * reading further than any before extends the tape from the stream's own generator, so a taped run
 * gets exactly the numbers an untaped one draws, bit for bit (DrawTape.test.ts, whatif tests).
 *
 * A tape grows with the run (a day of covid-hotline: ~5 MB); it lives as long as the runs sharing it.
 */
export class DrawTape {
  private readonly uniformTapes = new Map<string, NumberTape>();
  private readonly sampleTapes = new Map<string, NumberTape>();
  private readonly transformMemos = new Map<string, TransformMemo>();
  private readonly arrivalTapes = new Map<string, { ratePerS: Float64Array; tape: NumberTape }[]>();

  constructor(
    readonly seed: number | string,
    readonly replication: number,
  ) {}

  /** The uniforms of stream `source`, in draw order. */
  uniforms(source: StreamSource): NumberTape {
    return kept(
      this.uniformTapes,
      source,
      () => new NumberTape(createStream(this.seed, source, this.replication)),
    );
  }

  /** The samples of `distribution` drawn one after another from stream `source`. */
  samples(source: StreamSource, distribution: Distribution): NumberTape {
    return kept(this.sampleTapes, `${source}\u0000${distributionKey(distribution)}`, () => {
      const rng = createStream(this.seed, source, this.replication);
      return new NumberTape(() => distribution.sample(rng));
    });
  }

  /** `distribution.transform` of the uniforms of `source`, computed once each, when first asked for. */
  transforms(source: StreamSource, distribution: Distribution): TransformMemo {
    return kept(
      this.transformMemos,
      `${source}\u0000${distributionKey(distribution)}`,
      () => new TransformMemo(this.uniforms(source), distribution),
    );
  }

  /**
   * The instants `make()` gives for stream `source` at these rates (per interval of `intervalS`):
   * runs whose demand is equal (the cells of a grid that vary staffing only) share them; other rates
   * get a tape of their own.
   */
  arrivals(
    source: StreamSource,
    ratePerS: Float64Array,
    intervalS: number,
    make: () => () => number,
  ): NumberTape {
    const tapes = kept(this.arrivalTapes, `${source}\u0000${intervalS}`, () => []);
    const same = tapes.find((t) => sameNumbers(t.ratePerS, ratePerS));
    if (same !== undefined) return same.tape;
    const tape = new NumberTape(make());
    tapes.push({ ratePerS: ratePerS.slice(), tape });
    return tape;
  }
}

/** The transforms of a uniform tape by one distribution; NaN where none was asked for yet. */
export class TransformMemo {
  private values = new Float64Array(0);

  constructor(
    private readonly uniforms: NumberTape,
    private readonly distribution: Distribution,
  ) {}

  at(i: number): number {
    if (i < this.values.length) {
      const value = this.values[i]!;
      if (!Number.isNaN(value)) return value;
    } else {
      this.grow(i);
    }
    const value = this.distribution.transform!(this.uniforms.at(i));
    this.values[i] = value;
    return value;
  }

  private grow(i: number): void {
    const values = new Float64Array(Math.max(1024, 2 * this.values.length, i + 1)).fill(Number.NaN);
    values.set(this.values);
    this.values = values;
  }
}

/** Equal keys for distributions that sample alike: the kind and every parameter, exactly. */
export function distributionKey(distribution: Distribution): string {
  return JSON.stringify(distribution);
}

/** The value kept under `key`, made and kept on first ask. */
function kept<V>(map: Map<string, V>, key: string, make: () => V): V {
  let value = map.get(key);
  if (value === undefined) {
    value = make();
    map.set(key, value);
  }
  return value;
}

function sameNumbers(a: Float64Array, b: Float64Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}
