import { QprovError } from '../errors.js'
import type { BackendSource } from './binding-document.js'

/** What runtime-job.json (and from it the signed binding document) records of the check. */
export type TargetCheckOutcome =
  | { status: 'passed'; backend: string; version?: string; qubits: number }
  | { status: 'skipped'; backend: string }

/** What the binding and the verifier read from runtime-job.json (src/runtime/job-record.ts writes it). */
export interface RuntimeJobFacts {
  jobId: string
  sessionId?: string
  backend?: string
  program?: string
  created?: string
  instanceCRN: string
  runtimeURL?: string
  tags: string[]
  /** Written by submit when the backend was chosen by a flag or the job spec (issue 9). */
  backendSource?: BackendSource
  /** What submit's check of the circuits against the backend found (issue 9), as recorded. */
  targetCheck?: TargetCheckOutcome
}

const BACKEND_SOURCES = new Set(['job-spec', 'override', 'runtime'])

function bad(why: string): QprovError {
  return new QprovError('PROOF_BUNDLE_INVALID', `runtime-job.json ${why}`)
}

function optString(o: Record<string, unknown>, key: string): string | undefined {
  const v = o[key]
  if (v === undefined) return undefined
  if (typeof v !== 'string') throw bad(`field ${key} is not a string`)
  return v
}

/** Parses runtime-job.json strictly: a wrong kind or a malformed field is refused, never guessed. */
export function parseRuntimeJob(bytes: Uint8Array): RuntimeJobFacts {
  let raw: unknown
  try {
    raw = JSON.parse(Buffer.from(bytes).toString('utf8'))
  } catch {
    throw bad('is not JSON')
  }
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) throw bad('is not an object')
  const o = raw as Record<string, unknown>
  if (o.kind !== 'qprov.runtime-job/v1') throw bad(`has kind ${JSON.stringify(o.kind)}`)
  const jobId = optString(o, 'jobId')
  const instanceCRN = optString(o, 'instanceCRN')
  if (!jobId) throw bad('has no jobId')
  if (!instanceCRN) throw bad('has no instanceCRN')
  if (!Array.isArray(o.tags) || o.tags.some(t => typeof t !== 'string'))
    throw bad('tags is not a list of strings')
  const source = o.backendSource
  if (source !== undefined && (typeof source !== 'string' || !BACKEND_SOURCES.has(source)))
    throw bad(`has an unknown backendSource ${JSON.stringify(source)}`)
  const target = o.targetCheck
  const t = target as { status?: unknown; backend?: unknown } | undefined
  if (
    target !== undefined &&
    (t === null ||
      typeof t !== 'object' ||
      Array.isArray(t) ||
      (t.status !== 'passed' && t.status !== 'skipped') ||
      typeof t.backend !== 'string')
  )
    throw bad(`has an unknown targetCheck ${JSON.stringify(target)}`)
  const facts: RuntimeJobFacts = { jobId, instanceCRN, tags: o.tags as string[] }
  for (const key of ['sessionId', 'backend', 'program', 'created', 'runtimeURL'] as const) {
    const v = optString(o, key)
    if (v !== undefined) facts[key] = v
  }
  if (source !== undefined) facts.backendSource = source as BackendSource
  if (target !== undefined) facts.targetCheck = target as TargetCheckOutcome
  return facts
}
