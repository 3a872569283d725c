import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, it } from 'vitest'

/** ../shared beside the repository: test data that a user's clone does not have. */
export const SHARED_DIR = fileURLToPath(new URL('../../../shared/', import.meta.url))
export const HAVE_SHARED = existsSync(SHARED_DIR)

export function sharedPath(rel: string): string {
  return `${SHARED_DIR}${rel}`
}

/** describe() that skips, with a visible reason, when ../shared is absent. */
export function describeShared(name: string, fn: () => void): void {
  if (!HAVE_SHARED) {
    // The body is not even collected: it would read vector files at collection time.
    describe(name, () => {
      it.skip('skipped: ../shared is absent; these tests need its vectors', () => {})
    })
    console.warn(`[qprov tests] skipping "${name}": ../shared is absent`)
    return
  }
  describe(name, fn)
}
