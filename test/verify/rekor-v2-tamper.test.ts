import { createHash, generateKeyPairSync, sign } from 'node:crypto'
import { bundleFromJSON, bundleToJSON } from '@sigstore/bundle'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROOF_FILES } from '../../src/proof/layout.js'
import { readProofDirectory, type ProofFiles } from '../../src/proof/proof-bundle.js'
import { prepareTrustMaterial, type PreparedTrust } from '../../src/sigstore/verify-bundle.js'
import type { CheckOptions } from '../../src/verify/options.js'
import { verifyBundleFiles } from '../../src/verify/verify-bundle-files.js'
import type { BundleVerdict } from '../../src/verify/verdict.js'
import { makeProofFixture, type ProofFixture } from './proof-fixture.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

let f: ProofFixture
let filesA: ProofFiles
let filesB: ProofFiles
let trust: PreparedTrust
let opts: CheckOptions

beforeAll(async () => {
  f = await makeProofFixture({ rekorVersion: 2 })
  filesA = await readProofDirectory(f.a)
  filesB = await readProofDirectory(f.b)
  trust = prepareTrustMaterial(f.trustedRoot)
  opts = { trustedRoot: f.trustedRoot, policy: f.policy, aiPolicy: 'any' }
}, 120_000)
afterAll(() => f?.close())

const verify = (files: ProofFiles): BundleVerdict =>
  verifyBundleFiles({ path: 'memory', form: 'directory', files }, opts, trust)
const bundleOf = (files: ProofFiles, name: string): Json =>
  JSON.parse(files[name]!.toString('utf8')) as Json
const entryOf = (b: Json): Json => b.verificationMaterial.tlogEntries[0]
const flip = (b64: string, at = 0): string => {
  const b = Buffer.from(b64, 'base64')
  b[at] = (b[at] as number) ^ 0x01
  return b.toString('base64')
}

/**
 * The bytes qprov would write for an edited bundle: its canonical serialisation where it still
 * parses, so the edit meets the cryptographic checks rather than the canonical-form gate.
 */
function serialise(b: Json): Buffer {
  let json: unknown = b
  try {
    json = bundleToJSON(bundleFromJSON(b))
  } catch {
    // not a bundle any more: written as edited
  }
  return Buffer.from(`${JSON.stringify(json)}\n`)
}

/** Bundle a with its binding.sigstore.json edited: no file digest covers it, only its signature. */
function withBindingBundle(edit: (b: Json, other: Json) => void): BundleVerdict {
  const b = bundleOf(filesA, PROOF_FILES.bindingBundle)
  edit(b, bundleOf(filesB, PROOF_FILES.bindingBundle))
  return verify({ ...filesA, [PROOF_FILES.bindingBundle]: serialise(b) })
}

const failures = (v: BundleVerdict) =>
  v.checks.filter(c => c.status === 'fail').map(c => `${c.name}: ${c.detail}`)

describe('a Rekor v2 proof bundle', () => {
  it('verifies, with v2 entries in both Sigstore bundles and a timestamp in each', () => {
    const v = verify(filesA)
    expect(failures(v)).toEqual([])
    expect(v.ok).toBe(true)
    for (const name of [PROOF_FILES.statementBundle, PROOF_FILES.bindingBundle]) {
      const b = bundleOf(filesA, name)
      expect(entryOf(b).kindVersion).toEqual({ kind: 'hashedrekord', version: '0.0.2' })
      expect(b.verificationMaterial.timestampVerificationData.rfc3161Timestamps).toHaveLength(1)
    }
  })
})

// Each edit of the binding bundle's v2 entry or timestamp: the verdict must fail on exactly the
// check that verifies that bundle, and say why.
/** What must fail: a @sigstore/verify code (finding signature-invalid), or a qprov finding. */
type Expected =
  'TLOG_INCLUSION_PROOF_ERROR' | 'TIMESTAMP_ERROR' | 'bundle-malformed' | 'unsigned-field'

const CASES: [string, (b: Json, other: Json) => void, Expected][] = [
  [
    'checkpoint origin changed',
    b => {
      const p = entryOf(b).inclusionProof.checkpoint
      p.envelope = p.envelope.replace(/^[^\n]+/, 'elsewhere.example/log')
    },
    // The signer name no longer names the origin: refused before any signature is checked.
    'unsigned-field'
  ],
  [
    'checkpoint origin and signer name changed together',
    b => {
      const p = entryOf(b).inclusionProof.checkpoint
      const origin = (p.envelope as string).split('\n')[0]
      p.envelope = (p.envelope as string).split(origin).join('127.0.0.1')
    },
    'TLOG_INCLUSION_PROOF_ERROR'
  ],
  [
    'checkpoint size changed (and the proof fields with it)',
    b => {
      const p = entryOf(b).inclusionProof
      const size = Number(p.treeSize) + 1
      p.checkpoint.envelope = p.checkpoint.envelope.replace(/\n\d+\n/, `\n${size}\n`)
      p.treeSize = String(size)
    },
    'TLOG_INCLUSION_PROOF_ERROR'
  ],
  [
    'checkpoint signature changed',
    b => {
      const p = entryOf(b).inclusionProof.checkpoint
      const [note, line] = p.envelope.split('\n\n')
      const [dash, name, sig] = line.trimEnd().split(' ')
      p.envelope = `${note}\n\n${dash} ${name} ${flip(sig, 10)}\n`
    },
    'TLOG_INCLUSION_PROOF_ERROR'
  ],
  ['checkpoint removed', b => delete entryOf(b).inclusionProof.checkpoint, 'bundle-malformed'],
  [
    "checkpoint replaced by the other bundle's (same log, another tree head)",
    (b, o) => (entryOf(b).inclusionProof.checkpoint = entryOf(o).inclusionProof.checkpoint),
    'unsigned-field'
  ],
  [
    'inclusion proof hash changed',
    b => {
      const hashes = entryOf(b).inclusionProof.hashes as string[]
      hashes[0] = flip(hashes[0] as string)
    },
    'TLOG_INCLUSION_PROOF_ERROR'
  ],
  [
    'inclusion proof hashes removed',
    b => (entryOf(b).inclusionProof.hashes = []),
    'TLOG_INCLUSION_PROOF_ERROR'
  ],
  ['inclusion proof removed', b => delete entryOf(b).inclusionProof, 'bundle-malformed'],
  [
    "inclusion proof replaced by the other bundle's",
    (b, o) => (entryOf(b).inclusionProof = entryOf(o).inclusionProof),
    'unsigned-field'
  ],
  [
    'inclusion proof index changed',
    b => {
      const e = entryOf(b)
      e.inclusionProof.logIndex = String(Number(e.inclusionProof.logIndex) - 1)
      e.logIndex = e.inclusionProof.logIndex
    },
    'TLOG_INCLUSION_PROOF_ERROR'
  ],
  [
    'timestamp changed',
    b => {
      const t = b.verificationMaterial.timestampVerificationData.rfc3161Timestamps[0]
      t.signedTimestamp = flip(t.signedTimestamp, 60)
    },
    'unsigned-field'
  ],
  [
    'timestamp removed',
    b => (b.verificationMaterial.timestampVerificationData.rfc3161Timestamps = []),
    'unsigned-field'
  ],
  [
    "timestamp replaced by the other bundle's",
    (b, o) =>
      (b.verificationMaterial.timestampVerificationData =
        o.verificationMaterial.timestampVerificationData),
    'TIMESTAMP_ERROR'
  ]
]

describe('a changed, removed or replaced v2 checkpoint, inclusion proof or timestamp', () => {
  it.each(CASES)('%s fails binding-signature (%s) and nothing else', (_name, edit, expected) => {
    const v = withBindingBundle(edit)
    expect(v.ok).toBe(false)
    const failed = v.checks.filter(c => c.status === 'fail')
    expect(failed.map(c => c.name)).toEqual(['binding-signature'])
    const f = failed[0] as { finding?: string; code?: string }
    if (expected === 'bundle-malformed' || expected === 'unsigned-field')
      expect(f.finding).toBe(expected)
    else expect([f.finding, f.code]).toEqual(['signature-invalid', expected])
  })

  it('a checkpoint signed by another log the root trusts fails: only the entry’s own log key counts', () => {
    const { publicKey, privateKey } = generateKeyPairSync('ed25519')
    const b = bundleOf(filesA, PROOF_FILES.bindingBundle)
    const proof = entryOf(b).inclusionProof
    const note = (proof.checkpoint.envelope as string).split('\n\n')[0] as string
    const name = note.split('\n')[0] as string
    const spki = publicKey.export({ format: 'der', type: 'spki' })
    const keyId = createHash('sha256')
      .update(Buffer.concat([Buffer.from(`${name}\n`), Buffer.from([1]), spki.subarray(-32)]))
      .digest()
    const sig = sign(null, Buffer.from(`${note}\n`), privateKey)
    const root = JSON.parse(f.trustedRoot) as Json
    // A second shard under the same name, its key in the pinned root: trusted, but not this entry's log.
    root.tlogs.push({
      baseUrl: `${root.tlogs[1].baseUrl}-other`,
      hashAlgorithm: 'SHA2_256',
      publicKey: {
        rawBytes: spki.toString('base64'),
        keyDetails: 'PKIX_ED25519',
        validFor: root.tlogs[1].publicKey.validFor
      },
      logId: { keyId: keyId.toString('base64') }
    })
    const wider = prepareTrustMaterial(JSON.stringify(root))
    const files = (bundle: Json) => ({
      ...filesA,
      [PROOF_FILES.bindingBundle]: serialise(bundle)
    })
    const run = (fs: ProofFiles) =>
      verifyBundleFiles({ path: 'memory', form: 'directory', files: fs }, opts, wider)
    expect(run(filesA).ok).toBe(true)
    proof.checkpoint.envelope = `${note}\n\n\u2014 ${name} ${Buffer.concat([keyId.subarray(0, 4), sig]).toString('base64')}\n`
    const v = run(files(b))
    const failed = v.checks.filter(c => c.status === 'fail')
    expect(failed.map(c => c.name)).toEqual(['binding-signature'])
    expect((failed[0] as { code?: string }).code).toBe('TLOG_INCLUSION_PROOF_ERROR')
  })

  it('in the statement bundle fails statement-signature as well as the digest binding.json lists', () => {
    const b = bundleOf(filesA, PROOF_FILES.statementBundle)
    b.verificationMaterial.timestampVerificationData.rfc3161Timestamps = []
    const v = verify({
      ...filesA,
      [PROOF_FILES.statementBundle]: serialise(b)
    })
    const failed = v.checks.filter(c => c.status === 'fail')
    expect(failed.map(c => c.name)).toEqual(['statement-signature', 'binding-consistency'])
    expect((failed[0] as { code?: string }).code).toBe('TIMESTAMP_ERROR')
  })
})
