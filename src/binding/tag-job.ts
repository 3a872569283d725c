import { planSigning } from '../attest/sign.js'
import type { SigningConfig } from '../attest/signing-types.js'
import { QprovError } from '../errors.js'
import { checkJobId } from '../runtime/input-checks.js'
import { mergeProvenanceTags, type ProvenanceRefs } from '../proof/tags.js'
import { bindProofBundle, type BoundProof } from './bind.js'
import { readAttestationRefs } from './attestation-refs.js'
import { jobExistsError } from './job-exists.js'
import { jobRecord, writeJobRecord } from './job-record.js'
import { checkOutputDir } from '../output-dir.js'
import { PROOF_FILES } from '../proof/layout.js'
import type { Connect, RebindHint } from './runtime-target.js'

export interface TagJobOptions {
  jobId: string
  /** The output directory of an attest step. */
  attestationDir: string
  /** Where runtime-job.json goes. */
  outDir: string
  /** Called after the attestation files were read, so a missing file fails before any request. */
  connect: Connect
  hint: RebindHint
  /** When given, the tagging ends by signing the binding and writing the proof bundle. */
  signing?: SigningConfig | (() => SigningConfig)
  env?: Record<string, string | undefined>
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
  binding?: BoundProof
}

/**
 * Adds an attestation's provenance tags to an existing job, keeping its other tags, reads them
 * back and writes runtime-job.json. Any failure after the job was found names it and the hint.
 */
export async function tagJob(opts: TagJobOptions, hooks: TagJobHooks = {}): Promise<TaggedJob> {
  checkJobId(opts.jobId)
  const refs = readAttestationRefs(opts.attestationDir)
  checkOutputDir(opts.outDir, { what: 'output directory', files: Object.values(PROOF_FILES) })
  // Signing settings are input too: refuse bad ones before the job is read or changed.
  const signing = typeof opts.signing === 'function' ? opts.signing() : opts.signing
  const { api, instanceCRN, runtimeURL } = opts.connect()
  // The token too, as the first request: a missing `id-token: write` must not leave a job
  // tagged but unbound.
  const plan = signing ? await planSigning(signing, opts.env ?? process.env) : undefined
  const job = await api.getJob(opts.jobId)
  hooks.onJob?.(job.id)
  const hint = (id: string) => opts.hint(id, instanceCRN)
  // Limits and conflicts are checked here, before any PUT.
  const merged = mergeProvenanceTags(job.tags, refs)
  const unchanged = merged.length === job.tags.length && merged.every(t => job.tags.includes(t))
  let tags = job.tags
  if (unchanged) hooks.onProgress?.('the job already carries these tags')
  else {
    try {
      tags = await api.replaceTags(job.id, merged)
    } catch (e) {
      throw jobExistsError(e, job.id, hint)
    }
    const missing = merged.filter(t => !tags.includes(t))
    if (missing.length > 0)
      throw jobExistsError(
        new QprovError(
          'RUNTIME_TAGS_REJECTED',
          `tags missing after the update: ${missing.join(', ')}`
        ),
        job.id,
        hint
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
        ...(job.created ? { created: job.created } : {}),
        instanceCRN,
        runtimeURL,
        tags,
        backendSource: 'runtime'
      },
      refs
    ),
    hint
  )
  const binding = plan
    ? await bindProofBundle({
        attestationDir: opts.attestationDir,
        outDir: opts.outDir,
        plan,
        onProgress: hooks.onProgress
      }).catch(e => {
        throw jobExistsError(e, job.id, hint)
      })
    : undefined
  return { jobId: job.id, tags, refs, unchanged, recordPath, ...(binding ? { binding } : {}) }
}
