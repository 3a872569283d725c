import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { AttestResult } from '../attest/pipeline.js'
import { writeFileAtomicSync } from '../atomic-file.js'
import { QprovError } from '../errors.js'
import type { ProvenanceRefs } from '../proof/tags.js'
import { rekorTagRefs } from '../sigstore/rekor-entry.js'
import { jobExistsError } from './job-exists.js'
import type { TargetCheckOutcome } from '../proof/runtime-job-file.js'

export const RUNTIME_JOB_FILE = 'runtime-job.json'

/** runtime-job.json: where the job is and what its tags point at. Never holds a secret. */
export interface RuntimeJobRecord {
  kind: 'qprov.runtime-job/v1'
  jobId: string
  sessionId?: string
  backend?: string
  program?: string
  /** When the service created the job (ISO 8601, as the Runtime API reports it). */
  created?: string
  instanceCRN: string
  runtimeURL: string
  tags: string[]
  statementDigest?: string
  packageDigest?: string
  rekor?: { logIndex: string; uuid?: string; logId?: string }
  /** Whether the circuits were checked against the backend's configuration before submission. */
  targetCheck?: TargetCheckOutcome
  /** Where the backend came from: qprov.job.json, or a --backend override of it. */
  backendSource?: 'job-spec' | 'override'
  recordedAt: string
}

/** Writes runtime-job.json; the job exists whatever happens here, so a failure names it. */
export function writeJobRecord(
  dir: string,
  record: RuntimeJobRecord,
  hint: (jobId: string) => string
): string {
  const path = join(dir, RUNTIME_JOB_FILE)
  try {
    mkdirSync(dir, { recursive: true })
    writeFileAtomicSync(path, `${JSON.stringify(record, null, 2)}\n`)
  } catch (e) {
    const failure = new QprovError(
      'OUTPUT_WRITE_FAILED',
      `${path} could not be written: ${(e as Error).message}`,
      { cause: e }
    )
    throw jobExistsError(failure, record.jobId, hint)
  }
  return path
}

export function jobRecord(
  base: Omit<RuntimeJobRecord, 'kind' | 'recordedAt'>,
  refs?: ProvenanceRefs
): RuntimeJobRecord {
  const r: RuntimeJobRecord = { kind: 'qprov.runtime-job/v1', ...base, recordedAt: '' }
  if (refs) {
    r.statementDigest = refs.statementDigest
    if (refs.packageDigest) r.packageDigest = refs.packageDigest
    if (refs.rekorLogIndex)
      r.rekor = {
        logIndex: refs.rekorLogIndex,
        ...(refs.rekorUuid ? { uuid: refs.rekorUuid } : {}),
        ...(refs.rekorLogId ? { logId: refs.rekorLogId } : {})
      }
  }
  r.recordedAt = new Date().toISOString()
  return r
}

export function refsOfAttestation(a: AttestResult): ProvenanceRefs {
  return {
    statementDigest: a.statementDigest,
    packageDigest: a.packageDigest,
    ...rekorTagRefs(a.rekor)
  }
}
