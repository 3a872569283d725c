import { createHash } from 'node:crypto'
import { QprovError } from '../errors.js'
import type { WorkloadManifest } from '../workload/manifest.js'

export const STATEMENT_TYPE = 'https://in-toto.io/Statement/v1'
export const IN_TOTO_PAYLOAD_TYPE = 'application/vnd.in-toto+json'
export const MANIFEST_SUBJECT_NAME = 'qprov.workload.manifest.json'
export const PREDICATE_AIIR_V1 = 'https://invariantsystems.io/predicates/aiir/commit_receipt/v1'
export const PREDICATE_AIIR_V2 = 'https://invariantsystems.io/predicates/aiir/commit_receipt/v2'

export interface InTotoSubject {
  name: string
  digest: Record<string, string>
}

export interface InTotoStatement {
  _type: string
  subject: InTotoSubject[]
  predicateType: string
  predicate: unknown
}

/** The predicate URI for a receipt's schema: the URI must name the schema it wraps. */
export function predicateTypeFor(receipt: Record<string, unknown>): string {
  if (receipt.schema === 'aiir/commit_receipt.v2') return PREDICATE_AIIR_V2
  if (receipt.schema === 'aiir/commit_receipt.v1') return PREDICATE_AIIR_V1
  throw new QprovError(
    'RECEIPT_INVALID',
    `unsupported receipt schema: ${JSON.stringify(receipt.schema)}`
  )
}

/**
 * The repository part of the commit subject: credentials, query and fragment removed, so a token
 * in a remote URL never ends up in a public log. scp-style remotes have none and stay as they are.
 */
export function subjectRepository(repository: unknown): string {
  if (typeof repository !== 'string' || repository.trim() === '') return 'unknown'
  if (/^[^/:@\s]+@[^/:\s]+:/.test(repository)) return repository
  try {
    const u = new URL(repository)
    u.username = ''
    u.password = ''
    u.search = ''
    u.hash = ''
    return u.toString()
  } catch {
    return 'unknown'
  }
}

export function buildStatement(input: {
  manifest: WorkloadManifest
  receipt: Record<string, unknown>
}): InTotoStatement {
  const { manifest, receipt } = input
  const commit = receipt.commit as { sha?: unknown } | undefined
  const sha = commit?.sha
  if (typeof sha !== 'string' || !/^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha))
    throw new QprovError('RECEIPT_INVALID', 'receipt has no valid commit.sha')
  const provenance = receipt.provenance as { repository?: unknown } | undefined
  const packageHex = manifest.digest.replace(/^sha256:/, '')
  if (!/^[0-9a-f]{64}$/.test(packageHex))
    throw new QprovError('WORKLOAD_INVALID', `bad package digest ${manifest.digest}`)
  if (manifest.files.some(f => f.path === MANIFEST_SUBJECT_NAME))
    throw new QprovError(
      'WORKLOAD_INVALID',
      `a workload file may not be named ${MANIFEST_SUBJECT_NAME}: that subject name is reserved`
    )
  return {
    _type: STATEMENT_TYPE,
    subject: [
      ...manifest.files.map(f => ({ name: f.path, digest: { sha256: f.sha256 } })),
      { name: MANIFEST_SUBJECT_NAME, digest: { sha256: packageHex } },
      { name: `${subjectRepository(provenance?.repository)}@${sha}`, digest: { gitCommit: sha } }
    ],
    predicateType: predicateTypeFor(receipt),
    predicate: receipt
  }
}

/** The exact DSSE payload bytes; the statement digest is sha256 over these. */
export function statementPayloadBytes(statement: InTotoStatement): Buffer {
  return Buffer.from(JSON.stringify(statement), 'utf8')
}

/** sha256:<hex> over the given DSSE payload bytes (not over any re-serialisation of them). */
export function statementDigest(payload: Buffer): string {
  return `sha256:${createHash('sha256').update(payload).digest('hex')}`
}

/** Parses DSSE payload bytes as an in-toto Statement v1, checking its shape only. */
export function parseStatement(payload: Buffer): InTotoStatement {
  let raw: unknown
  try {
    raw = JSON.parse(payload.toString('utf8'))
  } catch (e) {
    throw new QprovError('STATEMENT_INVALID', 'statement payload is not JSON', { cause: e })
  }
  const s = raw as Partial<InTotoStatement> | null
  if (s === null || typeof s !== 'object' || Array.isArray(s))
    throw new QprovError('STATEMENT_INVALID', 'statement payload is not a JSON object')
  if (s._type !== STATEMENT_TYPE)
    throw new QprovError(
      'STATEMENT_INVALID',
      `statement _type is ${JSON.stringify(s._type)}, expected ${STATEMENT_TYPE}`
    )
  if (typeof s.predicateType !== 'string')
    throw new QprovError('STATEMENT_INVALID', 'statement has no predicateType')
  if (!Array.isArray(s.subject) || s.subject.length === 0)
    throw new QprovError('STATEMENT_INVALID', 'statement has no subjects')
  for (const sub of s.subject) {
    const d = (sub as Partial<InTotoSubject> | null)?.digest
    if (typeof sub?.name !== 'string' || d === null || typeof d !== 'object' || Array.isArray(d))
      throw new QprovError('STATEMENT_INVALID', 'statement has a malformed subject')
    for (const v of Object.values(d))
      if (typeof v !== 'string')
        throw new QprovError('STATEMENT_INVALID', 'subject digest values must be strings')
  }
  return s as InTotoStatement
}
