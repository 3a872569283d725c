import { describe, expect, it } from 'vitest'
import { PROOF_FILES } from '../../src/proof/layout.js'
import { strictEncodingProblem } from '../../src/verify/strict-encoding.js'
import { exampleFiles } from './example-bundle.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

const bundle = () => JSON.parse(exampleFiles[PROOF_FILES.bindingBundle].toString('utf8')) as Json
const entry = (b: Json) => b.verificationMaterial.tlogEntries[0]
const PROOF = 'verificationMaterial.tlogEntries[0].inclusionProof'
const problem = (edit: (b: Json) => void) => {
  const b = bundle()
  edit(b)
  return strictEncodingProblem(b)
}
const extend = (b64: string, extra: string) =>
  Buffer.concat([Buffer.from(b64, 'base64'), Buffer.from(extra, 'hex')]).toString('base64')

describe('strict encoding', () => {
  it('accepts the example bundle', () => {
    expect(strictEncodingProblem(bundle())).toBeUndefined()
  })

  it('requires every DER value to be one strict SEQUENCE, naming the field', () => {
    expect(
      problem(
        b => (b.dsseEnvelope.signatures[0].sig = extend(b.dsseEnvelope.signatures[0].sig, '00'))
      )
    ).toEqual({
      field: 'dsseEnvelope.signatures[0].sig',
      expected: 'one DER value',
      actual: 'bytes after the element'
    })
    expect(problem(b => (b.verificationMaterial.certificate.rawBytes = 'AgEB'))).toEqual({
      field: 'verificationMaterial.certificate.rawBytes',
      expected: 'a DER SEQUENCE',
      actual: 'another value'
    })
    expect(problem(b => delete b.verificationMaterial.certificate.rawBytes)).toEqual({
      field: 'verificationMaterial.certificate.rawBytes',
      expected: 'a DER value',
      actual: null
    })
    const ts = 'verificationMaterial.timestampVerificationData.rfc3161Timestamps[0].signedTimestamp'
    expect(
      problem(b => {
        const t = b.verificationMaterial.timestampVerificationData.rfc3161Timestamps[0]
        t.signedTimestamp = extend(t.signedTimestamp, '0000')
      })?.field
    ).toBe(ts)
    expect(
      problem(b => {
        const p = entry(b).inclusionPromise
        p.signedEntryTimestamp = extend(p.signedEntryTimestamp, '00')
      })?.field
    ).toBe('verificationMaterial.tlogEntries[0].inclusionPromise.signedEntryTimestamp')
    // Absent parts are other rules' concern.
    expect(problem(b => delete b.verificationMaterial.certificate)).toBeUndefined()
    expect(problem(b => delete entry(b).inclusionPromise)).toBeUndefined()
    expect(problem(b => delete entry(b).inclusionProof)).toBeUndefined()
    expect(problem(b => delete b.dsseEnvelope)).toBeUndefined()
    expect(problem(b => delete b.verificationMaterial)).toBeUndefined()
    expect(strictEncodingProblem(undefined)).toBeUndefined()
  })

  it('requires the checkpoint to carry exactly one canonical signature line', () => {
    const note = (edit: (n: string) => string) =>
      problem(b => {
        const c = entry(b).inclusionProof.checkpoint
        c.envelope = edit(c.envelope)
      })
    const envelope = `${PROOF}.checkpoint.envelope`
    expect(note(n => n)).toBeUndefined()
    expect(note(n => `${n}\u2014 other AAAA\n`)).toEqual({
      field: envelope,
      expected: 'exactly one signature line',
      actual: '2 lines'
    })
    expect(note(n => n.replace('\n\n', '\n'))).toMatchObject({
      field: envelope,
      expected: 'exactly one signature line'
    })
    expect(note(n => n.trimEnd())).toMatchObject({ expected: 'exactly one signature line' })
    // A note without the blank line is refused as such, even when its tail reads as a signature line.
    expect(note(() => 'x\u2014 name AAAA\n')).toMatchObject({
      field: envelope,
      expected: 'exactly one signature line'
    })
    expect(note(n => n.replace(/\n\n.*\n$/s, '\n\n'))).toMatchObject({ actual: '0 lines' })
    expect(note(n => `${n.trimEnd()}?\n`)).toEqual({
      field: envelope,
      expected: '"— <name> <canonical base64>"',
      actual: 'another signature line'
    })
    expect(note(n => n.replace('\u2014 ', '- '))).toMatchObject({
      actual: 'another signature line'
    })
    // Padding bits that decode to the same bytes.
    const sigLine = (n: string) => n.split('\n\n')[1]
    expect(
      note(n => {
        const line = sigLine(n).trimEnd()
        const b64 = line.split(' ').pop() as string
        const loose = `${b64.slice(0, -1)}${b64.endsWith('=') ? '==' : '='}`
        return n.replace(b64, loose)
      })
    ).toMatchObject({ field: envelope })
  })

  it('requires the checkpoint signer name to be the origin’s, as the log writes it', () => {
    const note = (edit: (n: string) => string) =>
      problem(b => {
        const c = entry(b).inclusionProof.checkpoint
        c.envelope = edit(c.envelope)
      })
    const genuine = (entry(bundle()).inclusionProof.checkpoint.envelope as string).split('\n')[0]
    const name = genuine.split(' - ')[0]
    // A substring of the log's base URL still verifies in @sigstore/verify.
    for (const other of [name.slice(0, -1), `http://${name}`, '1'])
      expect(note(n => n.replace(`\u2014 ${name} `, `\u2014 ${other} `))).toEqual({
        field: `${PROOF}.checkpoint.envelope signer name`,
        expected: `the origin's name (${genuine})`,
        actual: other
      })
    // Rekor v2: the origin is the name itself.
    expect(note(n => n.replace(genuine, name))).toBeUndefined()
    expect(note(n => n.replace(genuine, `${name}x - 1`))).toMatchObject({ actual: name })
  })

  it('requires the proof tree size and root hash to be the checkpoint’s', () => {
    expect(problem(b => (entry(b).inclusionProof.treeSize = '999'))).toMatchObject({
      field: `${PROOF}.treeSize`,
      actual: '999'
    })
    const size = bundle().verificationMaterial.tlogEntries[0].inclusionProof.treeSize
    expect(problem(b => (entry(b).inclusionProof.treeSize = size)))?.toBeUndefined()
    expect(
      problem(b => (entry(b).inclusionProof.rootHash = Buffer.alloc(32).toString('base64')))
    ).toMatchObject({
      field: `${PROOF}.rootHash`,
      actual: Buffer.alloc(32).toString('base64')
    })
    expect(problem(b => delete entry(b).inclusionProof.rootHash)).toMatchObject({
      field: `${PROOF}.rootHash`,
      actual: null
    })
    expect(problem(b => delete entry(b).inclusionProof.checkpoint)).toEqual({
      field: `${PROOF}.checkpoint`,
      expected: 'a checkpoint',
      actual: null
    })
  })
})

describe('strict encoding of odd members', () => {
  it('names null signatures, timestamps and entries instead of failing on them', () => {
    expect(problem(b => (b.dsseEnvelope.signatures = [null]))).toMatchObject({
      field: 'dsseEnvelope.signatures[0].sig',
      actual: null
    })
    expect(
      problem(b => (b.verificationMaterial.timestampVerificationData.rfc3161Timestamps = [null]))
    ).toMatchObject({ actual: null })
    expect(problem(b => (b.verificationMaterial.tlogEntries = [null]))).toBeUndefined()
  })

  it('refuses a root hash that is not text, and text before the signature line', () => {
    expect(problem(b => (entry(b).inclusionProof.rootHash = 5))).toMatchObject({
      field: `${PROOF}.rootHash`,
      actual: null
    })
    expect(
      problem(b => {
        const c = entry(b).inclusionProof.checkpoint
        const [note, sig] = c.envelope.split('\n\n')
        c.envelope = `${note}\n\njunk${sig}`
      })
    ).toMatchObject({ actual: 'another signature line' })
  })

  it('reads a note that starts with its blank line as a note without origin', () => {
    expect(
      problem(b => {
        const c = entry(b).inclusionProof.checkpoint
        c.envelope = `\n\n${c.envelope.split('\n\n')[1]}`
      })
    ).toMatchObject({
      field: `${PROOF}.checkpoint.envelope signer name`,
      expected: "the origin's name ()"
    })
  })
})
