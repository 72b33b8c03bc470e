// Runs tasks with at most `parallel` at once, in order of the list.

export async function runPool<T>(
  items: readonly T[],
  parallel: number,
  run: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await run(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, parallel) }, worker));
}
