import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { signingEndpoints } from '../attest/instances.js'
import { OUTPUT_NAMES, attestWorkload, type AttestResult } from '../attest/pipeline.js'
import type { ReceiptSource } from '../attest/receipt-source.js'
import { planSigning } from '../attest/sign.js'
import type { SigningConfig } from '../attest/signing-types.js'
import { bindProofBundle, type BoundProof } from './bind.js'
import { QprovError } from '../errors.js'
import { checkOutputDir } from '../output-dir.js'
import { PROOF_FILES } from '../proof/layout.js'
import { checkBackend } from '../runtime/input-checks.js'
import { findJobSpec, loadJobSpec, renderJobBody } from '../runtime/job-spec.js'
import { submitJob, type SubmitHooks } from '../runtime/submit.js'
import { checkTarget } from '../runtime/target-check.js'
import {
  assertTagLimits,
  fitProvenanceTags,
  formatProvenanceTags,
  parseTags,
  requiredQprovTagCount,
  type ProvenanceRefs
} from '../proof/tags.js'
import { jobExistsError } from './job-exists.js'
import { checkManifestClosure, checkPackageClosure } from './package-closure.js'
import { jobRecord, refsOfAttestation, writeJobRecord } from './job-record.js'
import { reuseAttestation } from './reuse-attestation.js'
import type { Connect, RebindHint } from './runtime-target.js'

export interface SubmitAttestOptions {
  /** Called once the minimal tag count passed; then the exact count (Rekor or not) is checked. */
  signing: () => SigningConfig
  receipt: ReceiptSource
  /** An attestation directory to tag the job with instead of attesting again. */
  reuse?: string
}

export interface SubmitWorkloadOptions {
  /** Workload paths or globs, relative to cwd; one holds qprov.job.json. */
  workload: string[]
  cwd: string
  /** Called first, so a missing instance or API key fails before anything is read. */
  connect: Connect
  backend?: string
  /** Extra user tags besides those in the job spec. */
  tags?: string[]
  /** Submit without checking the circuits against the backend's configuration. */
  skipTargetCheck?: boolean
  /** Attest first and tag the job with the attestation; false submits with user tags only. */
  attest: SubmitAttestOptions | false
  /** Where the attestation and runtime-job.json go. */
  outDir: string
  hint: RebindHint
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
  /** The signed binding; the proof bundle is complete in outDir. */
  binding?: BoundProof
}

function assertQprovRoom(userTags: string[], rekorVersion: 1 | 2 | undefined): void {
  const placeholders = Array.from(
    { length: requiredQprovTagCount(rekorVersion) },
    (_, i) => `qprov-${i}`
  )
  assertTagLimits([...userTags, ...placeholders], userTags.length)
}

/** A second submit into one --out would replace the first job's statement and record. */
function refuseUsedOutDir(outDir: string): void {
  for (const name of [PROOF_FILES.runtimeJob, OUTPUT_NAMES.statement]) {
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
  checkOutputDir(opts.outDir, { what: 'output directory', files: Object.values(PROOF_FILES) })
  const specPath = findJobSpec(opts.workload, opts.cwd)
  // An attested package is rooted at cwd and must hold what its spec runs. Unattested, nothing is
  // signed: the circuits stay, for real, inside the spec's own directory.
  const loaded = loadJobSpec(specPath, opts.attest ? opts.cwd : dirname(specPath))
  const specs = opts.attest ? await checkPackageClosure(loaded, opts.workload, opts.cwd) : []
  checkBackend(
    opts.backend ?? loaded.spec.backend,
    opts.backend ? '--backend' : 'backend in qprov.job.json'
  )
  const userTags = [...(loaded.spec.tags ?? []), ...(opts.tags ?? [])]
  parseTags(userTags)
  let refs: ProvenanceRefs | undefined
  let attestation: AttestResult | undefined
  let signing: SigningConfig | undefined
  let endpoints: ReturnType<typeof signingEndpoints> | undefined
  const env = opts.env ?? process.env
  refuseUsedOutDir(opts.outDir)
  if (opts.attest) {
    // qprov's own tags need room beside the user's; say so now rather than after signing.
    assertQprovRoom(userTags, undefined)
    signing = opts.attest.signing()
    // Signing into Rekor adds a log-index tag (and for v2 the shard's log ID); the endpoints
    // resolved here are the ones signed with.
    endpoints = signingEndpoints(signing, env)
    assertQprovRoom(userTags, endpoints.rekorURL ? (endpoints.rekorVersion ?? 1) : undefined)
  }
  // Every local check has passed: the target check is the first request.
  const targetCheck = await checkTarget(api, loaded, opts.backend ?? loaded.spec.backend, {
    skip: opts.skipTargetCheck,
    onProgress: hooks.onProgress,
    onWarning: hooks.onWarning
  })
  const reuse = opts.attest ? opts.attest.reuse : undefined
  if (reuse !== undefined)
    refs = await reuseAttestation(reuse, opts.workload, opts.cwd, opts.outDir)
  else if (opts.attest && signing && endpoints) {
    attestation = await attestWorkload({
      workload: opts.workload,
      cwd: opts.cwd,
      receipt: opts.attest.receipt,
      signing: () => planSigning(signing, env, endpoints),
      outDir: opts.outDir,
      checkManifest: m => checkManifestClosure(m, specs, loaded),
      onProgress: hooks.onProgress
    })
    refs = refsOfAttestation(attestation)
    hooks.onAttested?.(attestation)
  }
  const rebind = (id: string) => opts.hint(id, instanceCRN)
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
  ).catch((e: unknown) => {
    // The create answer was lost and the job was not found again: say how to bind it if it exists.
    const lost = e instanceof QprovError && Boolean(e.details.recoveryTag)
    if (jobId === undefined && !(refs && lost)) throw e
    throw jobExistsError(e, jobId, refs ? rebind : () => 'its tags could not be confirmed')
  })
  const recordPath = writeJobRecord(
    opts.outDir,
    jobRecord(
      {
        jobId: submitted.jobId,
        ...(submitted.sessionId ? { sessionId: submitted.sessionId } : {}),
        backend: submitted.backend,
        program: body.program_id,
        ...(submitted.created ? { created: submitted.created } : {}),
        instanceCRN,
        runtimeURL,
        tags: submitted.tags,
        targetCheck,
        backendSource: opts.backend ? 'override' : 'job-spec'
      },
      refs
    ),
    refs ? rebind : () => 'it carries only the user tags it was submitted with'
  )
  const binding = signing
    ? await planSigning(signing, env)
        .then(plan =>
          bindProofBundle({
            attestationDir: opts.outDir,
            outDir: opts.outDir,
            plan,
            onProgress: hooks.onProgress
          })
        )
        .catch(e => {
          throw jobExistsError(e, submitted.jobId, id => opts.hint(id, instanceCRN))
        })
    : undefined
  return {
    ...submitted,
    ...(binding ? { binding } : {}),
    program: body.program_id,
    ...(refs ? { refs } : {}),
    ...(attestation ? { attestation } : {}),
    recordPath
  }
}
