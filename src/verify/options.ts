import type { IdentityPolicy } from '../attest/identity-policy.js'
import type { ThresholdProfile } from '../attest/verify-bundle.js'
import type { RuntimeApi } from '../runtime/client.js'

export const AI_POLICIES = ['any', 'declared-only', 'no-ai'] as const
export type AiPolicy = (typeof AI_POLICIES)[number]

/** What `qprov verify` and the action's verify mode pass to verifyProofBundles(). */
export interface VerifyOptions {
  /** trusted_root.json text (one root or JSON lines); default: the embedded public-good root. */
  trustedRoot?: string
  /** Who must have signed both statements: exact identity or anchored regexp, plus exact issuer. */
  policy: IdentityPolicy
  /** Sigstore thresholds (default public-good: tlog, ctlog and timestamp 1). */
  profile?: ThresholdProfile
  /** Re-hash these workload paths (relative to cwd) and require the signed manifest. */
  workload?: { paths: string[]; cwd?: string }
  /** Default `any`. */
  aiPolicy?: AiPolicy
  /** Fetch each job live and compare ID, tags and backend (check `online-runtime`). */
  online?: { api: RuntimeApi }
  /** Worker threads for a batch; default the CPU count; 0 or 1 verifies on this thread. */
  workers?: number
}

/** The part of the options a worker thread needs: plain data only. */
export interface CheckOptions {
  trustedRoot?: string
  policy: IdentityPolicy
  profile?: ThresholdProfile
  aiPolicy: AiPolicy
  /** Canonical bytes of the re-hashed workload manifest, when --workload was given. */
  workloadManifest?: Uint8Array
}
