import { createHash } from 'node:crypto'
import type * as VerifyBundleModule from '../../src/sigstore/verify-bundle.js'

type Module = typeof VerifyBundleModule
type Result = ReturnType<Module['verifyBundle']>

/**
 * verifyBundle with each distinct input verified once. It is a pure function of its input, and a
 * suite that changes one file of a proof bundle per variant would otherwise verify the other,
 * unchanged Sigstore bundles again for every variant (most of the suite's time). Every field of
 * the input is part of the key: bytes by their sha256, prepared trust material by its identity.
 * Use from a test file as
 *   vi.mock('../../src/sigstore/verify-bundle.js', async o =>
 *     (await import('../helpers/memo-verify.js')).memoizedVerifyBundle(await o()))
 */
export function memoizedVerifyBundle(real: Module): Module {
  const seen = new Map<string, Result>()
  const trustIds = new WeakMap<object, number>()
  let nextTrust = 0
  const key = (input: Parameters<Module['verifyBundle']>[0]): string =>
    JSON.stringify(input, function (this: Record<string, unknown>, k: string, v: unknown) {
      const own = this[k]
      if (Buffer.isBuffer(own)) return `bytes:${createHash('sha256').update(own).digest('hex')}`
      if (k === 'trustMaterial' && typeof own === 'object' && own !== null) {
        if (!trustIds.has(own)) trustIds.set(own, nextTrust++)
        return `trust:${trustIds.get(own)}`
      }
      return v
    })
  return {
    ...real,
    verifyBundle: input => {
      const k = key(input)
      let r = seen.get(k)
      if (r === undefined) seen.set(k, (r = real.verifyBundle(input)))
      return r
    }
  }
}
