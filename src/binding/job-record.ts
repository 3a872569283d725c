import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { AttestResult } from '../attest/pipeline.js'
import { writeFileAtomicSync } from '../atomic-file.js'
import { QprovError, oneLine } from '../errors.js'
import { PROOF_FILES } from '../proof/layout.js'
import {
  RUNTIME_JOB_KIND,
  parseRuntimeJob,
  type RuntimeJobRecord
} from '../proof/runtime-job-file.js'
import type { ProvenanceRefs } from '../proof/tags.js'
import { rekorTagRefs } from '../sigstore/rekor-entry.js'
import { jobExistsError } from './job-exists.js'

/**
 * The one writer of runtime-job.json. The record is checked by its one reader first: the job
 * exists whatever happens here, so a record no verifier would read, or a failed write, names it.
 */
export function writeJobRecord(
  dir: string,
  record: RuntimeJobRecord,
  hint: (jobId: string) => string
): string {
  const path = join(dir, PROOF_FILES.runtimeJob)
  const text = `${JSON.stringify(record, null, 2)}\n`
  try {
    parseRuntimeJob(Buffer.from(text))
  } catch (e) {
    const unfit = new QprovError(
      'RUNTIME_BAD_RESPONSE',
      `the job's fields do not fit ${PROOF_FILES.runtimeJob}: ${oneLine(e)}`,
      { cause: e }
    )
    throw jobExistsError(unfit, record.jobId, hint)
  }
  try {
    mkdirSync(dir, { recursive: true })
    writeFileAtomicSync(path, text)
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
  const r: RuntimeJobRecord = { kind: RUNTIME_JOB_KIND, ...base, recordedAt: '' }
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
