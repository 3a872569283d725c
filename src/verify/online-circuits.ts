import { sha256Hex } from '../workload/closure.js'
import type { ManifestEntry } from '../workload/manifest.js'

/** The signed side of the comparison: the manifest's files and, when known, each PUB's file. */
export interface SignedCircuits {
  files: readonly ManifestEntry[]
  /** The package path of each PUB's circuit, from the one signed job spec (needs --workload). */
  pubs?: readonly string[]
}

/** Why the circuits IBM holds are not the signed ones, as data. */
export type PubProblem =
  | { kind: 'no-params' }
  | { kind: 'pubs-malformed' }
  | { kind: 'pub-not-text'; pub: number }
  | { kind: 'pub-count'; live: number; signed: number }
  | { kind: 'pub-not-signed'; pub: number; sha256: string }
  | { kind: 'pub-not-its-file'; pub: number; sha256: string; path: string }

/**
 * qprov sends each circuit as the UTF-8 text of its file (the reader refuses a BOM), so the
 * digest of the text IBM holds, encoded the same way, is the digest of the file it came from.
 */
export const circuitTextDigest = (text: string): string => sha256Hex(Buffer.from(text, 'utf8'))

/** Compares `params.pubs` of the live job with the signed circuit files; undefined when they agree. */
export function pubCircuitProblem(params: unknown, signed: SignedCircuits): PubProblem | undefined {
  if (params === undefined || params === null) return { kind: 'no-params' }
  const pubs = (params as { pubs?: unknown }).pubs
  if (!Array.isArray(pubs) || pubs.length === 0) return { kind: 'pubs-malformed' }
  if (signed.pubs !== undefined && signed.pubs.length !== pubs.length)
    return { kind: 'pub-count', live: pubs.length, signed: signed.pubs.length }
  const byPath = new Map(signed.files.map(f => [f.path, f.sha256]))
  const digests = new Set(signed.files.map(f => f.sha256))
  for (let i = 0; i < pubs.length; i++) {
    const pub: unknown = pubs[i]
    const text: unknown = Array.isArray(pub) ? pub[0] : undefined
    if (typeof text !== 'string') return { kind: 'pub-not-text', pub: i }
    const sha256 = circuitTextDigest(text)
    const path = signed.pubs?.[i]
    if (path !== undefined) {
      if (byPath.get(path) !== sha256) return { kind: 'pub-not-its-file', pub: i, sha256, path }
    } else if (!digests.has(sha256)) return { kind: 'pub-not-signed', pub: i, sha256 }
  }
  return undefined
}

export function describePubProblem(p: PubProblem): string {
  switch (p.kind) {
    case 'no-params':
      return 'the service returned no params for the job (a private job has its inputs deleted), so its circuits cannot be compared'
    case 'pubs-malformed':
      return 'the live params.pubs is not a list of PUBs'
    case 'pub-not-text':
      return `PUB ${p.pub}: the live circuit is not OpenQASM text (e.g. QPY), so it cannot be compared with the signed files`
    case 'pub-count':
      return `the live job has ${p.live} PUB(s), the signed job spec ${p.signed}`
    case 'pub-not-signed':
      return `PUB ${p.pub}: the live circuit (sha256:${p.sha256}) is not a file of the signed package`
    case 'pub-not-its-file':
      return `PUB ${p.pub}: the live circuit (sha256:${p.sha256}) is not the signed ${p.path}`
  }
}
