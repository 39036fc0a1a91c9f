import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // CLI tests start Node processes and OCR tests start Tesseract workers: seconds, not milliseconds, on 2 cores.
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
