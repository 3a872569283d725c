import { QprovError, oneLine } from '../errors.js'
import { checkOutputDir } from '../output-dir.js'
import { readAttestationRefs } from './attestation-refs.js'
import { looksLikeSecretName } from './connection.js'
import { checkJobId } from './inputs.js'
import type { RuntimeApi } from './client.js'
import { RUNTIME_JOB_FILE, jobRecord, writeJobRecord } from './job-record.js'
import { mergeProvenanceTags, type ProvenanceRefs } from './tags.js'

/** A connected Runtime client and where it points (for runtime-job.json). */
export interface RuntimeTarget {
  api: RuntimeApi
  instanceCRN: string
  runtimeURL: string
}

/** The connection flags a re-tag command must repeat so that it reaches the same service. */
export interface RetagFlags {
  sandbox?: string
  runtimeUrl?: string
  iamUrl?: string
  apiKeyEnv?: string
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_/.:=@,+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`
}

/** The exact CLI command that binds the job to the attestation again. */
export function retagCommand(
  jobId: string,
  attestationDir: string,
  flags: RetagFlags,
  instanceCRN: string
): string {
  const args = ['qprov', 'tag', '--job', jobId, '--attestation', attestationDir]
  args.push('--instance', instanceCRN)
  if (flags.sandbox) args.push('--sandbox', flags.sandbox)
  if (flags.runtimeUrl) args.push('--runtime-url', flags.runtimeUrl)
  if (flags.iamUrl) args.push('--iam-url', flags.iamUrl)
  // A key-like "name" is never echoed: the user substitutes their variable's real name.
  if (flags.apiKeyEnv)
    args.push(
      '--api-key-env',
      looksLikeSecretName(flags.apiKeyEnv) ? 'YOUR_KEY_VARIABLE' : flags.apiKeyEnv
    )
  args.push('--out', attestationDir)
  return args.map(shellQuote).join(' ')
}

/** Re-throws e with the job ID in its message and details: the job exists whatever failed. */
export function withJobId(e: unknown, jobId: string, hint: string): QprovError {
  const q = e instanceof QprovError ? e : new QprovError('INTERNAL', oneLine(e))
  return new QprovError(q.code, `${oneLine(q)}. Job ${jobId} exists; ${hint}`, {
    cause: e,
    exitCode: q.exitCode,
    details: { ...q.details, jobId }
  })
}

export interface TagJobOptions {
  jobId: string
  /** The output directory of an attest step. */
  attestationDir: string
  /** Where runtime-job.json goes. */
  outDir: string
  /** Called after the attestation files were read, so a missing file fails before any request. */
  connect: () => RuntimeTarget
  /** What to tell the user when the job exists but is not bound, e.g. the re-tag command. */
  hint: (jobId: string, instanceCRN: string) => string
}

export interface TagJobHooks {
  /** The job was found; called before any update. */
  onJob?: (jobId: string) => void
  onProgress?: (message: string) => void
}

export interface TaggedJob {
  jobId: string
  /** The tags as read back after the update. */
  tags: string[]
  refs: ProvenanceRefs
  /** True when the job already carried exactly these tags and nothing was sent. */
  unchanged: boolean
  recordPath: string
}

/**
 * Adds an attestation's provenance tags to an existing job, keeping its other tags, reads them
 * back and writes runtime-job.json. Any failure after the job was found names it and the hint.
 */
export async function tagJob(opts: TagJobOptions, hooks: TagJobHooks = {}): Promise<TaggedJob> {
  checkJobId(opts.jobId)
  const refs = readAttestationRefs(opts.attestationDir)
  checkOutputDir(opts.outDir, { what: 'output directory', files: [RUNTIME_JOB_FILE] })
  const { api, instanceCRN, runtimeURL } = opts.connect()
  const job = await api.getJob(opts.jobId)
  hooks.onJob?.(job.id)
  const hint = () => opts.hint(job.id, instanceCRN)
  // Limits and conflicts are checked here, before any PUT.
  const merged = mergeProvenanceTags(job.tags, refs)
  const unchanged = merged.length === job.tags.length && merged.every(t => job.tags.includes(t))
  let tags = job.tags
  if (unchanged) hooks.onProgress?.('the job already carries these tags')
  else {
    try {
      tags = await api.replaceTags(job.id, merged)
    } catch (e) {
      throw withJobId(e, job.id, hint())
    }
    const missing = merged.filter(t => !tags.includes(t))
    if (missing.length > 0)
      throw withJobId(
        new QprovError(
          'RUNTIME_TAGS_REJECTED',
          `tags missing after the update: ${missing.join(', ')}`
        ),
        job.id,
        hint()
      )
  }
  const recordPath = writeJobRecord(
    opts.outDir,
    jobRecord(
      {
        jobId: job.id,
        ...(job.session_id ? { sessionId: job.session_id } : {}),
        ...(job.backend ? { backend: job.backend } : {}),
        ...(job.program ? { program: job.program } : {}),
        instanceCRN,
        runtimeURL,
        tags
      },
      refs
    )
  )
  return { jobId: job.id, tags, refs, unchanged, recordPath }
}
