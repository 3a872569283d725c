import { attestWorkload, type AttestResult, type SigningConfig } from '../attest/pipeline.js'
import { findJobSpec, loadJobSpec, renderJobBody } from './job-spec.js'
import { jobRecord, refsOfAttestation, writeJobRecord } from './job-record.js'
import { submitJob, type SubmitHooks } from './submit.js'
import { withJobId, type RuntimeTarget } from './tag-job.js'
import { assertTagLimits, formatProvenanceTags, parseTags, type ProvenanceRefs } from './tags.js'

export interface SubmitAttestOptions {
  /** Resolved only once the tag limits passed, so a bad tag fails before signing is configured. */
  signing: SigningConfig | (() => SigningConfig)
  receiptFile?: string
  commit?: string
  declareAi?: string[]
}

export interface SubmitWorkloadOptions {
  /** Workload paths or globs, relative to cwd; one holds qprov.job.json. */
  workload: string[]
  cwd: string
  /** Called first, so a missing instance or API key fails before anything is read. */
  connect: () => RuntimeTarget
  backend?: string
  /** Extra user tags besides those in the job spec. */
  tags?: string[]
  /** Attest first and tag the job with the attestation; false submits with user tags only. */
  attest: SubmitAttestOptions | false
  /** Where the attestation and runtime-job.json go. */
  outDir: string
  /** What to tell the user when the job exists but is not bound, e.g. the re-tag command. */
  hint: (jobId: string, instanceCRN: string) => string
  env?: Record<string, string | undefined>
}

export interface SubmitWorkloadHooks extends SubmitHooks {
  /** Attestation finished; the job is not submitted yet. */
  onAttested?: (result: AttestResult) => void
}

export interface SubmittedWorkload {
  jobId: string
  sessionId?: string
  backend: string
  program: string
  /** The tags as read back from the service. */
  tags: string[]
  /** True when the create answer was lost and the job was found again by its tag. */
  recovered: boolean
  refs?: ProvenanceRefs
  attestation?: AttestResult
  /** runtime-job.json */
  recordPath: string
}

/**
 * workload → attestation → job with provenance tags in its create body → tags read back →
 * runtime-job.json. hooks.onJobId fires as soon as the job exists; any later failure names the job.
 */
export async function submitWorkload(
  opts: SubmitWorkloadOptions,
  hooks: SubmitWorkloadHooks = {}
): Promise<SubmittedWorkload> {
  const { api, instanceCRN, runtimeURL } = opts.connect()
  const loaded = loadJobSpec(findJobSpec(opts.workload, opts.cwd))
  const userTags = [...(loaded.spec.tags ?? []), ...(opts.tags ?? [])]
  parseTags(userTags)
  // qprov adds at least three tags; say so now rather than after signing.
  if (opts.attest) assertTagLimits([...userTags, 'qprov:v1', 'stmt', 'pkg'], userTags.length)
  let refs: ProvenanceRefs | undefined
  let attestation: AttestResult | undefined
  if (opts.attest) {
    const { signing, receiptFile, commit, declareAi } = opts.attest
    attestation = await attestWorkload({
      workload: opts.workload,
      cwd: opts.cwd,
      ...(receiptFile ? { receiptFile } : {}),
      ...(commit ? { commit } : {}),
      ...(declareAi?.length ? { declareAi } : {}),
      signing: typeof signing === 'function' ? signing() : signing,
      outDir: opts.outDir,
      onProgress: hooks.onProgress,
      ...(opts.env ? { env: opts.env } : {})
    })
    refs = refsOfAttestation(attestation)
    hooks.onAttested?.(attestation)
  }
  const tags = [...userTags, ...(refs ? formatProvenanceTags(refs) : [])]
  const parsed = parseTags(tags)
  assertTagLimits(tags, parsed.userTags.length)
  const body = renderJobBody(loaded, { backend: opts.backend, tags })
  const stmtTag = refs ? formatProvenanceTags(refs)[1] : undefined
  hooks.onProgress?.(`submitting the ${body.program_id} job to ${body.backend}`)
  let jobId: string | undefined
  const submitted = await submitJob(
    api,
    { body, mode: loaded.spec.mode, recoveryTag: stmtTag },
    {
      ...hooks,
      onJobId: (id, sessionId) => {
        jobId = id
        hooks.onJobId?.(id, sessionId)
      }
    }
  ).catch(e => {
    if (jobId === undefined) throw e
    const hint = refs ? opts.hint(jobId, instanceCRN) : 'its tags could not be confirmed'
    throw withJobId(e, jobId, hint)
  })
  const recordPath = writeJobRecord(
    opts.outDir,
    jobRecord(
      {
        jobId: submitted.jobId,
        ...(submitted.sessionId ? { sessionId: submitted.sessionId } : {}),
        backend: submitted.backend,
        program: body.program_id,
        instanceCRN,
        runtimeURL,
        tags: submitted.tags
      },
      refs
    )
  )
  return {
    ...submitted,
    program: body.program_id,
    ...(refs ? { refs } : {}),
    ...(attestation ? { attestation } : {}),
    recordPath
  }
}
