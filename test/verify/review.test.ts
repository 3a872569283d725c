import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { runVerify } from '../../src/action/modes/verify.js'
import type { ActionInputs } from '../../src/action/inputs.js'
import type { GitHubEdges } from '../../src/action/github-edges.js'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planSigning, signStatement } from '../../src/attest/sign.js'
import { prepareTrustMaterial, type PreparedTrust } from '../../src/sigstore/verify-bundle.js'
import { rekorEntryOf } from '../../src/sigstore/rekor-entry.js'
import { buildBinding } from '../../src/binding/bind.js'
import {
  bindingBytes,
  parseBinding,
  sha256Digest,
  type BindingDocument
} from '../../src/proof/binding-document.js'
import {
  bindingStatementPayload,
  buildBindingStatement
} from '../../src/proof/binding-statement.js'
import { parseRuntimeJob } from '../../src/proof/runtime-job-file.js'
import { PROOF_FILES } from '../../src/proof/layout.js'
import {
  packProofBundle,
  readProofDirectory,
  type ProofFiles
} from '../../src/proof/proof-bundle.js'
import { verifyProofBundles } from '../../src/verify/index.js'
import { signingFromOptions } from '../../src/cli/signing-options.js'
import type { CheckOptions } from '../../src/verify/options.js'
import { decide, verifyBundleFiles } from '../../src/verify/verify-bundle-files.js'
import { verifyOnWorkers } from '../../src/verify/worker-pool.js'
import { CHECK_NAMES, type BundleVerdict, type CheckName } from '../../src/verify/verdict.js'
import { makeProofFixture, type ProofFixture } from './proof-fixture.js'

// Adversarial review of the verifier: each case here was a fail-open path before its fix.

let f: ProofFixture
let filesA: ProofFiles
let trust: PreparedTrust
let opts: CheckOptions

beforeAll(async () => {
  f = await makeProofFixture()
  filesA = await readProofDirectory(f.a)
  trust = prepareTrustMaterial(f.trustedRoot)
  opts = { trustedRoot: f.trustedRoot, policy: f.policy, aiPolicy: 'any' }
}, 120_000)
afterAll(() => f?.close())

const status = (v: BundleVerdict, name: CheckName) => v.checks.find(c => c.name === name)?.status

const verifyInMemory = (files: ProofFiles): BundleVerdict =>
  verifyBundleFiles({ path: 'memory', form: 'directory', files }, opts, trust)

/** Signs payload bytes with the sandbox identity: a real signature by the trusted signer. */
async function signWithSandbox(payload: Buffer): Promise<Buffer> {
  const signing = signingFromOptions({ sandbox: f.sandbox.dir }).signing
  const signed = await signStatement(payload, await planSigning(signing, {}))
  return Buffer.from(`${JSON.stringify(signed.bundle)}\n`)
}

describe('decide', () => {
  const verdict = (checks: BundleVerdict['checks']): BundleVerdict => ({
    ok: true,
    bundle: 'x',
    jobId: null,
    checks,
    facts: {}
  })
  const allPass = () => CHECK_NAMES.map(name => ({ name, status: 'pass' as const, detail: 'fine' }))

  it('is not ok without checks', () => {
    expect(decide(verdict([])).ok).toBe(false)
  })

  it('is not ok when a required check is absent, or listed twice', () => {
    expect(decide(verdict(allPass().filter(c => c.name !== 'binding-signature'))).ok).toBe(false)
    const twice = allPass()
    twice.push({ ...twice[0] })
    expect(decide(verdict(twice)).ok).toBe(false)
    expect(decide(verdict(allPass())).ok).toBe(true)
  })
})

describe('signature checks', () => {
  it('fails statement-content when a signed binding statement does not name statement.json', async () => {
    const doc = parseBinding(filesA[PROOF_FILES.binding])
    const stmt = buildBindingStatement(doc)
    // A real signature by the trusted signer over a statement whose subjects do not include
    // this bundle's statement digest: the signature verifies, the statement does not match.
    stmt.subject = [stmt.subject[1]]
    const bundle = await signWithSandbox(Buffer.from(JSON.stringify(stmt)))
    const v = verifyInMemory({ ...filesA, [PROOF_FILES.bindingBundle]: bundle })
    expect(v.ok).toBe(false)
    // The signature itself is valid; the subjects are statement-content's to compare.
    expect(status(v, 'binding-signature')).toBe('pass')
    expect(status(v, 'statement-content')).toBe('fail')
  }, 60_000)
})

describe('signed statement bytes', () => {
  it('fails a binding statement whose payload is not the one qprov builds for binding.json', async () => {
    const doc = parseBinding(filesA[PROOF_FILES.binding])
    const good = JSON.stringify(buildBindingStatement(doc))
    // A duplicate key: this parser keeps the last predicate, a first-wins parser the other one.
    const other = { ...doc, runtime: { ...doc.runtime, job_id: 'another-job' } }
    const dup = good.replace('"predicate":', `"predicate":${JSON.stringify(other)},"predicate":`)
    const extra = `${good.slice(0, -1)},"note":"unsigned by any check"}`
    for (const payload of [dup, extra]) {
      const bundle = await signWithSandbox(Buffer.from(payload))
      const v = verifyInMemory({ ...filesA, [PROOF_FILES.bindingBundle]: bundle })
      expect(v.ok).toBe(false)
      expect(status(v, 'statement-content')).toBe('fail')
    }
  }, 60_000)

  it('fails a workload statement with a member the manifest and receipt do not account for', async () => {
    // A complete bundle re-signed by the trusted signer around a statement with an extra member:
    // only the rebuilt-statement comparison can tell.
    const oldPayload = filesA[PROOF_FILES.statement]
    const payload = Buffer.from(`${oldPayload.toString('utf8').slice(0, -1)},"note":"x"}`)
    const stmtBundle = await signWithSandbox(payload)
    const v1 = (b: Buffer) =>
      rekorEntryOf(JSON.parse(b.toString())) as { logIndex: string; uuid: string }
    const oldRekor = v1(filesA[PROOF_FILES.statementBundle])
    const rekor = v1(stmtBundle)
    const jobText = filesA[PROOF_FILES.runtimeJob]
      .toString('utf8')
      .replaceAll(sha256Digest(oldPayload), sha256Digest(payload))
      .replaceAll(oldRekor.uuid, rekor.uuid)
      .replaceAll(`"${oldRekor.logIndex}"`, `"${rekor.logIndex}"`)
      .replaceAll(`idx:${oldRekor.logIndex}"`, `idx:${rekor.logIndex}"`)
    const files: ProofFiles = {
      ...filesA,
      [PROOF_FILES.statement]: payload,
      [PROOF_FILES.statementBundle]: stmtBundle,
      [PROOF_FILES.runtimeJob]: Buffer.from(jobText)
    }
    const doc = buildBinding(files, parseRuntimeJob(files[PROOF_FILES.runtimeJob]), [])
    files[PROOF_FILES.binding] = bindingBytes(doc)
    files[PROOF_FILES.bindingBundle] = await signWithSandbox(bindingStatementPayload(doc))
    const v = verifyInMemory(files)
    expect(v.checks.filter(c => c.status === 'fail').map(c => c.name)).toEqual([
      'statement-content'
    ])
    expect(v.ok).toBe(false)
  }, 60_000)
})

describe('binding fields', () => {
  const resigned = async (edit: (d: BindingDocument) => void): Promise<BundleVerdict> => {
    const doc = parseBinding(filesA[PROOF_FILES.binding])
    edit(doc)
    return verifyInMemory({
      ...filesA,
      [PROOF_FILES.binding]: bindingBytes(doc),
      [PROOF_FILES.bindingBundle]: await signWithSandbox(bindingStatementPayload(doc))
    })
  }

  it('accepts the binding re-signed unchanged (the control case)', async () => {
    expect((await resigned(() => undefined)).ok).toBe(true)
  }, 60_000)

  const edits: [string, (d: BindingDocument) => void][] = [
    ['a region that is not the CRN location', d => void (d.runtime.instance.region = 'eu-de')],
    [
      'a target check the record does not hold',
      d => {
        d.runtime.target_check = { status: 'passed', backend: 'ibm_other' }
      }
    ]
  ]
  it.each(edits)(
    'fails a signed binding with %s (runtime-record)',
    async (_, edit) => {
      const v = await resigned(edit)
      expect(v.ok).toBe(false)
      expect(status(v, 'runtime-record')).toBe('fail')
    },
    60_000
  )
})

describe('unsigned bundle fields', () => {
  const edits: [string, (j: Record<string, unknown>) => void][] = [
    [
      'a keyid on the signature',
      j => {
        ;(j.dsseEnvelope as { signatures: { keyid?: string }[] }).signatures[0].keyid = 'x'
      }
    ],
    [
      'the v0.2 media type',
      j => {
        j.mediaType = 'application/vnd.dev.sigstore.bundle+json;version=0.2'
      }
    ]
  ]
  it.each(edits)('fails binding.sigstore.json with %s', (_, edit) => {
    const j = JSON.parse(filesA[PROOF_FILES.bindingBundle].toString('utf8')) as Record<
      string,
      unknown
    >
    edit(j)
    const bytes = Buffer.from(`${JSON.stringify(j)}\n`)
    const v = verifyInMemory({ ...filesA, [PROOF_FILES.bindingBundle]: bytes })
    expect(v.ok).toBe(false)
    expect(status(v, 'binding-signature')).toBe('fail')
  })
})

describe('worker pool', () => {
  it('fails every bundle, in input order, when the workers crash', async () => {
    // The worker builds its trust material on start: this root makes it throw there.
    const broken = { ...opts, trustedRoot: '{"not":"a root"' }
    const v = await verifyOnWorkers([f.a, f.b, f.a], broken, 2)
    expect(v.map(x => x.bundle)).toEqual([f.a, f.b, f.a])
    expect(v.map(x => x.ok)).toEqual([false, false, false])
    for (const x of v) expect(x.checks.every(c => c.status === 'fail')).toBe(true)
  }, 60_000)

  it('re-decides what a worker returns and keeps input order', async () => {
    const v = await verifyOnWorkers([f.b, f.a], opts, 2)
    expect(v.map(x => [x.bundle, x.ok])).toEqual([
      [f.b, true],
      [f.a, true]
    ])
  }, 60_000)
})

describe('bundle containers', () => {
  it('refuses to verify no bundle at all rather than report every one verified', async () => {
    await expect(
      verifyProofBundles([], { trustedRoot: f.trustedRoot, policy: f.policy, workers: 0 })
    ).rejects.toMatchObject({ code: 'USAGE' })
  })

  it('lists symbolic links in a directory of bundles, and fails the ones it will not follow', async () => {
    const dir = join(f.work, 'batch-with-links')
    mkdirSync(dir)
    cpSync(f.a, join(dir, 'a'), { recursive: true })
    const packed = join(f.work, 'packed-a.qprov.json')
    writeFileSync(packed, packProofBundle(filesA, 'job-a'))
    symlinkSync(f.b, join(dir, 'b-link'))
    symlinkSync(packed, join(dir, 'z.qprov.json'))
    const v = await verifyProofBundles([dir], {
      trustedRoot: f.trustedRoot,
      policy: f.policy,
      workers: 0
    })
    expect(v.map(x => x.bundle)).toEqual(['a', 'b-link', 'z.qprov.json'].map(n => join(dir, n)))
    expect(v.map(x => x.ok)).toEqual([true, true, false])
  }, 60_000)

  it('accepts the packed form and refuses every non-canonical variant of it', async () => {
    const jobId = parseBinding(filesA[PROOF_FILES.binding]).runtime.job_id
    const good = packProofBundle(filesA, jobId).toString('utf8')
    const b64 = filesA[PROOF_FILES.receipt].toString('base64')
    const receiptKey = `"${PROOF_FILES.receipt}": "`
    const all = Object.values(filesA).map(b => b.toString('base64'))
    const padded = all.find(x => x.endsWith('='))!
    // Non-canonical base64 that decodes to the same bytes: other bits in the padding.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
    const at = padded.replace(/=+$/, '').length - 1
    const looseBits = [1, 2, 3]
      .map(
        k =>
          `${padded.slice(0, at)}${alphabet[alphabet.indexOf(padded[at]) + k]}${padded.slice(at + 1)}`
      )
      .find(x => Buffer.from(x, 'base64').equals(Buffer.from(padded, 'base64')))!
    const variants: [string, string][] = [
      ['as packed', good],
      ['base64 with a line break', good.replace(b64, `${b64.slice(0, 8)}\n${b64.slice(8)}`)],
      ['base64 without padding', good.replace(padded, padded.replace(/=+$/, ''))],
      ['base64 with other padding bits', good.replace(padded, looseBits)],
      ['a duplicate file key', good.replace(receiptKey, `${receiptKey}e30=",\n    ${receiptKey}`)],
      ['a duplicate jobId', good.replace('"jobId": ', '"jobId": "x",\n  "jobId": ')],
      [
        'a path-traversing file name',
        good.replace(receiptKey, `"../x": "e30=",\n    ${receiptKey}`)
      ],
      ['an extra member', good.replace('"jobId": ', '"trustedRoot": "x",\n  "jobId": ')],
      ['another job ID', good.replace(`"jobId": "${jobId}"`, '"jobId": "another-job"')],
      ['a byte order mark', `\ufeff${good}`]
    ]
    const results: [string, boolean][] = []
    for (const [i, [name, text]] of variants.entries()) {
      if (i > 0) expect(text, name).not.toBe(good)
      // Named for its job, as fetch and the action write it: the name is checked too.
      mkdirSync(join(f.work, `variant-${i}`))
      const path = join(f.work, `variant-${i}`, `${jobId}.qprov.json`)
      writeFileSync(path, text)
      const [v] = await verifyProofBundles([path], {
        trustedRoot: f.trustedRoot,
        policy: f.policy,
        workers: 0
      })
      results.push([name, v.ok])
    }
    expect(results).toEqual(variants.map(([name], i) => [name, i === 0]))
  }, 60_000)

  it('fails a bundle directory whose proof file is a symbolic link', async () => {
    const dir = join(f.work, 'linked-file')
    cpSync(f.a, dir, { recursive: true })
    rmSync(join(dir, PROOF_FILES.receipt))
    symlinkSync(join(f.a, PROOF_FILES.receipt), join(dir, PROOF_FILES.receipt))
    const [v] = await verifyProofBundles([dir], {
      trustedRoot: f.trustedRoot,
      policy: f.policy,
      workers: 0
    })
    expect(v.ok).toBe(false)
    expect(v.checks.every(c => c.status === 'fail')).toBe(true)
  })
})

describe('action verify mode', () => {
  it('never outputs verified=true for a step that fails after the verdict', async () => {
    const verdict = verifyInMemory(filesA)
    expect(verdict.ok).toBe(true)
    const outputs: [string, string][] = []
    const report = {
      output: (n: string, v: string) => void outputs.push([n, v]),
      info: () => undefined,
      warning: () => undefined,
      summary: () => Promise.resolve()
    }
    const gh = {
      context: () => ({
        serverURL: 'https://github.com',
        apiURL: '',
        repository: 'o/r',
        owner: 'o',
        repo: 'r',
        sha: 'a'.repeat(40)
      }),
      checkRuns: () => ({
        create: () => Promise.reject(new Error('check run refused'))
      })
    } as unknown as GitHubEdges
    const inputs = {
      bundle: [f.a],
      workspace: f.work,
      outDir: join(f.work, 'action-out'),
      checkRun: true,
      certificateIdentity: f.policy.identity,
      certificateOidcIssuer: f.policy.issuer
    } as unknown as ActionInputs
    await expect(
      runVerify(inputs, report, gh, () => Promise.resolve([verdict]), {})
    ).rejects.toThrow('check run refused')
    expect(outputs.filter(([n]) => n === 'verified').map(([, v]) => v)).toEqual(['false'])
  })
})

describe('the checkpoint note, which no digest covers', () => {
  // Node's base64 decoder stops at the first character outside the alphabet and ignores extra
  // padding, so `…gql`, `…gql?` and `…gql=` decode to one signature (found by the byte-flip property).
  const edited = (name: string, edit: (note: string) => string): ProofFiles => {
    const bundle = JSON.parse(filesA[name].toString('utf8'))
    const proof = bundle.verificationMaterial.tlogEntries[0].inclusionProof
    proof.checkpoint.envelope = edit(proof.checkpoint.envelope)
    return { ...filesA, [name]: Buffer.from(`${JSON.stringify(bundle)}\n`) }
  }
  const appendToSig = (note: string, extra: string) => `${note.trimEnd()}${extra}\n`

  for (const name of [PROOF_FILES.statementBundle, PROOF_FILES.bindingBundle])
    it(`rejects a non-canonical signature line in ${name}`, () => {
      expect(verifyInMemory(edited(name, n => n)).ok).toBe(true)
      for (const extra of ['?', '*', '=', '==', '?=']) {
        const v = verifyInMemory(edited(name, n => appendToSig(n, extra)))
        expect(v.ok, extra).toBe(false)
      }
      expect(verifyInMemory(edited(name, n => `${n}— other.example AAAAAAA=\n`)).ok).toBe(false)
    })
})
