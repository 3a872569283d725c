import { writeFileSync, mkdirSync, renameSync } from 'node:fs'
import { join } from 'node:path'
import { QprovError } from '../errors.js'

export const RUNTIME_JOB_FILE = 'runtime-job.json'

/** runtime-job.json: where the job is and what its tags point at. Never holds a secret. */
export interface RuntimeJobRecord {
  kind: 'qprov.runtime-job/v1'
  jobId: string
  sessionId?: string
  backend?: string
  program?: string
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
    const tmp = `${path}.tmp-${process.pid}`
    writeFileSync(tmp, `${JSON.stringify(record, null, 2)}\n`)
    renameSync(tmp, path)
  } catch (e) {
    throw new QprovError('INPUT_INVALID', `cannot write ${path}: ${(e as Error).message}`, {
      details: { jobId: record.jobId }
    })
  }
  return path
}
