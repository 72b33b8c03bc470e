import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['node_modules/**', 'dist/**'],
    // Worker threads, not forks: under a busy machine (four CPU burners on two cores) a forked
    // worker's RPC to the runner timed out ("Timeout calling onTaskUpdate", a fixed 60 s in vitest)
    // and failed a run whose every test had passed; threads talk to the runner in-process.
    pool: 'threads',
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
