import { oneLine } from '../errors.js'
import { READ_LIMITS, readBoundedSync } from '../read-file.js'
import { verifyBundle } from '../sigstore/verify-bundle.js'

export interface IdentityPolicyInput {
  identity: string
  issuer: string
}

export interface SignatureCheck {
  verified: boolean
  error?: string
  /** Stable failure code (see verifyBundle). */
  code?: string
  identity?: string
  issuer?: string
  logIndex?: string
}

/**
 * Tier-2 AIIR: a messageSignature bundle over the exact receipt file bytes, verified offline.
 * AIIR signs the file as written (pretty JSON, trailing newline), so any byte change — even one
 * AIIR's own hash ignores, like the timestamp — must fail. Default root: embedded public-good.
 */
export async function verifyReceiptSignature(
  fileBytes: Buffer,
  bundleJson: unknown,
  policy: IdentityPolicyInput,
  trustedRootPath?: string
): Promise<SignatureCheck> {
  let trustedRoot: Buffer | undefined
  if (trustedRootPath !== undefined) {
    try {
      trustedRoot = readBoundedSync(trustedRootPath, READ_LIMITS.trustedRoot)
    } catch (e) {
      return { verified: false, code: 'TRUSTED_ROOT_INVALID', error: oneLine(e) }
    }
  }
  const r = verifyBundle({
    bundle: bundleJson,
    artifact: { bytes: fileBytes },
    trustedRoot,
    policy: { kind: 'identity', identity: policy.identity, issuer: policy.issuer }
  })
  const out: SignatureCheck = {
    verified: r.verified,
    identity: r.signer?.identity,
    issuer: r.signer?.issuer,
    logIndex: r.tlog?.[0]?.logIndex
  }
  if (r.verified && r.content !== 'messageSignature')
    return {
      verified: false,
      code: 'BUNDLE_INVALID',
      error: 'receipt bundle is not a message signature'
    }
  if (!r.verified) {
    out.code = r.code
    out.error = r.error
  }
  return out
}
