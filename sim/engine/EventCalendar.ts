/**
 * The future-event list: a binary min-heap ordered by (time, sequence number), so events at the same
 * time fire in the order they were scheduled, never by insertion luck (SimPy's (time, priority, id)).
 * That order is total (sequence numbers are unique), so how the heap is kept cannot change which
 * event comes next.
 * Node data lives in typed arrays and nodes are recycled through a free list: scheduling an event
 * allocates nothing once the arrays have grown to the run's high-water mark.
 *
 * Speed: nearly every event schedules another one (an arrival the next arrival, an answered call its
 * end). So pop leaves the root empty (a hole) and the next schedule puts its event there and sifts it
 * down: one sift for the pair instead of two (pop's refill and the new event's sift up). Only a pop
 * or peek that finds the hole still open fills it the usual way, with the last element.
 */
export class EventCalendar {
  private heap: Int32Array;
  /** Heap position of each pending node (for cancel). */
  private posOf: Int32Array;
  private time: Float64Array;
  private seq: Float64Array;
  private kindOf: Uint8Array;
  private intOf: Int32Array;
  private floatOf: Float64Array;
  private free: Int32Array;
  private freeCount = 0;
  /** Events in the calendar; with a hole, they sit in heap positions 1..size. */
  private size = 0;
  /** Heap position 0 is empty: the last pop's event left, nothing has replaced it yet. */
  private hole = false;
  private capacity: number;
  private nextSeq = 0;

  /** Fields of the event last returned by pop(). */
  current = { time: 0, kind: 0, int: 0, float: 0 };

  constructor(initialCapacity = 1024) {
    this.capacity = initialCapacity;
    this.heap = new Int32Array(initialCapacity);
    this.posOf = new Int32Array(initialCapacity);
    this.time = new Float64Array(initialCapacity);
    this.seq = new Float64Array(initialCapacity);
    this.kindOf = new Uint8Array(initialCapacity);
    this.intOf = new Int32Array(initialCapacity);
    this.floatOf = new Float64Array(initialCapacity);
    this.free = new Int32Array(initialCapacity);
    for (let i = 0; i < initialCapacity; i++) this.free[i] = initialCapacity - 1 - i;
    this.freeCount = initialCapacity;
  }

  get length(): number {
    return this.size;
  }

  /** Time of the next event, Infinity when the calendar is empty. */
  peekTime(): number {
    if (this.size === 0) return Number.POSITIVE_INFINITY;
    if (this.hole) this.fillHole();
    return this.time[this.heap[0]!]!;
  }

  /** Schedules an event; returns its id, which `cancel` takes while the event is pending. */
  schedule(time: number, kind: number, intValue = 0, floatValue = 0): number {
    if (this.freeCount === 0) this.grow();
    const node = this.free[--this.freeCount]!;
    this.time[node] = time;
    this.seq[node] = this.nextSeq++;
    this.kindOf[node] = kind;
    this.intOf[node] = intValue;
    this.floatOf[node] = floatValue;
    if (this.hole) {
      this.hole = false;
      this.siftDown(0, node, ++this.size);
    } else this.siftUp(this.size++, node, 0);
    return node;
  }

  /**
   * Removes the pending event `node` (an id from schedule) before it fires. Only for an event known to
   * be pending: an id is reused once its event has fired or been cancelled. Removing an event that
   * can no longer matter (a queued caller's patience once answered) saves popping it later.
   */
  cancel(node: number): void {
    // With the hole open, the events sit in positions 1..size and nothing may rise into position 0.
    const top = this.hole ? 2 : 0;
    const end = --this.size + (this.hole ? 1 : 0);
    const pos = this.posOf[node]!;
    this.free[this.freeCount++] = node;
    if (pos === end) return;
    const last = this.heap[end]!;
    if (pos > top && this.precedes(last, this.heap[(pos - 1) >> 1]!)) this.siftUp(pos, last, top);
    else this.siftDown(pos, last, end);
  }

  /** Removes the earliest event and returns its kind; its fields are in `current`. Call only when length > 0. */
  pop(): number {
    if (this.hole) this.fillHole();
    const node = this.heap[0]!;
    this.hole = true;
    this.size--;
    this.free[this.freeCount++] = node;
    const current = this.current;
    current.time = this.time[node]!;
    current.kind = this.kindOf[node]!;
    current.int = this.intOf[node]!;
    current.float = this.floatOf[node]!;
    return current.kind;
  }

  /** Whether node `a`'s event comes before node `b`'s. */
  private precedes(a: number, b: number): boolean {
    const ta = this.time[a]!;
    const tb = this.time[b]!;
    return ta < tb || (ta === tb && this.seq[a]! < this.seq[b]!);
  }

  /** Sifts `node` up from `pos`, no higher than position `top`. */
  private siftUp(pos: number, node: number, top: number): void {
    const heap = this.heap;
    const posOf = this.posOf;
    const time = this.time;
    const seq = this.seq;
    const t = time[node]!;
    const s = seq[node]!;
    while (pos > top) {
      const parentPos = (pos - 1) >> 1;
      const parent = heap[parentPos]!;
      const pt = time[parent]!;
      if (pt < t || (pt === t && seq[parent]! < s)) break;
      heap[pos] = parent;
      posOf[parent] = pos;
      pos = parentPos;
    }
    heap[pos] = node;
    posOf[node] = pos;
  }

  /** Moves the last element into the hole at the root (the heap then holds positions 0..size-1). */
  private fillHole(): void {
    this.hole = false;
    const size = this.size;
    if (size > 0) this.siftDown(0, this.heap[size]!, size);
  }

  /** Sifts `node` down from `pos` in a heap of `size` positions. */
  private siftDown(pos: number, node: number, size: number): void {
    const heap = this.heap;
    const posOf = this.posOf;
    const time = this.time;
    const seq = this.seq;
    const t = time[node]!;
    const s = seq[node]!;
    for (;;) {
      let child = 2 * pos + 1;
      if (child >= size) break;
      let ct = time[heap[child]!]!;
      const right = child + 1;
      if (right < size) {
        const rt = time[heap[right]!]!;
        if (rt < ct || (rt === ct && seq[heap[right]!]! < seq[heap[child]!]!)) {
          child = right;
          ct = rt;
        }
      }
      const c = heap[child]!;
      if (t < ct || (t === ct && s < seq[c]!)) break;
      heap[pos] = c;
      posOf[c] = pos;
      pos = child;
    }
    heap[pos] = node;
    posOf[node] = pos;
  }

  private grow(): void {
    const old = this.capacity;
    const capacity = old * 2;
    const grow = <T extends Float64Array | Int32Array | Uint8Array>(a: T, make: (n: number) => T): T => {
      const b = make(capacity);
      b.set(a);
      return b;
    };
    this.heap = grow(this.heap, (n) => new Int32Array(n));
    this.posOf = grow(this.posOf, (n) => new Int32Array(n));
    this.time = grow(this.time, (n) => new Float64Array(n));
    this.seq = grow(this.seq, (n) => new Float64Array(n));
    this.kindOf = grow(this.kindOf, (n) => new Uint8Array(n));
    this.intOf = grow(this.intOf, (n) => new Int32Array(n));
    this.floatOf = grow(this.floatOf, (n) => new Float64Array(n));
    this.free = grow(this.free, (n) => new Int32Array(n));
    for (let i = old; i < capacity; i++) this.free[this.freeCount++] = capacity - 1 - (i - old);
    this.capacity = capacity;
  }
}
