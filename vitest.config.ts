import { configDefaults, defineConfig } from 'vitest/config';
import { excludedForTools, planTools } from './tests/helpers/externalTools.ts';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'main/**/*.test.ts', 'shared/**/*.test.ts'],
    // Files that run qpdf, Poppler or xmllint where they are not installed (not under CI=true).
    exclude: [...configDefaults.exclude, ...excludedForTools(planTools(import.meta.dirname))],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // One line, once, when no Chromium or Chrome is found for the end-to-end tests.
    globalSetup: ['tests/helpers/browserGlobalSetup.ts', 'tests/helpers/toolsGlobalSetup.ts'],
    // .ci/run asks for a JSON report to print a plain "N passed, N failed" line.
    reporters: process.env.VITEST_JSON_REPORT ? ['default', 'json'] : ['default'],
    outputFile: process.env.VITEST_JSON_REPORT ? { json: process.env.VITEST_JSON_REPORT } : undefined,
  },
});
