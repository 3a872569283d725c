import { availableParallelism } from 'node:os'
import { checkPolicyShape } from '../sigstore/identity-policy.js'
import { prepareTrustMaterial } from '../sigstore/verify-bundle.js'
import { expandBundlePaths } from '../proof/proof-bundle.js'
import { QprovError } from '../errors.js'
import { buildManifest } from '../workload/manifest.js'
import { onlineRuntime } from './online-check.js'
import type { CheckOptions, VerifyOptions } from './options.js'
import { decide } from './verify-bundle-files.js'
import { verifyPath } from './verify-path.js'
import type { BundleVerdict } from './verdict.js'
import { verifyOnWorkers } from './worker-pool.js'

export type { AiPolicy, VerifyOptions } from './options.js'
export { AI_POLICIES } from './options.js'
export type {
  BundleVerdict,
  CheckName,
  CheckResult,
  FindingKind,
  Mismatch,
  SkipReason
} from './verdict.js'
export { CHECK_NAMES, CHECK_RULES } from './verdict.js'

/**
 * Verifies proof bundles (directories, single files, or directories of them) offline against the
 * pinned trust root and policy in options, and returns one verdict per bundle in input order.
 * Bad options (policy, trusted root, workload) throw a QprovError (exit 2); a bundle that does
 * not verify is a verdict with ok=false, never an exception.
 */
export async function verifyProofBundles(
  paths: string[],
  options: VerifyOptions
): Promise<BundleVerdict[]> {
  checkPolicyShape(options.policy)
  const trust = prepareTrustMaterial(options.trustedRoot)
  const opts: CheckOptions = {
    policy: { ...options.policy },
    aiPolicy: options.aiPolicy ?? 'any',
    ...(options.trustedRoot !== undefined ? { trustedRoot: options.trustedRoot } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.jobId !== undefined ? { jobId: options.jobId } : {})
  }
  if (options.workload !== undefined) {
    const m = await buildManifest(options.workload.paths, {
      cwd: options.workload.cwd ?? process.cwd()
    })
    opts.workloadManifest = new Uint8Array(m.canonicalBytes)
  }
  const bundles = await expandBundlePaths(paths)
  // Fail closed: "every bundle verified" over no bundle at all is not a pass.
  if (bundles.length === 0) throw new QprovError('USAGE', 'no proof bundle to verify')
  const workers = Math.max(0, Math.floor(options.workers ?? availableParallelism()))
  let verdicts: BundleVerdict[]
  if (workers <= 1 || bundles.length <= 1) {
    verdicts = []
    for (const p of bundles) verdicts.push(await verifyPath(p, opts, trust))
  } else verdicts = await verifyOnWorkers(bundles, opts, workers)
  if (options.online !== undefined) {
    const api = options.online.api
    for (const v of verdicts) {
      const live = await onlineRuntime(api, v)
      v.checks = v.checks.map(c => (c.name === 'online-runtime' ? live : c))
      decide(v)
    }
  }
  return verdicts
}
