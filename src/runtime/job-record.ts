import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { AttestResult } from '../attest/pipeline.js'
import { writeFileAtomicSync } from '../atomic-file.js'
import { QprovError } from '../errors.js'
import type { ProvenanceRefs } from './tags.js'

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
  rekor?: { logIndex: string; uuid?: string }
  recordedAt: string
}

export function writeJobRecord(dir: string, record: RuntimeJobRecord): string {
  const path = join(dir, RUNTIME_JOB_FILE)
  try {
    mkdirSync(dir, { recursive: true })
    writeFileAtomicSync(path, `${JSON.stringify(record, null, 2)}\n`)
  } catch (e) {
    throw new QprovError(
      'INPUT_INVALID',
      `job ${record.jobId} exists, but ${path} could not be written: ${(e as Error).message}`,
      {
        details: { jobId: record.jobId }
      }
    )
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
        ...(refs.rekorUuid ? { uuid: refs.rekorUuid } : {})
      }
  }
  r.recordedAt = new Date().toISOString()
  return r
}

export function refsOfAttestation(a: AttestResult): ProvenanceRefs {
  const refs: ProvenanceRefs = {
    statementDigest: a.statementDigest,
    packageDigest: a.packageDigest
  }
  if (a.rekor) {
    refs.rekorLogIndex = a.rekor.logIndex
    refs.rekorUuid = a.rekor.uuid
  }
  return refs
}
