import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { bundleFromJSON, bundleToJSON } from '@sigstore/bundle'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planSigning, signStatement } from '../../src/attest/sign.js'
import { signingFromOptions } from '../../src/cli/signing-options.js'
import { parseBinding } from '../../src/proof/binding-document.js'
import { PROOF_FILES } from '../../src/proof/layout.js'
import {
  packProofBundle,
  readProofDirectory,
  type ProofFiles
} from '../../src/proof/proof-bundle.js'
import { startSandbox, type SandboxHandle } from '../../src/sandbox/sandbox.js'
import { GITHUB_PROFILE } from '../../src/sigstore/profiles.js'
import { verifyProofBundles, type VerifyOptions } from '../../src/verify/index.js'
import type { JobReader } from '../../src/verify/options.js'
import type {
  BundleVerdict,
  CheckName,
  CheckResult,
  FindingKind
} from '../../src/verify/verdict.js'
import { REPO_ROOT } from '../helpers/cli.js'
import { makeProofFixture, submitToSandbox, type ProofFixture } from './proof-fixture.js'

// Forgeries an adversary can build from genuine sandbox bundles, made differently from the
// tamper suite (which edits one value at a time): material signed by another identity, halves of
// two genuine bundles spliced together, genuine bundles replayed for another job, and decoys
// placed where a careless verifier might look. Each is rejected by the check it names.

let f: ProofFixture
/** Mallory's own sandbox: another Sigstore instance and another signing identity. */
let mallory: SandboxHandle
/** A complete, genuine proof bundle Mallory signed for the victim's workload. */
let m: string
let filesA: ProofFiles
let filesB: ProofFiles
let filesM: ProofFiles
let jobA: string
let jobB: string
/** The victim's root and Mallory's: what a verifier that trusts a shared instance holds. */
let bothRoots: string

beforeAll(async () => {
  f = await makeProofFixture()
  mallory = await startSandbox({
    dir: join(f.work, 'mallory'),
    runtime: { jobsPerMinute: 10_000 },
    identity: {
      repository: 'mallory/forge',
      ref: 'refs/heads/main',
      sha: '1'.repeat(40),
      workflowPath: '.github/workflows/attest.yml'
    }
  })
  m = join(f.work, 'm')
  await submitToSandbox(mallory, {
    workload: ['bell'],
    cwd: join(REPO_ROOT, 'examples'),
    receipt: join(f.work, 'receipt-a.json'),
    out: m
  })
  ;[filesA, filesB, filesM] = await Promise.all([f.a, f.b, m].map(readProofDirectory))
  jobA = parseBinding(filesA[PROOF_FILES.binding]).runtime.job_id
  jobB = parseBinding(filesB[PROOF_FILES.binding]).runtime.job_id
  const line = (text: string) => JSON.stringify(JSON.parse(text))
  bothRoots = `${line(f.trustedRoot)}\n${line(readFileSync(mallory.config.trustedRoot, 'utf8'))}\n`
}, 180_000)
afterAll(async () => {
  await mallory?.close()
  await f?.close()
})

async function signAs(sandbox: SandboxHandle, payload: Buffer): Promise<Buffer> {
  const signing = signingFromOptions({ sandbox: sandbox.dir }).signing
  const signed = await signStatement(payload, await planSigning(signing, {}))
  return Buffer.from(`${JSON.stringify(signed.bundle)}\n`)
}

function onDisk(name: string, files: ProofFiles, extra: Record<string, string> = {}): string {
  const dir = join(f.work, 'forgeries', name)
  mkdirSync(dir, { recursive: true })
  for (const [file, bytes] of Object.entries(files)) writeFileSync(join(dir, file), bytes)
  for (const [file, text] of Object.entries(extra)) writeFileSync(join(dir, file), text)
  return dir
}

async function verifyOne(path: string, extra: Partial<VerifyOptions> = {}): Promise<BundleVerdict> {
  const [v] = await verifyProofBundles([path], {
    trustedRoot: f.trustedRoot,
    policy: f.policy,
    workers: 0,
    ...extra
  })
  return v
}

function expectRejectedBy(v: BundleVerdict, check: CheckName, finding: FindingKind): CheckResult {
  expect(v.ok).toBe(false)
  const c = v.checks.find(x => x.name === check) as CheckResult
  expect(c.status === 'fail' && c.finding, `${check}: ${c.detail}`).toBe(finding)
  return c
}

describe('forgeries signed by another identity', () => {
  it('rejects a complete bundle Mallory signed, even where her instance is trusted', async () => {
    const v = await verifyOne(m, { trustedRoot: bothRoots })
    // The cryptography is sound: only the pinned signer tells the bundles apart.
    expect(v.checks.find(c => c.name === 'statement-signature')?.status).toBe('pass')
    const c = expectRejectedBy(v, 'signer-identity', 'signer-policy')
    expect(c.status === 'fail' && c.mismatches?.map(x => x.field)).toEqual(['identity', 'issuer'])
  })

  it('rejects the victim binding with the workload statement swapped for Mallory’s signature of it', async () => {
    const payload = filesA[PROOF_FILES.statement]
    const files = {
      ...filesA,
      [PROOF_FILES.statementBundle]: await signAs(mallory, payload)
    }
    const v = await verifyOne(onDisk('statement-by-mallory', files), { trustedRoot: bothRoots })
    expectRejectedBy(v, 'signer-identity', 'signer-policy')
  }, 60_000)

  it('rejects the victim bundle with the binding re-signed by Mallory', async () => {
    const binding = Buffer.from(readFileSync(join(f.a, PROOF_FILES.bindingBundle), 'utf8'))
    const payload = Buffer.from(
      (JSON.parse(binding.toString('utf8')) as { dsseEnvelope: { payload: string } }).dsseEnvelope
        .payload,
      'base64'
    )
    const files = { ...filesA, [PROOF_FILES.bindingBundle]: await signAs(mallory, payload) }
    const v = await verifyOne(onDisk('binding-by-mallory', files), { trustedRoot: bothRoots })
    // Mallory's log and TSA are not the ones the signed statement bundle shows.
    expectRejectedBy(v, 'binding-signature', 'unsigned-field')
  }, 60_000)
})

describe('splices of two genuine bundles', () => {
  it('rejects the statement half of one job joined to the binding half of another', async () => {
    const half = (from: ProofFiles, names: string[]) =>
      Object.fromEntries(names.map(n => [n, from[n]]))
    const files = {
      ...half(filesA, [
        PROOF_FILES.statement,
        PROOF_FILES.statementBundle,
        PROOF_FILES.receipt,
        PROOF_FILES.manifest
      ]),
      ...half(filesB, [PROOF_FILES.binding, PROOF_FILES.bindingBundle, PROOF_FILES.runtimeJob])
    }
    const v = await verifyOne(onDisk('splice-halves', files))
    expectRejectedBy(v, 'statement-content', 'subjects-differ')
  })

  it('rejects a statement bundle taken from Mallory’s bundle of the same workload', async () => {
    const files = {
      ...filesA,
      [PROOF_FILES.statement]: filesM[PROOF_FILES.statement],
      [PROOF_FILES.statementBundle]: filesM[PROOF_FILES.statementBundle]
    }
    const v = await verifyOne(onDisk('splice-mallory-statement', files), {
      trustedRoot: bothRoots
    })
    expectRejectedBy(v, 'signer-identity', 'signer-policy')
  })

  it('rejects the victim statement with the log entry of Mallory’s bundle appended', async () => {
    const bundle = JSON.parse(filesA[PROOF_FILES.bindingBundle].toString('utf8'))
    const hers = JSON.parse(filesM[PROOF_FILES.bindingBundle].toString('utf8'))
    bundle.verificationMaterial.tlogEntries.push(hers.verificationMaterial.tlogEntries[0])
    const files = {
      ...filesA,
      [PROOF_FILES.bindingBundle]: Buffer.from(`${JSON.stringify(bundle)}\n`)
    }
    const c = expectRejectedBy(
      await verifyOne(onDisk('splice-tlog', files), { trustedRoot: bothRoots }),
      'binding-signature',
      'unsigned-field'
    )
    expect(c.status === 'fail' && c.mismatches?.[0].field).toBe('tlogEntries')
  })
})

describe('replays of genuine bundles', () => {
  it('rejects a genuine bundle replayed as the proof of another job (--job)', async () => {
    const c = expectRejectedBy(
      await verifyOne(f.a, { jobId: jobB }),
      'runtime-record',
      'job-mismatch'
    )
    expect(c.status === 'fail' && c.mismatches).toEqual([
      { field: 'job ID (--job)', expected: jobB, actual: jobA }
    ])
  })

  it('rejects a genuine bundle replayed in a file named for another job', async () => {
    const dir = join(f.work, 'forgeries', 'replay-named')
    mkdirSync(dir, { recursive: true })
    const path = join(dir, `${jobB}.qprov.json`)
    writeFileSync(path, packProofBundle(filesA, jobA))
    expectRejectedBy(await verifyOne(path), 'runtime-record', 'job-mismatch')
  })

  it('rejects a superseded bundle whose job now carries other tags (--online)', async () => {
    // The job was tagged again for another statement: offline the old bundle is intact, the
    // live job tells.
    const tagsOfB = (
      JSON.parse(filesB[PROOF_FILES.runtimeJob].toString('utf8')) as { tags: string[] }
    ).tags
    const recordA = JSON.parse(filesA[PROOF_FILES.runtimeJob].toString('utf8')) as {
      backend: string
    }
    const api: JobReader = {
      getJob: id =>
        Promise.resolve({ id, status: 'Completed', backend: recordA.backend, tags: tagsOfB })
    }
    const v = await verifyOne(f.a, { online: { api } })
    expectRejectedBy(v, 'online-runtime', 'online-mismatch')
  })

  it('rejects a victim bundle with both log entries stripped, verified under the GitHub profile', async () => {
    const strip = (name: string): Buffer => {
      const j = JSON.parse(filesA[name].toString('utf8'))
      j.verificationMaterial.tlogEntries = []
      // Written the way a signer without a log writes it.
      return Buffer.from(`${JSON.stringify(bundleToJSON(bundleFromJSON(j)))}\n`)
    }
    const files = {
      ...filesA,
      [PROOF_FILES.statementBundle]: strip(PROOF_FILES.statementBundle),
      [PROOF_FILES.bindingBundle]: strip(PROOF_FILES.bindingBundle)
    }
    const v = await verifyOne(onDisk('stripped', files), { profile: GITHUB_PROFILE })
    // Both still carry a TSA timestamp, which the GitHub profile accepts; the binding, signed,
    // names the Rekor entry and the statement bundle's digest.
    expect(v.checks.find(c => c.name === 'statement-signature')?.status).toBe('pass')
    expectRejectedBy(v, 'transparency-entry', 'tlog-entry-mismatch')
    expectRejectedBy(v, 'binding-consistency', 'digest-mismatch')
  })
})

describe('decoys', () => {
  it('never takes a trusted root or a policy from the bundle it verifies', async () => {
    const dir = join(f.work, 'forgeries', 'decoy-root')
    cpSync(m, dir, { recursive: true })
    cpSync(mallory.config.trustedRoot, join(dir, 'trusted_root.json'))
    writeFileSync(
      join(dir, 'policy.json'),
      JSON.stringify({ identity: mallory.config.identity, issuer: mallory.config.issuer })
    )
    // Mallory's sandbox root is not the root in use: her certificate's CA is named as untrusted.
    expectRejectedBy(await verifyOne(dir), 'statement-signature', 'untrusted-root')
  })

  it('rejects a second DSSE signature beside the genuine one', async () => {
    const bundle = JSON.parse(filesA[PROOF_FILES.bindingBundle].toString('utf8'))
    const hers = JSON.parse(filesM[PROOF_FILES.bindingBundle].toString('utf8'))
    bundle.dsseEnvelope.signatures.push(hers.dsseEnvelope.signatures[0])
    const files = {
      ...filesA,
      [PROOF_FILES.bindingBundle]: Buffer.from(`${JSON.stringify(bundle)}\n`)
    }
    // Bundle v0.3 allows one signature only; the reader refuses the file before any check.
    expectRejectedBy(
      await verifyOne(onDisk('decoy-signature', files)),
      'binding-signature',
      'bundle-malformed'
    )
  })

  it('rejects a single-file bundle that carries its own trusted root', async () => {
    const dir = join(f.work, 'forgeries', 'decoy-member')
    mkdirSync(dir, { recursive: true })
    const packed = packProofBundle(filesM, parseBinding(filesM[PROOF_FILES.binding]).runtime.job_id)
      .toString('utf8')
      .replace(
        '"jobId": ',
        `"trustedRoot": ${JSON.stringify(readFileSync(mallory.config.trustedRoot, 'utf8'))},\n  "jobId": `
      )
    const path = join(dir, 'decoy.qprov.json')
    writeFileSync(path, packed)
    expectRejectedBy(
      await verifyOne(path, { trustedRoot: bothRoots }),
      'statement-signature',
      'bundle-unreadable'
    )
  })

  it('lists and fails a decoy directory named like a single-file bundle in a batch', async () => {
    const batch = join(f.work, 'forgeries', 'batch')
    cpSync(f.a, join(batch, 'a'), { recursive: true })
    // A genuine bundle, but hidden under a name that claims the single-file form.
    cpSync(f.b, join(batch, `${jobB}.qprov.json`), { recursive: true })
    const v = await verifyProofBundles([batch], {
      trustedRoot: f.trustedRoot,
      policy: f.policy,
      workers: 0
    })
    const byName = new Map(v.map(x => [x.bundle, x]))
    expect(byName.get(join(batch, 'a'))?.ok).toBe(true)
    const decoy = byName.get(join(batch, `${jobB}.qprov.json`)) as BundleVerdict
    expectRejectedBy(decoy, 'statement-signature', 'bundle-unreadable')
    expect(v).toHaveLength(2)
  })
})
