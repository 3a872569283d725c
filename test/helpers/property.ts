/**
 * How many cases each fast-check property tries, and from which seed.
 *
 * QPROV_PROPERTY_RUNS: 100 unless set. `npm test` runs the default, enough to catch a regression;
 * `npm run test:full` (and the scheduled full-tests workflow) runs 1000.
 *
 * QPROV_PROPERTY_SEED: a fixed seed unless set, so `npm test` tries the same cases on every run
 * and a merge gate never fails by chance. `random` lets fast-check draw a new seed each run (it
 * prints the seed with any counterexample); `test:full` does that, so the scheduled run keeps
 * exploring. Every property passes its options from here, so these variables scale them all
 * (test/structure/property-runs.test.ts keeps it so).
 */
const DEFAULT_RUNS = 100
export const DEFAULT_SEED = 20_261_203

function configuredRuns(raw: string | undefined): number {
  if (raw === undefined || raw === '') return DEFAULT_RUNS
  const n = Number(raw)
  if (!Number.isSafeInteger(n) || n < 1)
    throw new Error(`QPROV_PROPERTY_RUNS must be a positive integer, not '${raw}'`)
  return n
}

/** The seed to pass to fast-check, or undefined to let it draw one. */
export function configuredSeed(raw: string | undefined): number | undefined {
  if (raw === undefined || raw === '') return DEFAULT_SEED
  if (raw === 'random') return undefined
  const n = Number(raw)
  if (!Number.isSafeInteger(n) || n < -(2 ** 31) || n >= 2 ** 31)
    throw new Error(`QPROV_PROPERTY_SEED must be a 32-bit integer or 'random', not '${raw}'`)
  return n
}

export const PROPERTY_RUNS = configuredRuns(process.env.QPROV_PROPERTY_RUNS)
const PROPERTY_SEED = configuredSeed(process.env.QPROV_PROPERTY_SEED)

/**
 * fast-check options for one property. `share` scales the count for a property whose every case
 * is costly (it signs, verifies or starts something): 0.4 tries 40 cases by default, 400 in full.
 */
export function runs(share = 1): { numRuns: number; seed?: number } {
  const numRuns = Math.max(1, Math.round(PROPERTY_RUNS * share))
  return PROPERTY_SEED === undefined ? { numRuns } : { numRuns, seed: PROPERTY_SEED }
}
