import { createHash } from 'node:crypto'
import { canonicalJson, type LogSigner } from './log-signer.js'
import { hashLeaf, MerkleTree } from './merkle.js'

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

export interface InclusionProof {
  /** Index in the tree; in the sandbox, one tree per run, it equals the entry's logIndex. */
  logIndex: number
  treeSize: number
  /** hex, as Rekor v1 serves them. */
  rootHash: string
  hashes: string[]
  checkpoint: string
}

/** A Rekor v1 LogEntry, as POST and GET /api/v1/log/entries answer it (keyed by UUID). */
export interface LoggedEntry {
  body: string
  integratedTime: number
  logID: string
  logIndex: number
  verification: { inclusionProof: InclusionProof; signedEntryTimestamp: string }
}

export interface RekorLog {
  readonly size: number
  /** On 409, Location names the entry already logged, as Rekor answers a duplicate. */
  create(rawRequest: string): { status: number; json: unknown; location?: string }
  /** By the 64-hex leaf hash, or the 80-hex form with a tree-ID prefix. */
  get(uuid: string): { uuid: string; entry: LoggedEntry } | undefined
  byIndex(logIndex: number): { uuid: string; entry: LoggedEntry } | undefined
  /** Logs `count` labelled filler entries, standing in for other signers in a shared log. */
  prefill(count: number): void
}

/** Rekor's entry UUID: the RFC 6962 leaf hash of the logged body. */
const leafUUID = (body: Buffer): string => hashLeaf(body).toString('hex')

interface Stored {
  uuid: string
  body: Buffer
  integratedTime: number
  signedEntryTimestamp: string
}

/**
 * One append-only log per sandbox run. Each entry takes the next index; its inclusion proof and
 * checkpoint are computed against the tree as it stands when the entry is served, like Rekor's
 * GET (a tree that only grows keeps every earlier proof checkable against its own checkpoint).
 * `entriesPath` is where GET serves entries, for the Location of a duplicate.
 */
export function createRekorLog(
  signer: LogSigner,
  entriesPath = '/api/v1/log/entries',
  now = () => Date.now()
): RekorLog {
  const tree = new MerkleTree()
  const entries: Stored[] = []
  const byUUID = new Map<string, number>()
  // One signed tree head per size, as a log publishes it: every reader of a size sees the same note.
  const checkpoints = new Map<number, string>()
  const checkpointAt = (size: number, root: Buffer): string => {
    let note = checkpoints.get(size)
    if (note === undefined) checkpoints.set(size, (note = signer.signCheckpoint(size, root)))
    return note
  }

  function append(body: Buffer): number {
    const logIndex = tree.append(body)
    const integratedTime = Math.floor(now() / 1000)
    const signedEntryTimestamp = signer.signEntryTimestamp({
      body: body.toString('base64'),
      integratedTime,
      logIndex
    })
    const uuid = leafUUID(body)
    entries.push({ uuid, body, integratedTime, signedEntryTimestamp })
    byUUID.set(uuid, logIndex)
    return logIndex
  }

  function serve(logIndex: number): { uuid: string; entry: LoggedEntry } {
    const stored = entries[logIndex] as Stored
    const treeSize = tree.size
    const rootHash = tree.root(treeSize)
    const entry: LoggedEntry = {
      body: stored.body.toString('base64'),
      integratedTime: stored.integratedTime,
      logID: signer.logID.toString('hex'),
      logIndex,
      verification: {
        inclusionProof: {
          logIndex,
          treeSize,
          rootHash: rootHash.toString('hex'),
          hashes: tree.inclusionProof(logIndex, treeSize).map(h => h.toString('hex')),
          checkpoint: checkpointAt(treeSize, rootHash)
        },
        signedEntryTimestamp: stored.signedEntryTimestamp
      }
    }
    return { uuid: stored.uuid, entry }
  }

  // Rekor's entry ID: the 16-hex tree ID, then the leaf hash.
  const entryID = (uuid: string) => `${signer.treeID.toString(16).padStart(16, '0')}${uuid}`

  function create(rawRequest: string): { status: number; json: unknown; location?: string } {
    let proposed: unknown
    try {
      proposed = JSON.parse(rawRequest)
    } catch {
      return { status: 400, json: { code: 400, message: 'request body is not JSON' } }
    }
    if (typeof proposed !== 'object' || proposed === null || Array.isArray(proposed))
      return { status: 400, json: { code: 400, message: 'proposed entry is not an object' } }
    let body: Buffer
    try {
      body = Buffer.from(
        canonicalJson(isProposedDsse(proposed) ? canonicalDsseBody(proposed) : proposed)
      )
    } catch (e) {
      return { status: 400, json: { code: 400, message: (e as Error).message } }
    }
    const existing = leafUUID(body)
    if (byUUID.has(existing))
      return {
        status: 409,
        json: {
          code: 409,
          message: `an equivalent entry already exists in the transparency log with UUID ${entryID(existing)}`
        },
        location: `${entriesPath}/${entryID(existing)}`
      }
    const { uuid, entry } = serve(append(body))
    return { status: 201, json: { [uuid]: entry } }
  }

  return {
    get size() {
      return tree.size
    },
    create,
    get(uuid) {
      const index = byUUID.get(uuid.length === 80 ? uuid.slice(16) : uuid)
      return index === undefined ? undefined : serve(index)
    },
    byIndex(logIndex) {
      return Number.isSafeInteger(logIndex) && logIndex >= 0 && logIndex < tree.size
        ? serve(logIndex)
        : undefined
    },
    prefill(count) {
      for (let i = 0; i < count; i++)
        append(Buffer.from(canonicalJson({ kind: 'qprov-sandbox-filler', index: tree.size })))
    }
  }
}
