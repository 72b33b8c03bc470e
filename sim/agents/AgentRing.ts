/**
 * A FIFO of agent ids that also pops from the back: idle agents queue here in the order they became
 * idle, so the front is the longest idle (who gets the next contact) and the back the most recently
 * idle (who leaves first when a shift ends).
 */
export class AgentRing {
  private ids = new Int32Array(16);
  private head = 0;
  length = 0;

  get front(): number {
    return this.ids[this.head]!;
  }

  pushBack(id: number): void {
    if (this.length === this.ids.length) this.grow();
    this.ids[(this.head + this.length) & (this.ids.length - 1)] = id;
    this.length++;
  }

  popFront(): number {
    const id = this.ids[this.head]!;
    this.head = (this.head + 1) & (this.ids.length - 1);
    this.length--;
    return id;
  }

  popBack(): number {
    this.length--;
    return this.ids[(this.head + this.length) & (this.ids.length - 1)]!;
  }

  private grow(): void {
    const size = this.ids.length;
    const ids = new Int32Array(size * 2);
    for (let i = 0; i < this.length; i++) ids[i] = this.ids[(this.head + i) & (size - 1)]!;
    this.ids = ids;
    this.head = 0;
  }
}
