/**
 * How many cases each fast-check property tries: QPROV_PROPERTY_RUNS, 100 unless set.
 * `npm test` runs the default, enough to catch a regression; `npm run test:full` (and the
 * scheduled full-tests workflow) runs 1000. Every property passes its options from here, so one
 * variable scales them all (test/structure/property-runs.test.ts keeps it so).
 */
const DEFAULT_RUNS = 100

function configuredRuns(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_RUNS
  const n = Number(raw)
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(`QPROV_PROPERTY_RUNS must be a positive integer, not '${raw}'`)
  return n
}

export const PROPERTY_RUNS = configuredRuns(process.env.QPROV_PROPERTY_RUNS)

/**
 * fast-check options for one property. `share` scales the count for a property whose every case
 * is costly (it signs, verifies or starts something): 0.4 tries 40 cases by default, 400 in full.
 */
export function runs(share = 1): { numRuns: number } {
  return { numRuns: Math.max(1, Math.round(PROPERTY_RUNS * share)) }
}
