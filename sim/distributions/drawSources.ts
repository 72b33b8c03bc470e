import type { Rng, StreamSource } from '../rng/createStream.js';
import { distributionKey, type TransformMemo } from '../rng/DrawTape.js';
import type { NumberTape, TapeCursor } from '../rng/NumberTape.js';
import type { Streams } from '../rng/Streams.js';
import type { Distribution } from './Distribution.js';

// Where a process's per-contact draws come from: its stream, or the replication's tape when runs
// share one (Streams.tape). Either way the numbers are the same, draw for draw.

/** The uniforms of `source`. */
export function uniformDraws(streams: Streams, source: StreamSource): Rng {
  const tape = streams.tape;
  return tape === undefined ? streams.stream(source) : tapeReader(tape.uniforms(source));
}

/** Samples of `distribution` from `source`, one after another. */
export function sampleDraws(
  streams: Streams,
  source: StreamSource,
  distribution: Distribution,
): () => number {
  const tape = streams.tape;
  if (tape === undefined) {
    const rng = streams.stream(source);
    return () => distribution.sample(rng);
  }
  return tapeReader(tape.samples(source, distribution));
}

/**
 * A sample drawn now and read later, perhaps never (DeferredSamples): `token()` draws, `value(token)`
 * is the sample. For a distribution with a transform the token is the uniform (or its place on the
 * tape) and the transform waits until read; otherwise the token is the sample itself.
 */
export interface DeferredDraws {
  token(): number;
  value(token: number): number;
}

/**
 * Deferred draws of each of `distributions` from the one stream `source`, in the order the process
 * asks (a phone channel's classes, each with its patience, drawing from one stream).
 */
export function deferredDraws(
  streams: Streams,
  source: StreamSource,
  distributions: readonly Distribution[],
): DeferredDraws[] {
  const tape = streams.tape;
  const allTransform = distributions.every((d) => d.transform !== undefined);
  if (tape !== undefined && allTransform) {
    const cursor: TapeCursor = { next: 0 };
    return distributions.map((d) => new TapedTransformDraws(cursor, tape.transforms(source, d)));
  }
  // Samples made at once share a tape only as one sequence of one distribution (draws of several
  // would interleave by the run's own order of classes): otherwise from the stream.
  const first = distributionKey(distributions[0]!);
  const oneDistribution = distributions.every((d) => distributionKey(d) === first);
  if (tape !== undefined && oneDistribution) {
    const read = tapeReader(tape.samples(source, distributions[0]!));
    const draws = new EagerDraws(read);
    return distributions.map(() => draws);
  }
  const rng = streams.stream(source);
  return distributions.map((d) =>
    d.transform === undefined ? new EagerDraws(() => d.sample(rng)) : new TransformDraws(rng, d),
  );
}

class TransformDraws implements DeferredDraws {
  constructor(
    private readonly rng: Rng,
    private readonly distribution: Distribution,
  ) {}
  token(): number {
    return this.rng();
  }
  value(u: number): number {
    return this.distribution.transform!(u);
  }
}

class EagerDraws implements DeferredDraws {
  constructor(private readonly sample: () => number) {}
  token(): number {
    return this.sample();
  }
  value(sample: number): number {
    return sample;
  }
}

class TapedTransformDraws implements DeferredDraws {
  constructor(
    private readonly cursor: TapeCursor,
    private readonly memo: TransformMemo,
  ) {}
  /** The uniform's place on the tape: the tape makes its uniforms in order, so it is found there when read. */
  token(): number {
    return this.cursor.next++;
  }
  value(i: number): number {
    return this.memo.at(i);
  }
}

function tapeReader(tape: NumberTape): () => number {
  let next = 0;
  return () => tape.at(next++);
}
