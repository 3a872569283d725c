import { defineConfig } from 'vitest/config'

/**
 * The fast unit tests that cover the decision code, for `npm run mutation` (StrykerJS). No
 * sandbox starts here: the checks run on the committed example proof chain (test/verify/
 * example-bundle.ts), so each mutant is judged in seconds. `npm test` runs these files too.
 */
export const MUTATION_TESTS = [
  'test/verify/binding-checks.test.ts',
  'test/verify/rekor-v2-entry.test.ts',
  'test/verify/content-checks.test.ts',
  'test/verify/receipt-checks.test.ts',
  'test/verify/verify-bundle-files.test.ts',
  'test/verify/workload-check.test.ts',
  'test/verify/field-differences.test.ts',
  'test/verify/outcome.test.ts',
  'test/verify/online-check.test.ts',
  'test/verify/signature-checks.test.ts',
  'test/verify/signature-root.test.ts',
  'test/verify/verdict-facts.test.ts',
  'test/verify/strict-encoding.test.ts',
  'test/verify/unsigned-fields.test.ts',
  'test/verify/timestamp-token.test.ts',
  'test/verify/bundle-context.test.ts',
  'test/verify/results-checks-unit.test.ts',
  'test/verify/ai-policy.test.ts',
  'test/verify/ai-policy-check.test.ts',
  'test/receipt/ai-involvement.test.ts',
  'test/receipt/ai-signals.test.ts',
  'test/sigstore/identity-policy.test.ts'
]

export default defineConfig({
  test: {
    include: MUTATION_TESTS,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default']
  }
})
