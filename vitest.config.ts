import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'main/**/*.test.ts', 'shared/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // One line, once, when no Chromium or Chrome is found for the end-to-end tests.
    globalSetup: ['tests/helpers/browserGlobalSetup.ts'],
    // .ci/run asks for a JSON report to print a plain "N passed, N failed" line.
    reporters: process.env.VITEST_JSON_REPORT ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON_REPORT ? { json: process.env.VITEST_JSON_REPORT } : undefined,
  },
});
