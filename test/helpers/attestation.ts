import { createHash } from 'node:crypto'
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

const sha256 = (b: Buffer | string) => createHash('sha256').update(b).digest('hex')

export interface UnsignedAttestation {
  statement: Buffer
  bundle: Record<string, unknown>
  manifest: Buffer
  /** sha256:<hex> of statement.json. */
  statementDigest: string
  packageDigest: string
}

/**
 * The three files of an attestation directory, consistent with each other the way `qprov attest`
 * writes them (statement.json is the DSSE payload, the manifest is the signed one), but with a
 * placeholder signature: tag checks consistency, never the signature.
 */
export function unsignedAttestation(
  opts: { logIndex?: string; body?: string } = {}
): UnsignedAttestation {
  const files = [{ path: 'circuits/bell.qasm', sha256: sha256('OPENQASM 3.0;'), size: 13 }]
  const manifest = Buffer.from(JSON.stringify({ files, version: 'qprov.workload.manifest/v1' }))
  const commit = 'a'.repeat(40)
  const statement = Buffer.from(
    JSON.stringify({
      _type: 'https://in-toto.io/Statement/v1',
      subject: [
        ...files.map(f => ({ name: f.path, digest: { sha256: f.sha256 } })),
        { name: 'qprov.workload.manifest.json', digest: { sha256: sha256(manifest) } },
        { name: `unknown@${commit}`, digest: { gitCommit: commit } }
      ],
      predicateType: 'https://invariantsystems.io/predicates/aiir/commit_receipt/v2',
      predicate: {}
    })
  )
  const body = opts.body ?? Buffer.from('{"kind":"dsse"}').toString('base64')
  const bundle = {
    mediaType: 'application/vnd.dev.sigstore.bundle.v0.3+json',
    verificationMaterial: {
      tlogEntries: [{ logIndex: opts.logIndex ?? '7', canonicalizedBody: body }]
    },
    dsseEnvelope: {
      payload: statement.toString('base64'),
      payloadType: 'application/vnd.in-toto+json',
      signatures: [{ sig: Buffer.from('placeholder').toString('base64'), keyid: '' }]
    }
  }
  return {
    statement,
    bundle,
    manifest,
    statementDigest: `sha256:${sha256(statement)}`,
    packageDigest: `sha256:${sha256(manifest)}`
  }
}

/** Writes an unsignedAttestation() into dir; `edit` may change any file's bytes first. */
export function writeAttestationDir(
  dir: string,
  opts: { logIndex?: string; body?: string } = {},
  edit: (files: Record<string, Buffer>) => void = () => {}
): UnsignedAttestation {
  const a = unsignedAttestation(opts)
  const files: Record<string, Buffer> = {
    'statement.json': a.statement,
    'statement.sigstore.json': Buffer.from(JSON.stringify(a.bundle)),
    'workload.manifest.json': a.manifest
  }
  edit(files)
  mkdirSync(dir, { recursive: true })
  for (const [name, bytes] of Object.entries(files)) writeFileSync(join(dir, name), bytes)
  return a
}
