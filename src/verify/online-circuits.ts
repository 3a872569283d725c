import { sha256Hex } from '../workload/closure.js'
import type { ManifestEntry } from '../workload/manifest.js'
import { mismatch } from './outcome.js'
import type { FindingFacts } from './outcome-text.js'
import type { FindingKind, Mismatch } from './verdict.js'

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
  | { kind: 'pub-not-its-file'; pub: number; sha256: string; path: string; signed?: string }

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
      const want = byPath.get(path)
      if (want !== sha256)
        return { kind: 'pub-not-its-file', pub: i, sha256, path, ...(want ? { signed: want } : {}) }
    } else if (!digests.has(sha256)) return { kind: 'pub-not-signed', pub: i, sha256 }
  }
  return undefined
}

/** The verdict's finding for a problem, and the facts its sentence is rendered from. */
export function pubProblemFacts(p: PubProblem): { finding: FindingKind; facts: FindingFacts } {
  const unreadable = (note: string) => ({
    finding: 'online-circuits-unreadable' as const,
    facts: { note }
  })
  const differs = (mismatches: Mismatch[]) => ({
    finding: 'online-circuit-mismatch' as const,
    facts: { mismatches }
  })
  switch (p.kind) {
    case 'no-params':
      return unreadable('the service returned no params; a private job has its inputs deleted')
    case 'pubs-malformed':
      return unreadable('the live params.pubs is not a list of PUBs')
    case 'pub-not-text':
      return unreadable(`PUB ${p.pub} is not OpenQASM text (e.g. QPY)`)
    case 'pub-count':
      return differs([mismatch('PUB count', p.signed, p.live)])
    case 'pub-not-signed':
      return {
        finding: 'online-circuit-mismatch',
        facts: { note: `PUB ${p.pub}: sha256 ${p.sha256} is no file of the signed package` }
      }
    case 'pub-not-its-file':
      return differs([mismatch(`PUB ${p.pub} circuit (${p.path}) sha256`, p.signed, p.sha256)])
  }
}
