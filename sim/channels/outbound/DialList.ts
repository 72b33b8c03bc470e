/**
 * The campaign's dialling list: fresh numbers in batches (one per day's load, oldest first) and
 * numbers whose retry is due, each with its attempts so far and the time it was loaded. Due retries
 * are dialled before fresh numbers (a dialler's callbacks first). `take` fills `takenAttempts` and
 * `takenLoadedAt` instead of returning an object, so a dial allocates nothing.
 */
export class DialList {
  takenAttempts = 0;
  takenLoadedAt = 0;
  private readonly batchCount: number[] = [];
  private readonly batchLoadedAt: number[] = [];
  private freshCount = 0;
  private readyAttempts = new Int32Array(64);
  private readyLoadedAt = new Float64Array(64);
  private readyHead = 0;
  private readyLength = 0;

  get size(): number {
    return this.freshCount + this.readyLength;
  }

  addFresh(count: number, loadedAt: number): void {
    if (count <= 0) return;
    this.batchCount.push(count);
    this.batchLoadedAt.push(loadedAt);
    this.freshCount += count;
  }

  addReady(attempts: number, loadedAt: number): void {
    if (this.readyLength === this.readyAttempts.length) this.grow();
    const at = (this.readyHead + this.readyLength) & (this.readyAttempts.length - 1);
    this.readyAttempts[at] = attempts;
    this.readyLoadedAt[at] = loadedAt;
    this.readyLength++;
  }

  /** Takes the next number to dial (a due retry, else the oldest fresh one); false when empty. */
  take(): boolean {
    if (this.readyLength > 0) {
      this.takenAttempts = this.readyAttempts[this.readyHead]!;
      this.takenLoadedAt = this.readyLoadedAt[this.readyHead]!;
      this.readyHead = (this.readyHead + 1) & (this.readyAttempts.length - 1);
      this.readyLength--;
      return true;
    }
    if (this.freshCount === 0) return false;
    this.takenAttempts = 0;
    this.takenLoadedAt = this.batchLoadedAt[0]!;
    this.freshCount--;
    if (--this.batchCount[0]! === 0) {
      this.batchCount.shift();
      this.batchLoadedAt.shift();
    }
    return true;
  }

  /** Empties the list at `t`; returns how many numbers it held and how many were loaded before `t - thresholdS`. */
  clear(t: number, thresholdS: number): { numbers: number; afterThreshold: number } {
    let afterThreshold = 0;
    this.batchCount.forEach((count, i) => {
      if (t - this.batchLoadedAt[i]! > thresholdS) afterThreshold += count;
    });
    for (let i = 0; i < this.readyLength; i++) {
      const at = (this.readyHead + i) & (this.readyAttempts.length - 1);
      if (t - this.readyLoadedAt[at]! > thresholdS) afterThreshold++;
    }
    const numbers = this.size;
    this.batchCount.length = 0;
    this.batchLoadedAt.length = 0;
    this.freshCount = 0;
    this.readyHead = 0;
    this.readyLength = 0;
    return { numbers, afterThreshold };
  }

  private grow(): void {
    const size = this.readyAttempts.length;
    const attempts = new Int32Array(size * 2);
    const loadedAt = new Float64Array(size * 2);
    for (let i = 0; i < this.readyLength; i++) {
      attempts[i] = this.readyAttempts[(this.readyHead + i) & (size - 1)]!;
      loadedAt[i] = this.readyLoadedAt[(this.readyHead + i) & (size - 1)]!;
    }
    this.readyAttempts = attempts;
    this.readyLoadedAt = loadedAt;
    this.readyHead = 0;
  }
}
