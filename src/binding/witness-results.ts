/**
 * `qprov results`: once the bound job is final, fetch what IBM serves for it (results, metrics,
 * the calibration snapshot in force when it ran), store the bytes exactly as served, and sign
 * and log a results statement over their digests, tied to this bundle's binding. All five files
 * of the results layer are written into the bundle together, or none.
 */
import { writeFilesAtomically } from '../atomic-file.js'
import { signStatement, type LoggedEntry } from '../attest/sign.js'
import type { SigningPlan } from '../attest/signing-types.js'
import { QprovError } from '../errors.js'
import { parseBinding, sha256Digest } from '../proof/binding-document.js'
import { PROOF_FILES, RESULTS_FILES } from '../proof/layout.js'
import { readBoundedFile } from '../proof/proof-bundle.js'
import { resultsStatementBytes, type ResultsPredicate } from '../proof/results-statement.js'
import type { RuntimeApi, RuntimeJob } from '../runtime/client.js'
import {
  fetchCalibrationSnapshot,
  fetchJobMetrics,
  fetchResultsBytes
} from '../runtime/job-outputs.js'
import { requireCompleted, waitForFinalState } from '../runtime/job-wait.js'
import { join } from 'node:path'

export interface WitnessOptions {
  api: RuntimeApi
  jobId: string
  /** A proof bundle directory (binding.json, statement.json, …) of this job. */
  bundleDir: string
  wait: boolean
  timeoutMs?: number
  /** Resolved only once the job completed: a token is not minted for a job that failed. */
  plan: () => Promise<SigningPlan>
  onState?: (job: RuntimeJob, elapsedMs: number) => void
  onProgress?: (message: string) => void
  /** For tests: the clock of fetched_at and of the wait. */
  now?: () => number
  sleep?: (ms: number) => Promise<void>
}

export interface WitnessedResults {
  jobId: string
  predicate: ResultsPredicate
  statementDigest: string
  rekor?: LoggedEntry
  /** file name → absolute path of the results layer. */
  files: Record<string, string>
  /** file name → sha256 of every file written. */
  digests: Record<string, string>
}

function bundleFile(dir: string, name: string): Buffer {
  const bytes = readBoundedFile(join(dir, name))
  if (bytes === undefined)
    throw new QprovError(
      'INPUT_NOT_FOUND',
      `${dir} has no ${name}: is it a proof bundle directory?`
    )
  return bytes
}

export async function witnessResults(opts: WitnessOptions): Promise<WitnessedResults> {
  const bindingBytes = bundleFile(opts.bundleDir, PROOF_FILES.binding)
  const statement = bundleFile(opts.bundleDir, PROOF_FILES.statement)
  const binding = parseBinding(bindingBytes)
  if (binding.runtime.job_id !== opts.jobId)
    throw new QprovError(
      'INPUT_INVALID',
      `${opts.bundleDir} binds job ${binding.runtime.job_id}, not ${opts.jobId}`
    )
  const job = await waitForFinalState(opts.api, opts.jobId, {
    wait: opts.wait,
    ...(opts.timeoutMs !== undefined ? { timeoutMs: opts.timeoutMs } : {}),
    ...(opts.onState ? { onState: opts.onState } : {}),
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.sleep ? { sleep: opts.sleep } : {})
  })
  requireCompleted(job)
  const backend = job.backend ?? binding.runtime.backend
  if (!backend || (binding.runtime.backend && backend !== binding.runtime.backend))
    throw new QprovError(
      'PROOF_MISMATCH',
      `job ${job.id} ran on ${backend ?? 'no backend'}, the binding names ${binding.runtime.backend}`
    )
  opts.onProgress?.(`fetching the results, metrics and calibration of job ${job.id}`)
  const results = await fetchResultsBytes(opts.api, job.id)
  if (results === undefined)
    throw new QprovError('RUNTIME_BAD_RESPONSE', `job ${job.id} is Completed but has no results`)
  const metrics = await fetchJobMetrics(opts.api, job.id)
  const ranAt = metrics.running ?? metrics.finished
  if (ranAt === null)
    throw new QprovError('RUNTIME_BAD_RESPONSE', `the metrics of job ${job.id} say no running time`)
  const snapshot = await fetchCalibrationSnapshot(opts.api, backend, ranAt)
  const data: [string, Buffer][] = [
    [RESULTS_FILES.results, results],
    [RESULTS_FILES.jobMetrics, metrics.bytes],
    [RESULTS_FILES.backendProperties, snapshot.bytes]
  ]
  const predicate: ResultsPredicate = {
    job_id: job.id,
    binding: sha256Digest(bindingBytes),
    workload_statement: sha256Digest(statement),
    backend,
    status: job.status,
    timestamps: { created: metrics.created, running: metrics.running, finished: metrics.finished },
    usage: metrics.usage,
    calibration: { last_update_date: snapshot.lastUpdateDate },
    fetched_at: new Date((opts.now ?? Date.now)()).toISOString(),
    files: {
      'results.json': sha256Digest(results),
      'job-metrics.json': sha256Digest(metrics.bytes),
      'backend-properties.json': sha256Digest(snapshot.bytes)
    }
  }
  const payload = resultsStatementBytes(predicate)
  opts.onProgress?.(`signing the results statement of job ${job.id}`)
  const signed = await signStatement(payload, await opts.plan(), { onProgress: opts.onProgress })
  const out: [string, Buffer][] = [
    ...data,
    [RESULTS_FILES.statement, payload],
    [RESULTS_FILES.bundle, Buffer.from(`${JSON.stringify(signed.bundle)}\n`)]
  ]
  const files = await writeFilesAtomically(opts.bundleDir, out)
  return {
    jobId: job.id,
    predicate,
    statementDigest: sha256Digest(payload),
    ...(signed.rekor ? { rekor: signed.rekor } : {}),
    files,
    digests: Object.fromEntries(out.map(([n, b]) => [n, sha256Digest(b)]))
  }
}
