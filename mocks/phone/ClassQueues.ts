/**
 * FCFS queues, one per priority class (class 0 first). Like the simulator's ContactQueue, a contact
 * that leaves from the middle (abandons) is not searched for: its entry goes stale and is skipped
 * when popped; `length` counts live entries only.
 */
export class ClassQueues<T> {
  private readonly queues: { items: T[]; head: number }[];
  private live = 0;

  constructor(classes: number) {
    this.queues = Array.from({ length: classes }, () => ({ items: [], head: 0 }));
  }

  get length(): number {
    return this.live;
  }

  push(klass: number, item: T): void {
    this.queues[klass]!.items.push(item);
    this.live++;
  }

  /** A live item left from the middle; its entry stays until popped. */
  remove(): void {
    this.live--;
    if (this.live === 0) for (const q of this.queues) clear(q);
  }

  /** The first item that `isLive` accepts, highest class first. */
  pop(isLive: (item: T) => boolean): T | undefined {
    for (const q of this.queues) {
      while (q.head < q.items.length) {
        const item = q.items[q.head]!;
        q.head++;
        if (!isLive(item)) continue;
        this.live--;
        compact(q);
        return item;
      }
      clear(q);
    }
    return undefined;
  }
}

function clear(q: { items: unknown[]; head: number }): void {
  q.items.length = 0;
  q.head = 0;
}

/** Drops the popped prefix once it is large, so memory follows the live queue, not the history. */
function compact(q: { items: unknown[]; head: number }): void {
  if (q.head >= 1024 && q.head * 2 >= q.items.length) {
    q.items.splice(0, q.head);
    q.head = 0;
  }
}
