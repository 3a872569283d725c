import { availableParallelism } from 'node:os'
import { checkPolicyShape } from '../sigstore/identity-policy.js'
import { prepareTrustMaterial, type PreparedTrust } from '../sigstore/verify-bundle.js'
import { expandBundlePaths, type LoadedProofBundle } from '../proof/proof-bundle.js'
import { QprovError } from '../errors.js'
import { cleanDeep } from '../untrusted-text.js'
import { buildManifest } from '../workload/manifest.js'
import { onlineRuntime } from './online-check.js'
import { onlineResults } from './results-online.js'
import type { CheckOptions, JobReader, VerifyOptions } from './options.js'
import { readWorkloadSpecs, signedCircuitsOf } from './signed-workload.js'
import { decide, verifyBundleFiles } from './verify-bundle-files.js'
import { verifyPath } from './verify-path.js'
import type { BundleVerdict } from './verdict.js'
import { verifyOnWorkers } from './worker-pool.js'

export type { JobReader, VerifyOptions } from './options.js'
export type { BundleVerdict } from './verdict.js'

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
  const trust = trustOf(options.trustedRoot)
  const opts = checkOptionsOf(options)
  if (options.workload !== undefined) {
    const cwd = options.workload.cwd ?? process.cwd()
    const m = await buildManifest(options.workload.paths, { cwd })
    opts.workloadManifest = new Uint8Array(m.canonicalBytes)
    opts.workloadSpecs = readWorkloadSpecs(m, cwd)
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
  if (options.online !== undefined)
    for (const v of verdicts) await withOnlineCheck(options.online.api, v, opts, undefined)
  // Paths, job IDs and details quote bundle files and server answers: cleaned once, here, for
  // every renderer (text, --json, HTML, job summary, check run).
  return verdicts.map(v => cleanDeep(v))
}

function checkOptionsOf(options: VerifyOptions): CheckOptions {
  return {
    policy: { ...options.policy },
    aiPolicy: options.aiPolicy ?? 'any',
    ...(options.trustedRoot !== undefined ? { trustedRoot: options.trustedRoot } : {}),
    ...(options.profile ? { profile: options.profile } : {}),
    ...(options.jobId !== undefined ? { jobId: options.jobId } : {}),
    ...(options.requireResults ? { requireResults: true } : {})
  }
}

/** `files`: the bundle's files when in memory; otherwise they are read again from its path. */
async function withOnlineCheck(
  api: JobReader,
  v: BundleVerdict,
  opts: CheckOptions,
  files: LoadedProofBundle['files'] | undefined
): Promise<BundleVerdict> {
  const live = await onlineRuntime(api, v, await signedCircuitsOf(v, files, opts.workloadSpecs))
  const results = await onlineResults(api, v)
  v.checks = v.checks.map(c =>
    c.name === 'online-runtime' ? live : c.name === 'results-online' ? results : c
  )
  return decide(v)
}

// One way to the trust material for both entries: `qprov audit` builds a verifier per job, all
// with one root, so the material of a root's exact text is built once (its certificates parsed
// and DER-encoded once) and never changed after.
const prepared = new Map<string, PreparedTrust>()

function trustOf(trustedRoot: Buffer | string | undefined): PreparedTrust {
  const key =
    trustedRoot === undefined
      ? 'embedded'
      : `text:${Buffer.isBuffer(trustedRoot) ? trustedRoot.toString('utf8') : trustedRoot}`
  let trust = prepared.get(key)
  if (trust === undefined) {
    trust = prepareTrustMaterial(trustedRoot)
    if (prepared.size >= 4) prepared.clear()
    prepared.set(key, trust)
  }
  return trust
}

/** A verifier for proof bundles already in memory (fetch's candidates), trust prepared once. */
export interface FilesVerifier {
  verify(bundle: LoadedProofBundle): Promise<BundleVerdict>
}

/**
 * Verifies in-memory proof bundles exactly as verifyProofBundles() verifies a path; with
 * `online`, each bundle's job is also compared with the live job (`online-runtime`).
 */
export function filesVerifier(options: Omit<VerifyOptions, 'workload' | 'workers'>): FilesVerifier {
  checkPolicyShape(options.policy)
  const trust = trustOf(options.trustedRoot)
  const opts = checkOptionsOf(options)
  return {
    async verify(bundle) {
      const v = verifyBundleFiles(bundle, opts, trust)
      return cleanDeep(
        options.online ? await withOnlineCheck(options.online.api, v, opts, bundle.files) : v
      )
    }
  }
}
