import { defineConfig } from 'vitest/config';

/**
 * `npm run test:pg`: the PostgreSQL suite, against the server named by JIXIAO_PG_URL (a role that may create
 * databases: each test file works in databases of its own). `.ci/run` installs and starts the server.
 */
export default defineConfig({
  test: {
    include: ['test/pg/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
