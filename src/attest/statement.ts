import type { WorkloadManifest } from '../workload/manifest.js'

/** Placeholder signature; implemented by the attestation core work. */
export interface InTotoStatement {
  _type: string
  subject: { name: string; digest: Record<string, string> }[]
  predicateType: string
  predicate: unknown
}

export function buildStatement(_input: {
  manifest: WorkloadManifest
  receipt: Record<string, unknown>
}): InTotoStatement {
  throw new Error('statement not implemented yet')
}

/** The exact DSSE payload bytes; the statement digest is sha256 over these. */
export function statementPayloadBytes(_statement: InTotoStatement): Buffer {
  throw new Error('statement not implemented yet')
}
