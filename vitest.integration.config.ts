import { defineConfig } from 'vitest/config';

// Integration tests start real servers on loopback (the portal on SQLite, and on PostgreSQL
// when DATABASE_URL is set — see scripts/postgres-test.sh).
export default defineConfig({
  test: {
    include: ['test/integration/**/*.test.ts'],
    environment: 'node',
    watch: false,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
