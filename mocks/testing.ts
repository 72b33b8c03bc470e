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
