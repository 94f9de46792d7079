import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/unit/**/*.test.ts'],
    environment: 'node',
    watch: false,
    // Worker-thread and file-system tests start real processes; give them room on 2 cores.
    testTimeout: 20_000,
    hookTimeout: 60_000,
  },
});
