import { bundleFromJSON } from '@sigstore/bundle'
import { toSignedEntity } from '@sigstore/verify'

/**
 * When a bundle was signed, by its own signed evidence: the earliest of its RFC 3161 genTimes and
 * the Rekor integrated times a SET signs (an integrated time without a SET is signed by nothing).
 * Meaningful only for a bundle that verified, since verification checks every one of these
 * times; undefined when the bundle carries none or does not parse.
 */
export function signedTimeOf(bundleJson: unknown): Date | undefined {
  let times: number[]
  try {
    const entity = toSignedEntity(bundleFromJSON(bundleJson))
    times = entity.timestamps.flatMap(t =>
      t.$case === 'timestamp-authority'
        ? [t.timestamp.signingTime.getTime()]
        : t.tlogEntry.inclusionPromise !== undefined
          ? [Number(t.tlogEntry.integratedTime) * 1000]
          : []
    )
  } catch {
    return undefined
  }
  const valid = times.filter(Number.isFinite)
  return valid.length > 0 ? new Date(Math.min(...valid)) : undefined
}
