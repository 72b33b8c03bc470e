// A streaming histogram of waits with 2% relative resolution: bucket 0 holds zero waits (most answered
// calls), bucket i >= 1 holds (MIN * GROWTH^(i-1), MIN * GROWTH^i]. Rows of many histograms share one
// Uint32Array so a replication keeps one block per channel, not one object per interval.
const MIN_S = 0.01;
const GROWTH = 1.02;
const LOG_GROWTH = Math.log(GROWTH);
/** Enough buckets for waits up to ~10 days; longer waits land in the last bucket. */
export const WAIT_BUCKETS = 2 + Math.ceil(Math.log(864_000 / MIN_S) / LOG_GROWTH);

export function waitBucket(waitS: number): number {
  if (waitS <= 0) return 0;
  if (waitS <= MIN_S) return 1;
  const bucket = 2 + Math.floor(Math.log(waitS / MIN_S) / LOG_GROWTH);
  return bucket < WAIT_BUCKETS ? bucket : WAIT_BUCKETS - 1;
}

// Blocks are reused across replications: a fresh block of a long run is megabytes of new pages
// (37 days of 30-minute rows: 6.5 MB), and faulting them in cost ~2.5% of the engine's time; a block
// given back is only zeroed. At most a few blocks of each size are kept.
const issued = new WeakSet<Uint32Array>();
const spare = new Map<number, Uint32Array[]>();
const SPARE_PER_SIZE = 4;

/** A zeroed row-major block of `rows` histograms (a channel's per-interval waits). */
export function histogramBlock(rows: number): Uint32Array {
  const length = rows * WAIT_BUCKETS;
  const reused = spare.get(length)?.pop();
  const block = reused?.fill(0) ?? new Uint32Array(length);
  issued.add(block);
  return block;
}

/**
 * Gives back the histogram blocks among `values` (a replication's counters, once measured: nothing
 * may read them afterwards). Anything else, and a block given back already, is ignored.
 */
export function recycleHistogramBlocks(values: Iterable<unknown>): void {
  for (const value of values) {
    if (!(value instanceof Uint32Array) || !issued.has(value)) continue;
    issued.delete(value);
    const list = spare.get(value.length) ?? [];
    if (list.length < SPARE_PER_SIZE) list.push(value);
    spare.set(value.length, list);
  }
}

/** Representative wait of a bucket: 0, or the geometric middle of its bounds (error at most 1%). */
export function bucketValue(bucket: number): number {
  if (bucket === 0) return 0;
  if (bucket === 1) return MIN_S / 2;
  return MIN_S * GROWTH ** (bucket - 1.5);
}

/** Adds rows [from, to) of a row-major block into `out` (length WAIT_BUCKETS). */
export function sumRows(block: Uint32Array, from: number, to: number, out: Float64Array): Float64Array {
  for (let row = from; row < to; row++) {
    const base = row * WAIT_BUCKETS;
    for (let b = 0; b < WAIT_BUCKETS; b++) out[b]! += block[base + b]!;
  }
  return out;
}

/** The q-quantile (0 < q <= 1) of a histogram, or null when it is empty. */
export function quantile(histogram: ArrayLike<number>, q: number): number | null {
  let total = 0;
  for (let b = 0; b < WAIT_BUCKETS; b++) total += histogram[b]!;
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(q * total));
  let cumulative = 0;
  for (let b = 0; b < WAIT_BUCKETS; b++) {
    cumulative += histogram[b]!;
    if (cumulative >= rank) return bucketValue(b);
  }
  return bucketValue(WAIT_BUCKETS - 1);
}
