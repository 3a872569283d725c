import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { RFC3161Timestamp } from '@sigstore/core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { planSigning, signStatement } from '../../src/attest/sign.js'
import { rankCandidates, type ValidCandidate } from '../../src/binding/candidates.js'
import { fetchProof, type FetchPolicy } from '../../src/binding/fetch-proof.js'
import {
  LocalDirectorySource,
  type FoundProof,
  type ProofSource
} from '../../src/binding/proof-sources.js'
import { signingFromOptions } from '../../src/cli/signing-options.js'
import { PROOF_FILES } from '../../src/proof/layout.js'
import { readProofDirectory } from '../../src/proof/proof-bundle.js'
import { createRuntimeClient, type RuntimeApi } from '../../src/runtime/client.js'
import { resolveConnection } from '../../src/runtime/connection.js'
import { connectionSettings } from '../../src/settings/connection.js'
import { PUBLIC_GOOD_PROFILE } from '../../src/sigstore/profiles.js'
import { signedTimeOf } from '../../src/sigstore/signed-time.js'
import { makeProofFixture, type ProofFixture } from '../verify/proof-fixture.js'

// In process: the sandbox (Sigstore + Runtime emulator over HTTP), real bundles from submit.
let f: ProofFixture
let api: RuntimeApi
let policy: FetchPolicy
let jobA: string
let n = 0

const fresh = (name: string) => join(f.work, `${name}-${n++}`)
const json = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'))
const write = (dir: string, name: string, value: unknown) =>
  writeFileSync(join(dir, name), `${JSON.stringify(value)}\n`)

function copyOf(src: string, name: string): string {
  const dir = fresh(name)
  cpSync(src, dir, { recursive: true })
  return dir
}

/** A copy of bundle a whose binding signature is not genuine: one base64 character changed. */
function forgedSignature(): string {
  const dir = copyOf(f.a, 'forged')
  const b = json(dir, PROOF_FILES.bindingBundle)
  const sig: string = b.dsseEnvelope.signatures[0].sig
  const i = 20
  b.dsseEnvelope.signatures[0].sig = `${sig.slice(0, i)}${sig[i] === 'A' ? 'B' : 'A'}${sig.slice(i + 1)}`
  write(dir, PROOF_FILES.bindingBundle, b)
  return dir
}

/** A copy of bundle a whose binding is signed again, genuinely, later than the original. */
async function resigned(): Promise<string> {
  const dir = copyOf(f.a, 'resigned')
  const payload = Buffer.from(json(dir, PROOF_FILES.bindingBundle).dsseEnvelope.payload, 'base64')
  // Signed times have whole seconds: start the new signature in a later second.
  const before = signedTimeOf(json(f.a, PROOF_FILES.bindingBundle)) as Date
  while (Math.floor(Date.now() / 1000) <= Math.floor(before.getTime() / 1000) + 1)
    await new Promise(r => setTimeout(r, 100))
  const signing = signingFromOptions({ sandbox: f.sandbox.dir }).signing
  const signed = await signStatement(payload, await planSigning(signing, {}))
  write(dir, PROOF_FILES.bindingBundle, signed.bundle)
  return dir
}

const local = (...dirs: string[]) => new LocalDirectorySource(dirs)

/** A source that hands over whatever it holds, whatever the query (as a misnamed asset would). */
function fixed(name: string, found: FoundProof[]): ProofSource {
  return { name, find: () => Promise.resolve(found) }
}

const fetchA = (sources: ProofSource[], out = fresh('out')) =>
  fetchProof({ jobId: jobA, api, sources, verification: policy, outDir: out })

beforeAll(async () => {
  f = await makeProofFixture()
  api = createRuntimeClient(resolveConnection(connectionSettings({ sandbox: f.sandbox.dir }), {}))
  policy = { policy: f.policy, trustedRoot: f.trustedRoot, profile: PUBLIC_GOOD_PROFILE }
  jobA = json(f.a, PROOF_FILES.binding).runtime.job_id
}, 180_000)
afterAll(() => f?.close())

describe('fetch verifies every candidate', () => {
  it('passes over a decoy that agrees with the tags but is not genuinely signed, and takes the intact bundle of a later source', async () => {
    const decoy = forgedSignature()
    const out = fresh('out')
    const r = await fetchA([local(decoy), local(f.a)], out)
    expect(r.chosen.found.location).toBe(f.a)
    expect(r.rejected).toEqual([
      {
        source: 'local',
        location: decoy,
        // online-runtime cannot run without a verified binding, and fails.
        rejection: { kind: 'not-verified', checks: ['binding-signature', 'online-runtime'] },
        // The signed timestamp covers the signature: it is the first thing to fail.
        detail: 'TIMESTAMP_ERROR: timestamp could not be verified'
      }
    ])
    for (const name of Object.values(PROOF_FILES))
      expect(readFileSync(join(out, name))).toEqual(readFileSync(join(f.a, name)))
  })

  it('writes nothing when no candidate verifies, and names each failed check', async () => {
    const out = fresh('none')
    const err = await fetchA([local(forgedSignature())], out).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'PROOF_MISMATCH', exitCode: 1 })
    expect((err as Error).message).toMatch(
      /no candidate verified: .*forged-\d+: failed binding-signature, online-runtime \(TIMESTAMP_ERROR/
    )
    expect(existsSync(out)).toBe(false)
  })

  it('pins the job: a genuine bundle of another job is rejected by runtime-record', async () => {
    const filesB = await readProofDirectory(f.b)
    const err = await fetchA([
      fixed('asset', [{ source: 'asset', location: 'B', files: filesB }])
    ]).catch((e: unknown) => e)
    const rejected = (err as { details: { rejected: { rejection: unknown }[] } }).details.rejected
    expect(rejected).toHaveLength(1)
    expect(rejected[0]?.rejection).toEqual({
      kind: 'not-verified',
      checks: ['runtime-record', 'online-runtime']
    })
  })

  it('compares each candidate with the live job: one whose tags the job no longer carries is rejected', async () => {
    const jobB = json(f.b, PROOF_FILES.binding).runtime.job_id
    const live = await api.getJob(jobB)
    // Job B's qprov tags now point at job A's evidence (a relabelled job).
    const aTags = json(f.a, PROOF_FILES.runtimeJob).tags as string[]
    await api.replaceTags(jobB, aTags)
    try {
      const err2 = await fetchProof({
        jobId: jobB,
        api,
        sources: [local(f.b)],
        verification: policy,
        outDir: fresh('out')
      }).catch((e: unknown) => e)
      const rejected = (err2 as { details: { rejected: { rejection: unknown }[] } }).details
        .rejected
      expect(rejected[0]?.rejection).toEqual({ kind: 'not-verified', checks: ['online-runtime'] })
    } finally {
      await api.replaceTags(jobB, live.tags)
    }
  })

  it('of two valid candidates takes the binding signed last, and reports both', async () => {
    const later = await resigned()
    const r = await fetchA([local(f.a), local(later)])
    expect(r.valid.map(v => v.found.location)).toEqual([later, f.a])
    expect(r.chosen.found.location).toBe(later)
    expect(r.valid[0]!.signedAt.getTime()).toBeGreaterThan(r.valid[1]!.signedAt.getTime())
    expect(r.rejected).toEqual([])
    // Order of the sources does not decide.
    const swapped = await fetchA([local(later), local(f.a)])
    expect(swapped.chosen.found.location).toBe(later)
  }, 60_000)
})

describe('the signed time of a binding bundle', () => {
  it('is the earliest of its TSA time and the integrated time its SET signs', () => {
    const b = json(f.a, PROOF_FILES.bindingBundle)
    const tlog = b.verificationMaterial.tlogEntries[0]
    const tsa = RFC3161Timestamp.parse(
      Buffer.from(
        b.verificationMaterial.timestampVerificationData.rfc3161Timestamps[0].signedTimestamp,
        'base64'
      )
    ).signingTime
    const integrated = new Date(Number(tlog.integratedTime) * 1000)
    expect(signedTimeOf(b)).toEqual(new Date(Math.min(tsa.getTime(), integrated.getTime())))
    // An integrated time no SET signs is not a signed time.
    delete tlog.inclusionPromise
    expect(signedTimeOf(b)).toEqual(tsa)
    b.verificationMaterial.timestampVerificationData.rfc3161Timestamps = []
    expect(signedTimeOf(b)).toBeUndefined()
    expect(signedTimeOf({ not: 'a bundle' })).toBeUndefined()
  })
})

describe('the tie rule', () => {
  const cand = (location: string, at: number, order: number): ValidCandidate => ({
    found: { source: 's', location, files: {} },
    signedAt: new Date(at),
    order
  })
  it('ranks by signed time, latest first, then by search order', () => {
    const ranked = rankCandidates([cand('old', 1000, 0), cand('b', 2000, 2), cand('a', 2000, 1)])
    expect(ranked.map(c => c.found.location)).toEqual(['a', 'b', 'old'])
  })
})
