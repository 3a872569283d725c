import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { PROOF_FILES } from '../../src/proof/layout.js'
import { readProofDirectory, type ProofFiles } from '../../src/proof/proof-bundle.js'
import { curve, parseDerSignature } from '../../src/sigstore/prehashed.js'
import { prepareTrustMaterial, verifyBundle } from '../../src/sigstore/verify-bundle.js'
import { DerError, parseDer, type Tlv } from '../../src/verify/der.js'
import { timestampTokenProfile } from '../../src/verify/timestamp-token.js'
import {
  evidenceShape,
  evidenceShapeProblem,
  unsignedFieldProblem
} from '../../src/verify/unsigned-fields.js'
import { verifyBundleFiles } from '../../src/verify/verify-bundle-files.js'
import type { BundleVerdict, CheckName, CheckResult } from '../../src/verify/verdict.js'
import { REPO_ROOT } from '../helpers/cli.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

// The committed proof chain (examples/proof-chain) is a genuine sandbox bundle: these tests edit
// the parts of its Sigstore bundles that no signature covers, without starting a sandbox.

const EXAMPLE = join(REPO_ROOT, 'examples/proof-chain')
const trustedRoot = readFileSync(
  join(EXAMPLE, 'sandbox-trusted-root.NOT-FOR-PRODUCTION.json'),
  'utf8'
)
const trust = prepareTrustMaterial(trustedRoot)
const files: ProofFiles = await readProofDirectory(join(EXAMPLE, 'bundle'))
const policy = (
  JSON.parse(files[PROOF_FILES.binding].toString('utf8')) as {
    provenance: { signer: { identity: string; issuer: string } }
  }
).provenance.signer

type Bundle = {
  verificationMaterial: {
    certificate: { rawBytes: string }
    tlogEntries: Record<string, unknown>[]
    timestampVerificationData: { rfc3161Timestamps: { signedTimestamp: string }[] }
  }
}
const bindingBundle = (): Bundle =>
  JSON.parse(files[PROOF_FILES.bindingBundle].toString('utf8')) as Bundle

function verifyWithBinding(bundle: Bundle): BundleVerdict {
  return verifyBundleFiles(
    {
      path: 'memory',
      form: 'directory',
      files: { ...files, [PROOF_FILES.bindingBundle]: Buffer.from(`${JSON.stringify(bundle)}\n`) }
    },
    { trustedRoot, policy, aiPolicy: 'any' },
    trust
  )
}
const check = (v: BundleVerdict, name: CheckName): CheckResult =>
  v.checks.find(c => c.name === name) as CheckResult

/** The cryptography alone still verifies: only the pin can tell the edit. */
function cryptoVerifies(bundle: Bundle): boolean {
  const digest = createHash('sha256').update(files[PROOF_FILES.statement]).digest('hex')
  return (
    verifyBundle({
      bundle,
      artifact: { digest: `sha256:${digest}` },
      trustMaterial: trust,
      policy: { kind: 'identity', ...policy }
    }).crypto?.verified === true
  )
}

// DER building blocks for the edits.
function length(n: number): Buffer {
  if (n < 0x80) return Buffer.from([n])
  const bytes: number[] = []
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 0xff)
  return Buffer.from([0x80 | bytes.length, ...bytes])
}
const tlv = (tag: number, ...content: Buffer[]): Buffer => {
  const body = Buffer.concat(content)
  return Buffer.concat([Buffer.from([tag]), length(body.length), body])
}
const rebuild = (t: Tlv, children: Buffer[]): Buffer => tlv(t.tag, ...children)
const bytesOf = (ts: Tlv[]): Buffer[] => ts.map(t => t.bytes)

/** The TimeStampResp of the binding bundle, taken apart one level per member. */
function tokenParts() {
  const der = Buffer.from(
    bindingBundle().verificationMaterial.timestampVerificationData.rfc3161Timestamps[0]
      .signedTimestamp,
    'base64'
  )
  const root = parseDer(der)
  const [status, contentInfo] = root.children!
  const [oid, explicit] = contentInfo.children!
  const signedData = explicit.children![0]
  const sd = signedData.children!
  const signerInfos = sd[sd.length - 1]
  const signer = signerInfos.children![0]
  /** Reassembles the response with the members given (defaults: the originals). */
  const assemble = (o: {
    status?: Buffer
    sd?: Buffer[]
    signers?: Buffer[]
    signer?: Buffer[]
  }): Buffer => {
    const signerBytes = o.signer ? rebuild(signer, o.signer) : signer.bytes
    const infos = rebuild(signerInfos, o.signers ?? [signerBytes])
    const sdMembers = o.sd ?? [...bytesOf(sd.slice(0, -1)), infos]
    return rebuild(root, [
      o.status ?? status.bytes,
      rebuild(contentInfo, [oid.bytes, rebuild(explicit, [rebuild(signedData, sdMembers)])])
    ])
  }
  return { der, sd, signer, signerInfos, assemble }
}

describe('strict DER', () => {
  it('reads one DER element and refuses what BER or a sloppy writer allows', () => {
    expect(parseDer(Buffer.from('300602010102010a', 'hex')).children).toHaveLength(2)
    for (const [why, hex] of [
      ['bytes after the element', '3000ff'],
      ['a non-minimal long length', '30810100'],
      ['a length with a leading zero', '3082000100'],
      ['a truncated element', '3005020101'],
      ['a high tag number', '1f0100'],
      ['a truncated child', '30020201']
    ])
      expect(() => parseDer(Buffer.from(hex, 'hex')), why).toThrow(DerError)
  })
})

describe('RFC 3161 timestamps', () => {
  it('accepts the sandbox TSA response and reassembles it byte for byte', () => {
    const t = tokenParts()
    expect(t.assemble({}).equals(t.der)).toBe(true)
    expect(timestampTokenProfile(t.der)).toEqual({
      digestAlgorithm: '300d06096086480165030402010500',
      signatureAlgorithm: '300a06082a8648ce3d040302',
      certificates: createHash('sha256').update(t.sd[3].bytes).digest('hex')
    })
  })

  it('refuses every unsigned element a Sigstore TSA does not write', () => {
    const t = tokenParts()
    const si = bytesOf(t.signer.children!)
    const variants: [string, Buffer][] = [
      ['a status other than granted', t.assemble({ status: Buffer.from('3003020101', 'hex') })],
      [
        'a status with a statusString',
        t.assemble({ status: Buffer.from('300702010030020c00', 'hex') })
      ],
      [
        'SignedData version 1',
        t.assemble({ sd: [Buffer.from('020101', 'hex'), ...bytesOf(t.sd.slice(1))] })
      ],
      ['CRLs', t.assemble({ sd: [...bytesOf(t.sd.slice(0, 4)), tlv(0xa1), t.sd[4].bytes] })],
      ['a second signer', t.assemble({ signers: [t.signer.bytes, t.signer.bytes] })],
      ['unsigned attributes', t.assemble({ signer: [...si, tlv(0xa1, tlv(0x30))] })],
      [
        'SignerInfo version 3',
        t.assemble({ signer: [Buffer.from('020103', 'hex'), ...si.slice(1)] })
      ],
      [
        'digestAlgorithms that are not the signer digest alone',
        t.assemble({
          sd: [t.sd[0].bytes, tlv(0x31, si[2], si[2]), ...bytesOf(t.sd.slice(2))]
        })
      ],
      [
        'a digest algorithm with other parameters',
        t.assemble({
          signer: [
            ...si.slice(0, 2),
            tlv(0x30, parseDer(si[2]).children![0].bytes, tlv(0x04)),
            ...si.slice(3)
          ]
        })
      ],
      ['trailing bytes', Buffer.concat([t.der, Buffer.from([0])])]
    ]
    for (const [why, der] of variants) {
      expect(der.equals(t.der), why).toBe(false)
      expect(() => timestampTokenProfile(der), why).toThrow(DerError)
    }
  })

  it('fails binding.sigstore.json whose timestamp makes another profile choice than the statement bundle', () => {
    const t = tokenParts()
    const withoutCertificates = t.assemble({
      sd: [...bytesOf(t.sd.slice(0, 3)), t.sd[4].bytes]
    })
    // A valid response on its own, and cryptographically the same timestamp ...
    expect(timestampTokenProfile(withoutCertificates).certificates).toBeNull()
    const b = bindingBundle()
    b.verificationMaterial.timestampVerificationData.rfc3161Timestamps[0].signedTimestamp =
      withoutCertificates.toString('base64')
    expect(cryptoVerifies(b)).toBe(true)
    // ... but not the form the statement bundle, whose bytes are signed, shows.
    const v = verifyWithBinding(b)
    expect(v.ok).toBe(false)
    expect(check(v, 'binding-signature')).toMatchObject({
      status: 'fail',
      finding: 'unsigned-field'
    })
    expect(evidenceShape(b)).not.toEqual(evidenceShape(bindingBundle()))
  })
})

describe('the signing certificate', () => {
  it('fails a certificate whose CA signature is replaced by its twin (r, n - s)', () => {
    const b = bindingBundle()
    const cert = parseDer(Buffer.from(b.verificationMaterial.certificate.rawBytes, 'base64'))
    const [tbs, alg, bits] = cert.children!
    const [r, s] = parseDerSignature(bits.content.subarray(1))!
    const n = curve('P-256')!.n
    const int = (v: bigint): Buffer => {
      let hex = v.toString(16)
      if (hex.length % 2) hex = `0${hex}`
      if (parseInt(hex.slice(0, 2), 16) & 0x80) hex = `00${hex}`
      return tlv(0x02, Buffer.from(hex, 'hex'))
    }
    const twin = tlv(0x30, int(r), int(n - s))
    const twinCert = rebuild(cert, [tbs.bytes, alg.bytes, tlv(0x03, Buffer.from([0]), twin)])
    b.verificationMaterial.certificate.rawBytes = twinCert.toString('base64')
    // The twin chains to the CA exactly like the original ...
    expect(cryptoVerifies(b)).toBe(true)
    // ... and only the copy in the log entry, which the SET and the inclusion proof sign, tells.
    expect(unsignedFieldProblem(b)).toMatchObject({
      field: 'verificationMaterial.certificate.rawBytes'
    })
    expect(check(verifyWithBinding(b), 'binding-signature')).toMatchObject({
      finding: 'unsigned-field'
    })
  })
})

describe('log entries', () => {
  it('requires the SET of a Rekor v1 entry, which is what signs its index and time', () => {
    const b = bindingBundle()
    delete b.verificationMaterial.tlogEntries[0].inclusionPromise
    b.verificationMaterial.tlogEntries[0].integratedTime = '1'
    expect(cryptoVerifies(b)).toBe(true)
    expect(unsignedFieldProblem(b)).toMatchObject({
      field: 'tlogEntries[0].inclusionPromise',
      expected: 'present',
      actual: 'absent'
    })
  })

  it('allows at most one entry and one timestamp, as the signing profile writes', () => {
    const twoEntries = bindingBundle()
    twoEntries.verificationMaterial.tlogEntries.push(twoEntries.verificationMaterial.tlogEntries[0])
    expect(unsignedFieldProblem(twoEntries)).toMatchObject({ field: 'tlogEntries' })
    const twoStamps = bindingBundle()
    const stamps = twoStamps.verificationMaterial.timestampVerificationData.rfc3161Timestamps
    stamps.push(stamps[0])
    expect(unsignedFieldProblem(twoStamps)).toMatchObject({ field: 'rfc3161Timestamps' })
  })

  it('pins a Rekor v2 entry: no SET, no integrated time, the index of its inclusion proof', () => {
    const v2 = (edit: (e: Record<string, unknown>) => void) => {
      const b = bindingBundle()
      const e = b.verificationMaterial.tlogEntries[0]
      e.kindVersion = { kind: 'hashedrekord', version: '0.0.2' }
      delete e.inclusionPromise
      delete e.integratedTime
      edit(e)
      return unsignedFieldProblem(b)
    }
    expect(v2(() => undefined)).toBeUndefined()
    expect(v2(e => (e.integratedTime = '5'))?.field).toBe('tlogEntries[0].integratedTime')
    expect(v2(e => (e.logIndex = '7'))?.field).toBe('tlogEntries[0].logIndex')
    expect(v2(e => (e.inclusionPromise = { signedEntryTimestamp: 'MAA=' }))?.field).toBe(
      'tlogEntries[0].inclusionPromise'
    )
  })
})

describe('unsigned fields of a bundle', () => {
  const edited = (edit: (b: Json) => void) => {
    const b = bindingBundle() as unknown as Json
    edit(b)
    return unsignedFieldProblem(b)
  }
  const entry = (b: Json) => b.verificationMaterial.tlogEntries[0]
  /** The log entry body, edited and written back. */
  const withBody = (edit: (body: Json) => unknown) =>
    edited(b => {
      const e = entry(b)
      const body = JSON.parse(Buffer.from(e.canonicalizedBody, 'base64').toString('utf8'))
      const out = edit(body) ?? body
      e.canonicalizedBody = Buffer.from(
        typeof out === 'string' ? out : JSON.stringify(out)
      ).toString('base64')
    })

  it('accepts the example', () => {
    expect(unsignedFieldProblem(bindingBundle())).toBeUndefined()
  })

  it('pins the media type and the one keyless DSSE signature', () => {
    expect(edited(b => (b.mediaType = 'x'))).toEqual({
      field: 'mediaType',
      expected: 'application/vnd.dev.sigstore.bundle.v0.3+json',
      actual: '"x"'
    })
    expect(unsignedFieldProblem(null)).toMatchObject({ field: 'mediaType', actual: null })
    expect(edited(b => (b.dsseEnvelope.signatures = []))).toEqual({
      field: 'dsseEnvelope.signatures',
      expected: '1 signature',
      actual: '0 signatures'
    })
    expect(edited(b => b.dsseEnvelope.signatures.push(b.dsseEnvelope.signatures[0]))).toMatchObject(
      {
        actual: '2 signatures'
      }
    )
    expect(edited(b => delete b.dsseEnvelope)).toMatchObject({ field: 'dsseEnvelope.signatures' })
    expect(edited(b => (b.dsseEnvelope.signatures[0].keyid = ''))).toBeUndefined()
    expect(edited(b => (b.dsseEnvelope.signatures[0].keyid = 0))).toMatchObject({
      field: 'dsseEnvelope.signatures[0].keyid',
      actual: '0'
    })
  })

  it('requires a signing certificate, not a chain or a key', () => {
    expect(edited(b => delete b.verificationMaterial.certificate)).toEqual({
      field: 'verificationMaterial.certificate',
      expected: 'present',
      actual: 'absent'
    })
    expect(edited(b => delete b.verificationMaterial)).toMatchObject({
      field: 'verificationMaterial.certificate'
    })
  })

  it('pins the kind and version of a log entry', () => {
    expect(edited(b => (entry(b).kindVersion.kind = 'intoto'))).toEqual({
      field: 'tlogEntries[0].kindVersion.kind',
      expected: 'dsse',
      actual: 'intoto'
    })
    // Rekor v2 has no dsse type: qprov logs a DSSE envelope there as a hashedrekord over its PAE
    expect(edited(b => (entry(b).kindVersion = { kind: 'dsse', version: '0.0.2' }))).toMatchObject({
      field: 'tlogEntries[0].kindVersion.kind',
      expected: 'hashedrekord'
    })
    expect(edited(b => delete entry(b).kindVersion)).toMatchObject({ actual: 'undefined' })
    expect(edited(b => (entry(b).kindVersion.version = '0.0.3'))).toEqual({
      field: 'tlogEntries[0].kindVersion.version',
      expected: '0.0.1 or 0.0.2',
      actual: '0.0.3'
    })
    expect(edited(b => delete entry(b).inclusionProof)).toEqual({
      field: 'tlogEntries[0].inclusionProof',
      expected: 'present',
      actual: 'absent'
    })
    expect(edited(b => (b.verificationMaterial.tlogEntries = []))).toBeUndefined()
  })

  it('requires the certificate the log entry names', () => {
    const other = {
      field: 'verificationMaterial.certificate.rawBytes',
      expected: 'the certificate the log entry names'
    }
    expect(withBody(() => '{')).toEqual({ ...other, actual: 'a log entry without one' })
    expect(withBody(() => '[]')).toMatchObject({ actual: 'a log entry without one' })
    expect(
      withBody(body => {
        body.spec.signatures[0].verifier = Buffer.from('not a certificate').toString('base64')
      })
    ).toMatchObject({ actual: 'a log entry without one' })
    expect(
      withBody(body => {
        const pem = Buffer.from(body.spec.signatures[0].verifier, 'base64').toString('utf8')
        body.spec.signatures[0].verifier = Buffer.from(`x${pem}`).toString('base64')
      })
    ).toMatchObject({ actual: 'a log entry without one' })
    expect(
      withBody(body => {
        const pem = Buffer.from(body.spec.signatures[0].verifier, 'base64').toString('utf8')
        body.spec.signatures[0].verifier = Buffer.from(`${pem}x`).toString('base64')
      })
    ).toMatchObject({ actual: 'a log entry without one' })
    // Without the final newline the PEM is still that certificate.
    expect(
      withBody(body => {
        const pem = Buffer.from(body.spec.signatures[0].verifier, 'base64').toString('utf8')
        body.spec.signatures[0].verifier = Buffer.from(pem.trimEnd()).toString('base64')
      })
    ).toBeUndefined()
    const cert = bindingBundle().verificationMaterial.certificate.rawBytes
    const otherCert = Buffer.from(cert, 'base64')
    otherCert[otherCert.length - 1] ^= 1
    const pemOf = (der: Buffer) =>
      `-----BEGIN CERTIFICATE-----\n${der.toString('base64').replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`
    expect(
      withBody(body => {
        body.spec.signatures[0].verifier = Buffer.from(pemOf(otherCert)).toString('base64')
      })
    ).toEqual({ ...other, actual: 'another certificate' })
    // Rekor v2 names the certificate as DER.
    const v2 = (rawBytes: string) =>
      withBody(() => ({
        spec: { hashedRekordV002: { signature: { verifier: { x509Certificate: { rawBytes } } } } }
      }))
    expect(v2(cert)).toBeUndefined()
    expect(v2(otherCert.toString('base64'))).toMatchObject({ actual: 'another certificate' })
    expect(withBody(() => ({ spec: { hashedRekordV002: { signature: {} } } }))).toMatchObject({
      actual: 'a log entry without one'
    })
  })

  it('refuses an RFC 3161 response that is not what a Sigstore TSA writes, naming it', () => {
    expect(
      edited(b => {
        const t = b.verificationMaterial.timestampVerificationData.rfc3161Timestamps[0]
        t.signedTimestamp = Buffer.from('3000', 'hex').toString('base64')
      })
    ).toEqual({
      field: 'rfc3161Timestamps[0].signedTimestamp',
      expected: 'the RFC 3161 response a Sigstore TSA writes',
      actual: 'PKIStatusInfo is not 3003020100'
    })
    expect(
      edited(b => {
        const t = b.verificationMaterial.timestampVerificationData.rfc3161Timestamps[0]
        t.signedTimestamp = Buffer.from('0400', 'hex').toString('base64')
      })
    ).toMatchObject({ actual: 'TimeStampResp is not the expected element' })
    expect(
      edited(b => {
        const stamps = b.verificationMaterial.timestampVerificationData.rfc3161Timestamps
        stamps.push(stamps[0])
      })
    ).toEqual({
      field: 'rfc3161Timestamps',
      expected: 'at most 1 timestamp',
      actual: '2 timestamps'
    })
    expect(edited(b => delete b.verificationMaterial.timestampVerificationData)).toBeUndefined()
  })
})

describe('evidence shape', () => {
  it('describes each log entry and timestamp, and tells two bundles apart', () => {
    const b = bindingBundle()
    const shape = evidenceShape(b)
    expect(shape).toHaveLength(2)
    expect(shape[0]).toMatch(
      /^tlog dsse\/0\.0\.1, log \S+, inclusionPromise present, inclusionProof present$/
    )
    expect(shape[1]).toMatch(
      /^rfc3161 \{"digestAlgorithm":"[0-9a-f]+","signatureAlgorithm":"[0-9a-f]+","certificates":/
    )
    expect(evidenceShapeProblem(b, bindingBundle())).toBeUndefined()
    const noPromise = bindingBundle()
    delete noPromise.verificationMaterial.tlogEntries[0].inclusionPromise
    expect(evidenceShape(noPromise)[0]).toMatch(/inclusionPromise absent/)
    expect(evidenceShapeProblem(noPromise, b)).toMatchObject({ expected: shape.join('; ') })
    const noStamp = bindingBundle()
    noStamp.verificationMaterial.timestampVerificationData.rfc3161Timestamps = []
    expect(evidenceShapeProblem(noStamp, b)).toMatchObject({ actual: shape[0] })
    // The reverse: a bundle with more evidence than its reference, whose first part agrees.
    expect(evidenceShapeProblem(b, noStamp)).toMatchObject({ expected: shape[0] })
    const bare = bindingBundle()
    bare.verificationMaterial.tlogEntries = []
    bare.verificationMaterial.timestampVerificationData.rfc3161Timestamps = []
    expect(evidenceShapeProblem(bare, b)).toMatchObject({ actual: 'no log entry or timestamp' })
    expect(evidenceShapeProblem(b, bare)).toMatchObject({ expected: 'no log entry or timestamp' })
    const junk = bindingBundle()
    junk.verificationMaterial.timestampVerificationData.rfc3161Timestamps[0].signedTimestamp =
      'AA=='
    expect(evidenceShape(junk)[1]).toBe('rfc3161 unreadable')
    expect(evidenceShape(undefined)).toEqual([])
  })
})

describe('unsigned fields that are null or of another type', () => {
  const problem = (edit: (b: Json) => void) => {
    const b = bindingBundle() as unknown as Json
    edit(b)
    return unsignedFieldProblem(b)
  }
  it('treats null members as absent rather than failing on them', () => {
    expect(problem(b => (b.dsseEnvelope = null))).toMatchObject({ actual: '0 signatures' })
    expect(problem(b => (b.dsseEnvelope = [b.dsseEnvelope]))).toMatchObject({
      actual: '0 signatures'
    })
    expect(problem(b => (b.dsseEnvelope.signatures = [null]))).toMatchObject({
      field: 'dsseEnvelope.signatures[0].sig'
    })
    expect(problem(b => (b.dsseEnvelope.signatures = 'x'))).toMatchObject({
      actual: '0 signatures'
    })
    expect(problem(b => (b.verificationMaterial = null))).toMatchObject({
      field: 'verificationMaterial.certificate'
    })
    expect(problem(b => (b.verificationMaterial.certificate = null))).toMatchObject({
      field: 'verificationMaterial.certificate'
    })
    expect(problem(b => (b.verificationMaterial.tlogEntries = [null]))).toMatchObject({
      field: 'tlogEntries[0].kindVersion.version'
    })
    expect(problem(b => (b.verificationMaterial.tlogEntries[0].kindVersion = null))).toEqual({
      field: 'tlogEntries[0].kindVersion.version',
      expected: '0.0.1 or 0.0.2',
      actual: 'undefined'
    })
    expect(
      problem(b => (b.verificationMaterial.timestampVerificationData.rfc3161Timestamps = [null]))
    ).toMatchObject({ field: 'rfc3161Timestamps[0].signedTimestamp' })
    expect(problem(b => (b.verificationMaterial.timestampVerificationData = null))).toBeUndefined()
    const nullShape = bindingBundle() as unknown as Json
    nullShape.verificationMaterial.tlogEntries[0].kindVersion = null
    nullShape.verificationMaterial.tlogEntries[0].logId = null
    nullShape.verificationMaterial.timestampVerificationData.rfc3161Timestamps = [null]
    expect(evidenceShape(nullShape)).toEqual([
      'tlog undefined/undefined, log undefined, inclusionPromise present, inclusionProof present',
      'rfc3161 unreadable'
    ])
  })

  it('reads a Rekor v2 index of 0 when the protobuf JSON leaves it out', () => {
    const v2 = (entryIndex: string | undefined, proofIndex: string | undefined) => {
      const b = bindingBundle() as unknown as Json
      const e = b.verificationMaterial.tlogEntries[0]
      e.kindVersion = { kind: 'hashedrekord', version: '0.0.2' }
      delete e.inclusionPromise
      delete e.integratedTime
      if (entryIndex === undefined) delete e.logIndex
      else e.logIndex = entryIndex
      if (proofIndex === undefined) delete e.inclusionProof.logIndex
      else e.inclusionProof.logIndex = proofIndex
      return unsignedFieldProblem(b)
    }
    expect(v2(undefined, undefined)).toBeUndefined()
    expect(v2('0', undefined)).toBeUndefined()
    expect(v2(undefined, '0')).toBeUndefined()
    expect(v2(undefined, '5')).toEqual({
      field: 'tlogEntries[0].logIndex',
      expected: '5',
      actual: '0'
    })
    expect(v2('5', undefined)).toEqual({
      field: 'tlogEntries[0].logIndex',
      expected: '0',
      actual: '5'
    })
    const withSet = bindingBundle() as unknown as Json
    const e = withSet.verificationMaterial.tlogEntries[0]
    e.kindVersion = { kind: 'hashedrekord', version: '0.0.2' }
    expect(unsignedFieldProblem(withSet)).toEqual({
      field: 'tlogEntries[0].inclusionPromise',
      expected: 'absent',
      actual: 'present'
    })
    delete e.inclusionPromise
    expect(unsignedFieldProblem(withSet)).toEqual({
      field: 'tlogEntries[0].integratedTime',
      expected: 'absent',
      actual: String(e.integratedTime)
    })
  })

  it('names the log entry count and the shape field exactly', () => {
    const two = bindingBundle() as unknown as Json
    two.verificationMaterial.tlogEntries.push(two.verificationMaterial.tlogEntries[0])
    expect(unsignedFieldProblem(two)).toEqual({
      field: 'tlogEntries',
      expected: 'at most 1 entry',
      actual: '2 entries'
    })
    const bare = bindingBundle() as unknown as Json
    bare.verificationMaterial.tlogEntries = []
    expect(evidenceShapeProblem(bare, bindingBundle())?.field).toBe(
      'verificationMaterial (log entries and timestamps, as statement.sigstore.json has them)'
    )
  })
})
