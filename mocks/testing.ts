// Test support for the mocks, whatever the channel. Not product code.

/** Waits for `condition` over event-loop turns (I/O included), at most `maxTurns` of them. */
export async function untilTurns(
  condition: () => boolean,
  describe: () => string = () => 'condition not reached',
  maxTurns = 100_000,
): Promise<void> {
  for (let turn = 0; turn < maxTurns; turn++) {
    if (condition()) return;
    await new Promise((resolve) => setImmediate(resolve));
  }
  throw new Error(describe());
}

/**
 * Lets `count` event-loop turns pass (no wall time involved): enough for inject's pipeline to reach
 * an injected timer, so a test can then say "not answered yet" without racing anything real.
 */
export async function turns(count = 50): Promise<void> {
  for (let turn = 0; turn < count; turn++) await new Promise((resolve) => setImmediate(resolve));
}
