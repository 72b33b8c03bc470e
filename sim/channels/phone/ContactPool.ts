/**
 * Contacts that are in the IVR or waiting in queue, in reusable slots of typed arrays. A slot's
 * generation changes when it is freed, so a stale reference (an abandonment event of a contact that
 * was answered meanwhile) is recognised without searching the calendar or the queue.
 */
import { DeferredSamples } from '../../distributions/DeferredSamples.js';

export const IN_IVR = 1;
export const IN_QUEUE = 2;

export class ContactPool {
  capacity: number;
  state: Uint8Array;
  gen: Int32Array;
  arrivalInterval: Int32Array;
  klass: Uint8Array;
  attempt: Uint8Array;
  selfService: Uint8Array;
  entryTime: Float64Array;
  /** Patience and talk time, drawn at arrival, transformed when first read (most patiences never are). */
  readonly patience: DeferredSamples;
  readonly talk: DeferredSamples;
  afterCallWork: Float64Array;
  /** Who the contact is: the caller's id for contacts offered from outside, the arrival number otherwise. */
  contactId: Float64Array;
  /** The calendar id of a queued contact's abandonment event (-1: none), cancelled when it is answered. */
  abandonEvent: Int32Array;
  private free: Int32Array;
  private freeCount: number;

  constructor(capacity = 256) {
    this.capacity = capacity;
    this.state = new Uint8Array(capacity);
    this.gen = new Int32Array(capacity);
    this.arrivalInterval = new Int32Array(capacity);
    this.klass = new Uint8Array(capacity);
    this.attempt = new Uint8Array(capacity);
    this.selfService = new Uint8Array(capacity);
    this.entryTime = new Float64Array(capacity);
    this.patience = new DeferredSamples(capacity);
    this.talk = new DeferredSamples(capacity);
    this.afterCallWork = new Float64Array(capacity);
    this.contactId = new Float64Array(capacity);
    this.abandonEvent = new Int32Array(capacity);
    this.free = new Int32Array(capacity);
    for (let i = 0; i < capacity; i++) this.free[i] = capacity - 1 - i;
    this.freeCount = capacity;
  }

  allocate(): number {
    if (this.freeCount === 0) this.grow();
    return this.free[--this.freeCount]!;
  }

  release(slot: number): void {
    this.state[slot] = 0;
    this.gen[slot]!++;
    this.free[this.freeCount++] = slot;
  }

  private grow(): void {
    const old = this.capacity;
    const capacity = old * 2;
    const copy = <T extends Uint8Array | Int32Array | Float64Array>(a: T, b: T): T => {
      b.set(a);
      return b;
    };
    this.state = copy(this.state, new Uint8Array(capacity));
    this.gen = copy(this.gen, new Int32Array(capacity));
    this.arrivalInterval = copy(this.arrivalInterval, new Int32Array(capacity));
    this.klass = copy(this.klass, new Uint8Array(capacity));
    this.attempt = copy(this.attempt, new Uint8Array(capacity));
    this.selfService = copy(this.selfService, new Uint8Array(capacity));
    this.entryTime = copy(this.entryTime, new Float64Array(capacity));
    this.patience.grow(capacity);
    this.talk.grow(capacity);
    this.afterCallWork = copy(this.afterCallWork, new Float64Array(capacity));
    this.contactId = copy(this.contactId, new Float64Array(capacity));
    this.abandonEvent = copy(this.abandonEvent, new Int32Array(capacity));
    this.free = copy(this.free, new Int32Array(capacity));
    for (let i = capacity - 1; i >= old; i--) this.free[this.freeCount++] = i;
    this.capacity = capacity;
  }
}
