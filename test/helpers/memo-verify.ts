import { createHash } from 'node:crypto'
import type * as VerifyBundleModule from '../../src/sigstore/verify-bundle.js'

type Module = typeof VerifyBundleModule
type Input = Parameters<Module['verifyBundle']>[0]
type Result = ReturnType<Module['verifyBundle']>

const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex')

/** A value as key text: bytes by their sha256, anything else by its JSON (which holds no bytes). */
function keyOf(v: unknown): string {
  if (Buffer.isBuffer(v)) return `bytes:${sha256(v)}`
  if (typeof v === 'string') return `text:${sha256(v)}`
  return `json:${sha256(JSON.stringify(v) ?? 'undefined')}`
}

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
  let trusts = 0
  const trustId = (t: object | undefined): string => {
    if (t === undefined) return 'none'
    if (!trustIds.has(t)) trustIds.set(t, trusts++)
    return `trust:${trustIds.get(t)}`
  }
  const key = ({ bundle, artifact, trustMaterial, trustedRoot, ...rest }: Input): string =>
    [
      keyOf(bundle),
      artifact === undefined
        ? 'none'
        : 'bytes' in artifact
          ? keyOf(artifact.bytes)
          : artifact.digest,
      trustId(trustMaterial),
      trustedRoot === undefined ? 'none' : keyOf(trustedRoot),
      JSON.stringify(rest)
    ].join('|')
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
