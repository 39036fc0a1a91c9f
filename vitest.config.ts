import { configDefaults, defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The PostgreSQL suite needs a server (`npm run test:pg`, vitest.pg.config.ts), the browser suite a
    // Chromium (`npm run test:e2e`, vitest.e2e.config.ts).
    exclude: [...configDefaults.exclude, 'test/pg/**', 'test/e2e/**'],
    // CLI tests start Node processes and OCR tests start Tesseract workers: seconds, not milliseconds, on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
