import { defineConfig } from 'vitest/config';

/**
 * `npm run test:e2e`: the review page in a real headless Chromium (Debian's `chromium`, driven by
 * playwright-core; no browser is downloaded). Under CI a missing Chromium fails the suite. `.ci/run` installs it.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 180_000,
    hookTimeout: 180_000,
  },
});
