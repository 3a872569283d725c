import { join, resolve } from 'node:path'
import { writeFilesAtomically } from '../atomic-file.js'
import type { SigningPlan } from '../attest/signing-types.js'
import {
  rekorEntryOf,
  rekorTagRefs,
  trustedLogURL,
  type RekorEntryRef
} from '../sigstore/rekor-entry.js'
import { signStatement } from '../attest/sign.js'
import { QprovError } from '../errors.js'
import { READ_LIMITS, readBoundedSync } from '../read-file.js'
import { parseInstanceCrn } from '../proof/crn.js'
import { parseTags, sameRefs } from '../proof/tags.js'
import {
  DIGESTED_FILES,
  bindingBytes,
  checkBinding,
  sha256Digest,
  type BindingDocument,
  type TransparencyEntry
} from '../proof/binding-document.js'
import { bindingStatementPayload, receiptFileBytes } from '../proof/binding-statement.js'
import { certificateSigner } from '../sigstore/certificate-signer.js'
import { PROOF_FILES } from '../proof/layout.js'
import { parseRuntimeJob, type RuntimeJobRecord } from '../proof/runtime-job-file.js'

export interface BindOptions {
  /** statement.json, statement.sigstore.json and workload.manifest.json (the attest --out). */
  attestationDir: string
  /** Holds runtime-job.json; receives the complete proof bundle. */
  outDir: string
  /** Resolved by the caller: `tag` resolves it before it changes any tag. */
  plan: SigningPlan
  onProgress?: (message: string) => void
}

export interface BoundProof {
  binding: BindingDocument
  bindingDigest: string
  rekor?: RekorEntryRef
  /** file name → absolute path, every file of the proof bundle. */
  files: Record<string, string>
  /** file name → sha256:<hex> of the bytes this run bound: what may be published, and nothing else. */
  digests: Record<string, string>
}

function readIn(dir: string, name: string): Buffer {
  // Every file of a proof bundle fits the largest of them, the signed bundle.
  return readBoundedSync(join(dir, name), { what: name, maxBytes: READ_LIMITS.bundle.maxBytes })
}

function parseJson(bytes: Buffer, what: string): unknown {
  try {
    return JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new QprovError('INPUT_NOT_JSON', `${what} is not JSON`)
  }
}

/**
 * What binding.json records of the statement's log entry. A v2 shard is recorded by the base URL
 * a trusted root lists for its log ID, so a verifier with that root finds the same shard.
 */
export function transparencyEntryOf(
  rekor: RekorEntryRef | undefined,
  trustedRoots: unknown[]
): TransparencyEntry | null {
  if (rekor === undefined) return null
  if (rekor.apiVersion === 1)
    return { log: 'rekor', uuid: rekor.uuid, log_index: Number(rekor.logIndex) }
  const baseUrl = trustedLogURL(trustedRoots, rekor.logId)
  if (baseUrl === undefined)
    throw new QprovError(
      'TRUSTED_ROOT_INVALID',
      `the statement is logged in Rekor v2 log ${rekor.logId}, which no trusted root known to ` +
        'this command lists (the embedded public-good root, the sandbox root, --trusted-root FILE)'
    )
  return {
    log: 'rekor',
    api_version: 2,
    base_url: baseUrl,
    log_id: rekor.logId,
    log_index: Number(rekor.logIndex)
  }
}

/** Builds binding.json from the attestation and the job record; refuses a record of other evidence. */
export function buildBinding(
  files: Record<string, Buffer>,
  job: RuntimeJobRecord,
  trustedRoots: unknown[]
): BindingDocument {
  const statementDigest = sha256Digest(files[PROOF_FILES.statement])
  const packageDigest = sha256Digest(files[PROOF_FILES.manifest])
  const bundle = parseJson(files[PROOF_FILES.statementBundle], PROOF_FILES.statementBundle)
  const rekor = rekorEntryOf(bundle)
  const refs = parseTags(job.tags).refs
  const expected = { statementDigest, packageDigest, ...rekorTagRefs(rekor) }
  // The Rekor UUID tag may have been left out for room; the other tags must all be there.
  if (!refs || !sameRefs({ ...refs, rekorUuid: expected.rekorUuid }, expected))
    throw new QprovError(
      'PROOF_MISMATCH',
      `job ${job.jobId} is not tagged with this attestation (statement ${statementDigest})`
    )
  if (refs.rekorUuid !== undefined && refs.rekorUuid !== expected.rekorUuid)
    throw new QprovError('PROOF_MISMATCH', `job ${job.jobId} carries another Rekor UUID`)
  const receipt = JSON.parse(files[PROOF_FILES.receipt].toString('utf8')) as Record<string, unknown>
  const commit = (receipt.commit as { sha?: unknown } | undefined)?.sha
  const doc: BindingDocument = {
    schema: 'https://qprov.dev/binding/v1',
    runtime: {
      provider: 'qiskit-runtime',
      session_id: job.sessionId ?? null,
      job_id: job.jobId,
      instance: { crn: job.instanceCRN, region: parseInstanceCrn(job.instanceCRN).location },
      backend: job.backend ?? null,
      // Only qprov 0.1's `tag` wrote records without it, and there the job chose its backend.
      backend_source: job.backendSource ?? 'runtime',
      program: job.program ?? null,
      created: job.created ?? null,
      ...(job.targetCheck ? { target_check: { ...job.targetCheck } } : {})
    },
    provenance: {
      aiir_statement: statementDigest,
      transparency_entry: transparencyEntryOf(rekor, trustedRoots),
      workload_package: packageDigest,
      receipt: {
        receipt_id: String(receipt.receipt_id),
        content_hash: String(receipt.content_hash),
        commit: String(commit)
      },
      signer: certificateSigner(bundle)
    },
    files: Object.fromEntries(
      DIGESTED_FILES.map(name => [name, sha256Digest(files[name])])
    ) as BindingDocument['files']
  }
  return checkBinding(JSON.parse(JSON.stringify(doc)))
}

/**
 * The last step of `submit` and `tag`: receipt.json and binding.json are derived, the
 * runtime-binding statement is signed and logged like the workload statement, and the complete
 * proof bundle is written into outDir, all of its new files or none.
 */
export async function bindProofBundle(opts: BindOptions): Promise<BoundProof> {
  const files: Record<string, Buffer> = {}
  for (const name of [PROOF_FILES.statement, PROOF_FILES.statementBundle, PROOF_FILES.manifest])
    files[name] = readIn(opts.attestationDir, name)
  files[PROOF_FILES.runtimeJob] = readIn(opts.outDir, PROOF_FILES.runtimeJob)
  files[PROOF_FILES.receipt] = receiptFileBytes(files[PROOF_FILES.statement])
  const job = parseRuntimeJob(files[PROOF_FILES.runtimeJob])
  const binding = buildBinding(files, job, opts.plan.trustedRoots)
  const bytes = bindingBytes(binding)
  opts.onProgress?.(`signing the runtime binding of job ${job.jobId}`)
  const signed = await signStatement(bindingStatementPayload(binding), opts.plan, {
    onProgress: opts.onProgress
  })
  const sameDir = resolve(opts.attestationDir) === resolve(opts.outDir)
  const out: [string, Buffer][] = [
    ...(sameDir
      ? []
      : ([PROOF_FILES.statement, PROOF_FILES.statementBundle, PROOF_FILES.manifest].map(n => [
          n,
          files[n]
        ]) as [string, Buffer][])),
    [PROOF_FILES.receipt, files[PROOF_FILES.receipt]],
    [PROOF_FILES.binding, bytes],
    [PROOF_FILES.bindingBundle, Buffer.from(`${JSON.stringify(signed.bundle)}\n`)]
  ]
  const written = await writeFilesAtomically(opts.outDir, out)
  const all = Object.fromEntries(
    Object.values(PROOF_FILES).map(n => [n, written[n] ?? resolve(opts.outDir, n)])
  )
  const bundleBytes = out.find(([n]) => n === PROOF_FILES.bindingBundle)?.[1] as Buffer
  const digests: Record<string, string> = {
    ...binding.files,
    [PROOF_FILES.binding]: sha256Digest(bytes),
    [PROOF_FILES.bindingBundle]: sha256Digest(bundleBytes)
  }
  return {
    binding,
    bindingDigest: sha256Digest(bytes),
    ...(signed.rekor ? { rekor: signed.rekor } : {}),
    files: all,
    digests
  }
}
