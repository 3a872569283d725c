// StrykerJS over the code that decides a verdict: `npm run mutation` (not part of `npm test`).
// Survivors are either killed by a test or explained in docs/mutation.md.
/** @type {import('@stryker-mutator/core').PartialStrykerOptions} */
export default {
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutation.config.ts' },
  coverageAnalysis: 'perTest',
  // CPU is shared: one test process at a time.
  concurrency: 1,
  mutate: [
    'src/verify/binding-checks.ts',
    'src/verify/bundle-context.ts',
    'src/verify/content-checks.ts',
    'src/verify/der.ts',
    'src/verify/field-differences.ts',
    'src/verify/online-check.ts',
    'src/verify/outcome.ts',
    'src/verify/receipt-checks.ts',
    'src/verify/signature-checks.ts',
    'src/verify/strict-encoding.ts',
    'src/verify/timestamp-token.ts',
    'src/verify/unsigned-fields.ts',
    'src/verify/verify-bundle-files.ts',
    'src/verify/workload-check.ts',
    'src/verify/results-checks.ts',
    'src/verify/ai-policy.ts',
    'src/sigstore/identity-policy.ts',
    'src/receipt/ai-involvement.ts'
  ],
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'reports/mutation/mutation.html' },
  jsonReporter: { fileName: 'reports/mutation/mutation.json' },
  thresholds: { high: 95, low: 90, break: 90 },
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always'
}
