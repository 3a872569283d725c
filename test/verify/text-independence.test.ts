import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { canonicalJson } from '../../src/proof/binding-document.js'
import { PROOF_FILES } from '../../src/proof/layout.js'
import { readProofDirectory, type ProofFiles } from '../../src/proof/proof-bundle.js'
import type { LoadedProofBundle } from '../../src/proof/proof-bundle.js'
import { prepareTrustMaterial, type PreparedTrust } from '../../src/sigstore/verify-bundle.js'
import type { CheckOptions } from '../../src/verify/options.js'
import {
  CHECK_NAMES,
  type BundleVerdict,
  type CheckResult,
  type CheckName
} from '../../src/verify/verdict.js'
import { makeProofFixture, type ProofFixture } from './proof-fixture.js'

// Decisions come from typed data only. Every sentence a person reads is replaced here, and every
// verdict, status, finding and skip reason must stay exactly what it was.

let f: ProofFixture
let filesA: ProofFiles
let filesB: ProofFiles
let trust: PreparedTrust
let opts: CheckOptions

beforeAll(async () => {
  f = await makeProofFixture()
  filesA = await readProofDirectory(f.a)
  filesB = await readProofDirectory(f.b)
  trust = prepareTrustMaterial(f.trustedRoot)
  opts = { trustedRoot: f.trustedRoot, policy: f.policy, aiPolicy: 'any' }
}, 120_000)
afterAll(() => f?.close())

interface Case {
  name: string
  loaded: LoadedProofBundle
  opts: CheckOptions
}

function edited(name: string, edit: (j: Record<string, unknown>) => void): ProofFiles {
  const j = JSON.parse(filesA[name].toString('utf8')) as Record<string, unknown>
  edit(j)
  const bytes =
    name === PROOF_FILES.binding
      ? canonicalJson(j)
      : name.endsWith('.sigstore.json')
        ? `${JSON.stringify(j)}\n`
        : `${JSON.stringify(j, null, 2)}\n`
  return { ...filesA, [name]: Buffer.from(bytes) }
}

/** Good bundles, broken ones and mismatched policies: each check passes, fails or skips somewhere. */
function corpus(): Case[] {
  const mem = (files: ProofFiles, extra: Partial<LoadedProofBundle> = {}): LoadedProofBundle => ({
    path: 'memory',
    form: 'directory',
    files,
    ...extra
  })
  const cases: Case[] = [
    { name: 'bundle a', loaded: mem(filesA), opts },
    { name: 'bundle b', loaded: mem(filesB), opts },
    { name: 'unreadable', loaded: mem({}, { error: 'not a bundle' }), opts }
  ]
  for (const file of Object.values(PROOF_FILES)) {
    const { [file]: _gone, ...rest } = filesA
    cases.push({ name: `without ${file}`, loaded: mem(rest), opts })
    cases.push({ name: `${file} from b`, loaded: mem({ ...filesA, [file]: filesB[file] }), opts })
  }
  cases.push(
    {
      name: 'binding.json of another job',
      loaded: mem(
        edited(PROOF_FILES.binding, j => {
          ;(j.runtime as { job_id: string }).job_id = 'another-job'
        })
      ),
      opts
    },
    {
      name: 'a keyid on the binding signature',
      loaded: mem(
        edited(PROOF_FILES.bindingBundle, j => {
          ;(j.dsseEnvelope as { signatures: { keyid?: string }[] }).signatures[0].keyid = 'k'
        })
      ),
      opts
    },
    {
      name: 'another tag value',
      loaded: mem(
        edited(PROOF_FILES.runtimeJob, j => {
          const tags = j.tags as string[]
          j.tags = tags.map(t => (t.startsWith('qprov-pkg:') ? `qprov-pkg:${'0'.repeat(16)}` : t))
        })
      ),
      opts
    },
    { name: 'no-ai on b', loaded: mem(filesB), opts: { ...opts, aiPolicy: 'no-ai' } },
    {
      name: 'declared-only on b',
      loaded: mem(filesB),
      opts: { ...opts, aiPolicy: 'declared-only' }
    },
    {
      name: 'the workload of b against a',
      loaded: mem(filesA),
      opts: { ...opts, workloadManifest: new Uint8Array(filesB[PROOF_FILES.manifest]) }
    },
    {
      name: 'its own workload',
      loaded: mem(filesA),
      opts: { ...opts, workloadManifest: new Uint8Array(filesA[PROOF_FILES.manifest]) }
    },
    {
      name: 'another identity',
      loaded: mem(filesA),
      opts: { ...opts, policy: { ...f.policy, identity: `${f.policy.identity}x` } }
    },
    {
      // The example: a source repository other than the one pinned.
      name: 'another source repository',
      loaded: mem(filesA),
      opts: { ...opts, policy: { ...f.policy, sourceRepository: 'https://github.com/acme/other' } }
    },
    { name: 'another job pinned', loaded: mem(filesA), opts: { ...opts, jobId: 'another-job' } },
    { name: 'a file named for another job', loaded: mem(filesA, { namedJobId: 'x' }), opts }
  )
  return cases
}

type Decision = [string, boolean, [CheckName, string, string | undefined][]]

const decision = (name: string, v: BundleVerdict): Decision => [
  name,
  v.ok,
  v.checks.map(c => [
    c.name,
    c.status,
    c.status === 'fail' ? c.finding : c.status === 'skip' ? c.reason : undefined
  ])
]

type Verify = typeof import('../../src/verify/verify-bundle-files.js').verifyBundleFiles

async function decisions(verify: Verify): Promise<{ d: Decision[]; v: BundleVerdict[] }> {
  const v = corpus().map(c => verify(c.loaded, c.opts, trust))
  return { d: corpus().map((c, i) => decision(c.name, v[i])), v }
}

describe('decisions never read the sentences people read', () => {
  it('gives every verdict, status, finding and skip reason again with every sentence replaced', async () => {
    const real = await decisions(
      (await import('../../src/verify/verify-bundle-files.js')).verifyBundleFiles
    )
    // The corpus must exercise all three statuses and both outcomes, or it proves little.
    expect(new Set(real.d.map(d => d[1]))).toEqual(new Set([true, false]))
    const statuses = new Set(real.v.flatMap(v => v.checks.map(c => c.status)))
    expect(statuses).toEqual(new Set(['pass', 'fail', 'skip']))

    vi.resetModules()
    vi.doMock('../../src/verify/outcome-text.js', () => ({
      findingText: () => 'REWORDED',
      skipText: () => 'REWORDED',
      mismatchText: () => 'REWORDED'
    }))
    vi.doMock('../../src/sigstore/identity-policy.js', async original => ({
      ...(await original<typeof import('../../src/sigstore/identity-policy.js')>()),
      policyFindingText: () => 'REWORDED'
    }))
    vi.doMock('../../src/verify/outcome.js', async original => ({
      ...(await original<typeof import('../../src/verify/outcome.js')>()),
      pass: () => ({ status: 'pass', detail: 'REWORDED' })
    }))
    try {
      const reworded = await decisions(
        (await import('../../src/verify/verify-bundle-files.js')).verifyBundleFiles
      )
      // The rewording took effect everywhere ...
      for (const v of reworded.v)
        for (const c of v.checks) expect(c.detail, `${v.bundle} ${c.name}`).toBe('REWORDED')
      // ... and changed no decision.
      expect(reworded.d).toEqual(real.d)
    } finally {
      vi.doUnmock('../../src/verify/outcome-text.js')
      vi.doUnmock('../../src/sigstore/identity-policy.js')
      vi.doUnmock('../../src/verify/outcome.js')
      vi.resetModules()
    }
  }, 120_000)

  it('fails a bundle signed from another source repository, naming the requirement', async () => {
    const { verifyBundleFiles } = await import('../../src/verify/verify-bundle-files.js')
    const v = verifyBundleFiles(
      { path: 'memory', form: 'directory', files: filesA },
      { ...opts, policy: { ...f.policy, sourceRepository: 'https://github.com/acme/other' } },
      trust
    )
    const identity = v.checks.find(c => c.name === 'signer-identity') as CheckResult
    expect(v.ok).toBe(false)
    expect(identity).toMatchObject({ status: 'fail', finding: 'signer-policy' })
    expect(identity.status === 'fail' && identity.mismatches?.map(m => m.field)).toEqual([
      'source-repository'
    ])
  })

  it('decides the same after every detail of a verdict is rewritten', async () => {
    const { verifyBundleFiles, decide } = await import('../../src/verify/verify-bundle-files.js')
    for (const c of corpus()) {
      const v = verifyBundleFiles(c.loaded, c.opts, trust)
      const before = v.ok
      const rewritten = decide({
        ...v,
        checks: v.checks.map(x => ({ ...x, detail: x.detail.split('').reverse().join('') }))
      })
      expect(rewritten.ok, c.name).toBe(before)
    }
  })
})

describe('allowed skips are typed', () => {
  it('accepts a skip only for a reason its check lists, whatever the detail says', async () => {
    const { decide } = await import('../../src/verify/verify-bundle-files.js')
    const base = (): BundleVerdict => ({
      ok: false,
      bundle: 'x',
      jobId: null,
      facts: {},
      checks: CHECK_NAMES.map(name =>
        name === 'workload-files'
          ? { name, status: 'skip', reason: 'no-workload', detail: 'anything at all' }
          : name === 'online-runtime'
            ? { name, status: 'skip', reason: 'offline', detail: '' }
            : { name, status: 'pass', detail: '' }
      )
    })
    expect(decide(base()).ok).toBe(true)
    const swapped = base()
    // The right words with the wrong reason is not an allowed skip.
    swapped.checks[9] = {
      name: 'workload-files',
      status: 'skip',
      reason: 'prerequisite-failed',
      detail: 'no --workload given'
    }
    expect(decide(swapped).ok).toBe(false)
    const elsewhere = base()
    elsewhere.checks[0] = {
      name: 'statement-signature',
      status: 'skip',
      reason: 'offline',
      detail: 'offline (no --online)'
    }
    expect(decide(elsewhere).ok).toBe(false)
  })
})
