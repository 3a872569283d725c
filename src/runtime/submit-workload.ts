import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { resolveEndpoints } from '../attest/instances.js'
import {
  OUTPUT_NAMES,
  attestWorkload,
  type AttestResult,
  type SigningConfig
} from '../attest/pipeline.js'
import { QprovError } from '../errors.js'
import { checkBackend } from './inputs.js'
import { findJobSpec, loadJobSpec, renderJobBody } from './job-spec.js'
import { RUNTIME_JOB_FILE, jobRecord, refsOfAttestation, writeJobRecord } from './job-record.js'
import { submitJob, type SubmitHooks } from './submit.js'
import { checkTarget } from './target-check.js'
import { withJobId, type RuntimeTarget } from './tag-job.js'
import {
  assertTagLimits,
  fitProvenanceTags,
  formatProvenanceTags,
  parseTags,
  requiredQprovTagCount,
  type ProvenanceRefs
} from './tags.js'

export interface SubmitAttestOptions {
  /** Resolved once the minimal tag count passed; then the exact count (Rekor or not) is checked. */
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
  /** Submit without checking the circuits against the backend's configuration. */
  skipTargetCheck?: boolean
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

/** Signing with these settings logs to Rekor, so the tags will carry a log index. */
function signsIntoRekor(
  signing: SigningConfig,
  env: Record<string, string | undefined> | undefined
): boolean {
  const { instance, fulcioURL, rekorURL, tsaURL } = signing
  return resolveEndpoints(instance, { fulcioURL, rekorURL, tsaURL }, env).rekorURL !== undefined
}

function assertQprovRoom(userTags: string[], withRekor: boolean): void {
  const placeholders = Array.from(
    { length: requiredQprovTagCount(withRekor) },
    (_, i) => `qprov-${i}`
  )
  assertTagLimits([...userTags, ...placeholders], userTags.length)
}

/** A second submit into one --out would replace the first job's statement and record. */
function refuseUsedOutDir(outDir: string): void {
  for (const name of [RUNTIME_JOB_FILE, OUTPUT_NAMES.statement]) {
    const path = join(outDir, name)
    if (existsSync(path))
      throw new QprovError(
        'USAGE',
        `${path} already exists (from an earlier attest or submit); choose a new --out directory`
      )
  }
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
  checkBackend(
    opts.backend ?? loaded.spec.backend,
    opts.backend ? '--backend' : 'backend in qprov.job.json'
  )
  const userTags = [...(loaded.spec.tags ?? []), ...(opts.tags ?? [])]
  parseTags(userTags)
  let refs: ProvenanceRefs | undefined
  let attestation: AttestResult | undefined
  refuseUsedOutDir(opts.outDir)
  let signing: SigningConfig | undefined
  if (opts.attest) {
    // qprov's own tags need room beside the user's; say so now rather than after signing.
    assertQprovRoom(userTags, false)
    signing =
      typeof opts.attest.signing === 'function' ? opts.attest.signing() : opts.attest.signing
    assertQprovRoom(userTags, signsIntoRekor(signing, opts.env))
  }
  const targetCheck = await checkTarget(api, loaded, opts.backend ?? loaded.spec.backend, {
    skip: opts.skipTargetCheck,
    onProgress: hooks.onProgress
  })
  if (opts.attest && signing) {
    const { receiptFile, commit, declareAi } = opts.attest
    attestation = await attestWorkload({
      workload: opts.workload,
      cwd: opts.cwd,
      ...(receiptFile ? { receiptFile } : {}),
      ...(commit ? { commit } : {}),
      ...(declareAi?.length ? { declareAi } : {}),
      signing,
      outDir: opts.outDir,
      onProgress: hooks.onProgress,
      ...(opts.env ? { env: opts.env } : {})
    })
    refs = refsOfAttestation(attestation)
    hooks.onAttested?.(attestation)
  }
  const tags = [...userTags, ...(refs ? fitProvenanceTags(refs, userTags.length) : [])]
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
    if (jobId === undefined) {
      // The create answer was lost and the job was not found again: say how to bind it if it exists.
      if (refs && e instanceof QprovError && e.details.recoveryTag)
        throw new QprovError(
          e.code,
          `${e.message}; once found, ${opts.hint('JOB_ID', instanceCRN)} (JOB_ID being its ID)`,
          { cause: e, exitCode: e.exitCode, details: e.details }
        )
      throw e
    }
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
        tags: submitted.tags,
        targetCheck,
        backendSource: opts.backend ? 'override' : 'job-spec'
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
