import { createHash } from 'node:crypto'
import type { initializeTLog } from '@sigstore/mock'

type TLog = Awaited<ReturnType<typeof initializeTLog>>

/**
 * Rekor v1 for the sandbox. The stock mock logs a proposed dsse entry verbatim; real Rekor
 * stores a canonical body instead (hashes of the envelope and payload, plus each signature with
 * its verifier), and verifiers compare the bundle against that body, so we rewrite before logging.
 */
interface ProposedDsse {
  kind: 'dsse'
  apiVersion: string
  spec: { proposedContent: { envelope: string; verifiers: string[] } }
}

interface DsseEnvelope {
  payload: string
  payloadType: string
  signatures: { sig: string; keyid?: string }[]
}

const sha256hex = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex')

function isProposedDsse(entry: unknown): entry is ProposedDsse {
  const e = entry as Partial<ProposedDsse> | null
  return (
    typeof e === 'object' &&
    e !== null &&
    e.kind === 'dsse' &&
    typeof e.spec?.proposedContent?.envelope === 'string' &&
    Array.isArray(e.spec.proposedContent.verifiers)
  )
}

/** The body real Rekor stores for a dsse 0.0.1 entry. */
export function canonicalDsseBody(proposed: ProposedDsse): object {
  const { envelope: envelopeJSON, verifiers } = proposed.spec.proposedContent
  const envelope = JSON.parse(envelopeJSON) as DsseEnvelope
  if (!Array.isArray(envelope.signatures) || envelope.signatures.length === 0)
    throw new Error('dsse envelope has no signatures')
  if (verifiers.length !== 1) throw new Error('the sandbox accepts exactly one verifier')
  const verifier = verifiers[0] as string
  return {
    apiVersion: '0.0.1',
    kind: 'dsse',
    spec: {
      envelopeHash: { algorithm: 'sha256', value: sha256hex(envelopeJSON) },
      payloadHash: {
        algorithm: 'sha256',
        value: sha256hex(Buffer.from(envelope.payload, 'base64'))
      },
      signatures: envelope.signatures.map(s => ({ signature: s.sig, verifier }))
    }
  }
}

/** Rekor's entry UUID: the RFC 6962 leaf hash of the logged body. */
export function leafHash(body: Buffer): string {
  return createHash('sha256')
    .update(Buffer.from([0]))
    .update(body)
    .digest('hex')
}

export interface LoggedEntry {
  body: string
  integratedTime: number
  logID: string
  logIndex: number
  verification: unknown
}

export interface RekorStore {
  create(rawRequest: string): Promise<{ status: number; json: unknown }>
  get(uuid: string): LoggedEntry | undefined
  byIndex(logIndex: number): { uuid: string; entry: LoggedEntry } | undefined
}

export function createRekorStore(tlog: TLog): RekorStore {
  const entries = new Map<string, LoggedEntry>()

  async function create(rawRequest: string): Promise<{ status: number; json: unknown }> {
    let proposed: unknown
    try {
      proposed = JSON.parse(rawRequest)
    } catch {
      return { status: 400, json: { code: 400, message: 'request body is not JSON' } }
    }
    let toLog: object
    try {
      toLog = isProposedDsse(proposed) ? canonicalDsseBody(proposed) : (proposed as object)
    } catch (e) {
      return { status: 400, json: { code: 400, message: (e as Error).message } }
    }
    const logged = (await tlog.log(toLog)) as Record<string, LoggedEntry>
    // The mock keys the response by a random UUID; real Rekor uses the leaf hash.
    const entry = Object.values(logged)[0] as LoggedEntry
    const uuid = leafHash(Buffer.from(entry.body, 'base64'))
    entries.set(uuid, entry)
    return { status: 201, json: { [uuid]: entry } }
  }

  function get(uuid: string): LoggedEntry | undefined {
    // Accept the 80-hex form with a tree-ID prefix, as Rekor does.
    return entries.get(uuid.length === 80 ? uuid.slice(16) : uuid)
  }

  function byIndex(logIndex: number): { uuid: string; entry: LoggedEntry } | undefined {
    for (const [uuid, entry] of entries) if (entry.logIndex === logIndex) return { uuid, entry }
    return undefined
  }

  return { create, get, byIndex }
}
