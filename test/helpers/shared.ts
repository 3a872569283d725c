import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, it } from 'vitest'

/** ../shared beside the repository: test data that a user's clone does not have. */
export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url))
export const HAVE_SHARED = existsSync(SHARED_DIR)

export function sharedPath(rel: string): string {
  return `${SHARED_DIR}${rel}`
}

/**
 * The vector sets under ../shared/vectors. GitHub CI lays out both from pinned checkouts of their
 * public repositories (.github/workflows/ci.yml); scripts/aiir-vectors.mjs derives the AIIR set's
 * raw git inputs and reference outputs there.
 */
export type SharedArea = 'aiir' | 'sigstore-conformance'

export function haveShared(areas: SharedArea[]): boolean {
  return areas.every(a => existsSync(sharedPath(`vectors/${a}`)))
}

/** describe() that skips, with a visible reason, when the vector sets it needs are absent. */
export function describeShared(
  name: string,
  fn: () => void,
  areas: SharedArea[] = ['aiir', 'sigstore-conformance']
): void {
  if (!haveShared(areas)) {
    const what = areas.map(a => `../shared/vectors/${a}`).join(' and ')
    // The body is not even collected: it would read vector files at collection time.
    describe(name, () => {
      it.skip(`skipped: ${what} absent; these tests need those vectors`, () => {})
    })
    console.warn(`[qprov tests] skipping "${name}": ${what} absent`)
    return
  }
  describe(name, fn)
}
