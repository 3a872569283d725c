import { cpSync, readFileSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import { bundleFromJSON, bundleToJSON } from '@sigstore/bundle'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { prepareTrustMaterial, type PreparedTrust } from '../../src/sigstore/verify-bundle.js'
import { canonicalJson } from '../../src/proof/binding-document.js'
import { PROOF_FILES } from '../../src/proof/layout.js'
import { readProofDirectory, type ProofFiles } from '../../src/proof/proof-bundle.js'
import { verifyProofBundles } from '../../src/verify/index.js'
import type { CheckOptions, VerifyOptions } from '../../src/verify/options.js'
import { verifyBundleFiles } from '../../src/verify/verify-bundle-files.js'
import type { BundleVerdict, CheckName } from '../../src/verify/verdict.js'
import { REPO_ROOT } from '../helpers/cli.js'
import { makeProofFixture, type ProofFixture } from './proof-fixture.js'

// Each variant changes one file: the other Sigstore bundles' cryptography is computed once.
vi.mock('../../src/sigstore/verify-bundle.js', async real =>
  (await import('../helpers/memo-verify.js')).memoizedVerifyBundle(await real())
)

let f: ProofFixture
let filesA: ProofFiles
let trust: PreparedTrust
let opts: CheckOptions
let copies = 0

beforeAll(async () => {
  f = await makeProofFixture()
  filesA = await readProofDirectory(f.a)
  trust = prepareTrustMaterial(f.trustedRoot)
  opts = { trustedRoot: f.trustedRoot, policy: f.policy, aiPolicy: 'any' }
}, 120_000)
afterAll(() => f?.close())

const failed = (v: BundleVerdict): CheckName[] =>
  v.checks.filter(c => c.status === 'fail').map(c => c.name)

function verifyInMemory(files: ProofFiles, o: CheckOptions = opts): BundleVerdict {
  return verifyBundleFiles({ path: 'memory', form: 'directory', files }, o, trust)
}

/** A copy of bundle a on disk with some files replaced or removed. */
function diskCopy(change: (dir: string) => void): string {
  const dir = join(f.work, `copy-${copies++}`)
  cpSync(f.a, dir, { recursive: true })
  change(dir)
  return dir
}

type Path = (string | number)[]

function leaves(v: unknown, path: Path = []): Path[] {
  if (Array.isArray(v)) return v.flatMap((x, i) => leaves(x, [...path, i]))
  if (v !== null && typeof v === 'object')
    return Object.entries(v).flatMap(([k, x]) => leaves(x, [...path, k]))
  return [path]
}

function changed(v: unknown): unknown {
  if (typeof v === 'string') {
    if (v === '') return 'x'
    const last = v[v.length - 1]
    // Stay inside the base64 alphabet so encoded fields still decode, just to other bytes.
    return `${v.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`
  }
  if (typeof v === 'number') return v + 1
  if (typeof v === 'boolean') return !v
  return 'x'
}

function setAt(root: unknown, path: Path, value: unknown): void {
  let o = root as Record<string | number, unknown>
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>
  o[path[path.length - 1]] = value
}

function getAt(root: unknown, path: Path): unknown {
  return path.reduce<unknown>((o, k) => (o as Record<string | number, unknown>)[k], root)
}

/** Serialises a file the way qprov writes it, so only the changed leaf differs. */
function serialise(name: string, value: unknown): Buffer {
  if (name === PROOF_FILES.binding) return Buffer.from(canonicalJson(value))
  if (name === PROOF_FILES.runtimeJob) return Buffer.from(`${JSON.stringify(value, null, 2)}\n`)
  if (name.endsWith('.sigstore.json')) return Buffer.from(`${JSON.stringify(value)}\n`)
  return Buffer.from(JSON.stringify(value))
}

/** Which named check must catch a change to a leaf of this file (among others that may also fail). */
function expectedFor(name: string, path: Path): CheckName {
  switch (name) {
    case PROOF_FILES.binding:
      return 'binding-consistency'
    case PROOF_FILES.bindingBundle:
      return 'binding-signature'
    case PROOF_FILES.statementBundle:
      return 'statement-signature'
    case PROOF_FILES.receipt:
      return 'receipt-integrity'
    case PROOF_FILES.statement:
    case PROOF_FILES.manifest:
      return 'statement-content'
    default: {
      const tag = path[0] === 'tags' && String(getAt(JSON.parse(filesA[name].toString()), path))
      const compared = [
        'kind',
        'jobId',
        'sessionId',
        'backend',
        'program',
        'created',
        'instanceCRN'
      ]
      return (tag && tag.startsWith('qprov')) || compared.includes(String(path[0]))
        ? 'runtime-record'
        : 'binding-consistency'
    }
  }
}

interface LeafCase {
  file: string
  path: Path
  expected: CheckName
}

function leafCases(): LeafCase[] {
  const out: LeafCase[] = []
  for (const file of Object.values(PROOF_FILES)) {
    const value = JSON.parse(filesA[file].toString('utf8')) as unknown
    for (const path of leaves(value)) out.push({ file, path, expected: expectedFor(file, path) })
  }
  return out
}

describe('proof bundle tamper suite', () => {
  it('accepts both untouched bundles', async () => {
    const v = await verifyProofBundles([f.a, f.b], {
      trustedRoot: f.trustedRoot,
      policy: f.policy,
      workers: 0
    })
    expect(v.map(x => x.ok)).toEqual([true, true])
    expect(v[0].checks.filter(c => c.status === 'skip').map(c => c.name)).toEqual([
      'workload-files',
      'workload-closure',
      'results-signature',
      'results-content',
      'online-runtime',
      'results-online'
    ])
  })

  it('rejects a change to every leaf of every JSON file, naming the check that catches it', () => {
    const cases = leafCases()
    expect(cases.length).toBeGreaterThanOrEqual(150)
    const misses: string[] = []
    for (const c of cases) {
      const value = JSON.parse(filesA[c.file].toString('utf8')) as unknown
      setAt(value, c.path, changed(getAt(value, c.path)))
      const v = verifyInMemory({ ...filesA, [c.file]: serialise(c.file, value) })
      if (v.ok || !failed(v).includes(c.expected))
        misses.push(
          `${c.file} ${c.path.join('.')}: expected ${c.expected}, failed ${failed(v).join(',')}`
        )
    }
    expect(misses).toEqual([])
  }, 120_000)

  const swaps: [string, CheckName][] = [
    [PROOF_FILES.binding, 'binding-consistency'],
    [PROOF_FILES.bindingBundle, 'binding-consistency'],
    [PROOF_FILES.statement, 'statement-content'],
    [PROOF_FILES.statementBundle, 'statement-content'],
    [PROOF_FILES.receipt, 'receipt-integrity'],
    [PROOF_FILES.manifest, 'statement-content'],
    [PROOF_FILES.runtimeJob, 'runtime-record']
  ]
  it.each(swaps)('rejects %s taken from another valid bundle (%s)', async (name, check) => {
    const dir = diskCopy(d => cpSync(join(f.b, name), join(d, name)))
    const [v] = await verifyProofBundles([dir], {
      trustedRoot: f.trustedRoot,
      policy: f.policy,
      workers: 0
    })
    expect(v.ok).toBe(false)
    expect(failed(v)).toContain(check)
  })

  it('rejects a replayed runtime record of another job, naming that job', async () => {
    const dir = diskCopy(d =>
      cpSync(join(f.b, PROOF_FILES.runtimeJob), join(d, PROOF_FILES.runtimeJob))
    )
    const [v] = await verifyProofBundles([dir], {
      trustedRoot: f.trustedRoot,
      policy: f.policy,
      workers: 0
    })
    const rec = v.checks.find(c => c.name === 'runtime-record')!
    const otherJob = JSON.parse(readFileSync(join(f.b, PROOF_FILES.runtimeJob), 'utf8')).jobId
    expect(rec.status).toBe('fail')
    expect(rec.detail).toContain(otherJob)
  })

  const missing: [string, CheckName][] = [
    [PROOF_FILES.binding, 'binding-consistency'],
    [PROOF_FILES.bindingBundle, 'binding-signature'],
    [PROOF_FILES.statement, 'statement-content'],
    [PROOF_FILES.statementBundle, 'statement-signature'],
    [PROOF_FILES.receipt, 'receipt-integrity'],
    [PROOF_FILES.manifest, 'statement-content'],
    [PROOF_FILES.runtimeJob, 'runtime-record']
  ]
  it.each(missing)('rejects a bundle without %s (%s)', async (name, check) => {
    const dir = diskCopy(d => rmSync(join(d, name)))
    const [v] = await verifyProofBundles([dir], {
      trustedRoot: f.trustedRoot,
      policy: f.policy,
      workers: 0
    })
    expect(v.ok).toBe(false)
    expect(failed(v)).toContain(check)
  })

  const policies: [string, Partial<VerifyOptions>, CheckName][] = [
    [
      'another identity',
      {
        policy: {
          identity: 'https://github.com/acme/x/.github/workflows/a.yml@refs/heads/main',
          issuer: ''
        }
      },
      'signer-identity'
    ],
    [
      'another issuer',
      { policy: { identity: '', issuer: 'https://token.actions.githubusercontent.com' } },
      'signer-identity'
    ],
    [
      'a regexp that does not match the whole SAN',
      { policy: { identityRegExp: 'https://github\\.com/qprov-sandbox', issuer: '' } },
      'signer-identity'
    ],
    ['no-ai for a receipt that declares AI', { aiPolicy: 'no-ai' }, 'ai-policy'],
    [
      'the public-good root instead of the sandbox root',
      { trustedRoot: undefined },
      'statement-signature'
    ],
    [
      'a workload that is not the signed one',
      { workload: { paths: ['bell'], cwd: '' } },
      'workload-files'
    ]
  ]
  it.each(policies)('rejects bundle b under %s', async (_, override, check) => {
    const policy = { ...f.policy, ...override.policy }
    for (const k of ['identity', 'issuer'] as const) if (policy[k] === '') policy[k] = f.policy[k]
    if (override.policy?.identityRegExp) delete (policy as { identity?: string }).identity
    const o: VerifyOptions = { trustedRoot: f.trustedRoot, workers: 0, ...override, policy }
    // Bundle a's workload (examples/bell) is not the one bundle b signed.
    if (o.workload) o.workload = { paths: ['bell'], cwd: join(REPO_ROOT, 'examples') }
    if ('trustedRoot' in override && override.trustedRoot === undefined) delete o.trustedRoot
    const [v] = await verifyProofBundles([f.b], o)
    expect(v.ok).toBe(false)
    expect(failed(v)).toContain(check)
  })

  it('accepts bundle b with its own workload re-hashed, and under declared-only', async () => {
    const [v] = await verifyProofBundles([f.b], {
      trustedRoot: f.trustedRoot,
      policy: f.policy,
      workers: 0,
      aiPolicy: 'declared-only',
      workload: { paths: ['bell'], cwd: f.workloadB }
    })
    expect(v.checks.find(c => c.name === 'workload-files')!.status).toBe('pass')
    expect(v.checks.find(c => c.name === 'ai-policy')!.detail).toContain('declared:copilot')
    expect(v.ok).toBe(true)
  })

  // Single-byte changes: the deterministic sweep in byte-sweep.test.ts replaces the random
  // byte-flip property that was here.

  describe('optional fields of the Sigstore bundles', () => {
    /** Every member and array element below the root: what a deletion can remove. */
    function members(v: unknown, path: Path = []): Path[] {
      const own: [string | number, unknown][] = Array.isArray(v)
        ? v.map((x, i) => [i, x])
        : v !== null && typeof v === 'object'
          ? Object.entries(v)
          : []
      return own.flatMap(([k, x]) => [[...path, k], ...members(x, [...path, k])])
    }
    function without(root: unknown, path: Path): unknown {
      const copy = structuredClone(root) as Record<string | number, unknown>
      const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, unknown> | unknown[]
      const last = path[path.length - 1]
      if (Array.isArray(parent)) parent.splice(last as number, 1)
      else delete parent[last]
      return copy
    }
    /** The bytes a writer would produce for this value, or undefined if it is no bundle. */
    function canonical(value: unknown): Buffer | undefined {
      try {
        return Buffer.from(`${JSON.stringify(bundleToJSON(bundleFromJSON(value)))}\n`)
      } catch {
        return undefined
      }
    }
    // Deleting a field that a profile may omit leaves a bundle that still parses; each such
    // deletion, and each edit of what it leaves, must still fail the bundle.
    function optionalDeletions(name: string): { path: string; value: unknown }[] {
      const value = JSON.parse(filesA[name].toString('utf8')) as unknown
      return members(value)
        .map(path => ({ path: path.join('.'), value: without(value, path) }))
        .filter(d => {
          const bytes = canonical(d.value)
          return bytes !== undefined && !bytes.equals(filesA[name])
        })
    }
    const expectedChecks: Record<string, CheckName[]> = {
      [PROOF_FILES.bindingBundle]: ['binding-signature'],
      // Every byte of the statement bundle is listed in the signed binding; a deletion that
      // changes its evidence also no longer matches the binding bundle's.
      [PROOF_FILES.statementBundle]: ['binding-consistency', 'binding-signature']
    }

    it.each([PROOF_FILES.bindingBundle, PROOF_FILES.statementBundle])(
      'rejects %s with any optional field deleted',
      name => {
        const deletions = optionalDeletions(name)
        const paths = deletions.map(d => d.path)
        for (const p of [
          'verificationMaterial.tlogEntries.0.inclusionPromise',
          'verificationMaterial.tlogEntries.0.integratedTime',
          'verificationMaterial.tlogEntries.0',
          'verificationMaterial.timestampVerificationData.rfc3161Timestamps.0'
        ])
          expect(paths).toContain(p)
        const misses = deletions
          .map(d => ({ d, v: verifyInMemory({ ...filesA, [name]: canonical(d.value)! }) }))
          .filter(({ v }) => v.ok || !failed(v).some(c => expectedChecks[name].includes(c)))
          .map(({ d, v }) => `${d.path}: failed ${failed(v).join(',') || 'nothing'}`)
        expect(misses).toEqual([])
      },
      120_000
    )

    it('rejects binding.sigstore.json with a field deleted and any field it left unpinned edited', () => {
      const name = PROOF_FILES.bindingBundle
      const misses: string[] = []
      let cases = 0
      for (const d of optionalDeletions(name))
        for (const leaf of leaves(d.value)) {
          const value = structuredClone(d.value)
          setAt(value, leaf, changed(getAt(value, leaf)))
          const bytes = canonical(value)
          if (bytes === undefined) continue
          cases++
          const v = verifyInMemory({ ...filesA, [name]: bytes })
          if (v.ok || !failed(v).includes('binding-signature'))
            misses.push(`${d.path} deleted, ${leaf.join('.')} edited: ${failed(v).join(',')}`)
        }
      expect(cases).toBeGreaterThanOrEqual(100)
      expect(misses).toEqual([])
    }, 300_000)
  })

  it('verifies the same bundles on two worker threads, in input order', async () => {
    const paths = [f.a, f.b, diskCopy(d => rmSync(join(d, PROOF_FILES.receipt))), f.a]
    const v = await verifyProofBundles(paths, {
      trustedRoot: f.trustedRoot,
      policy: f.policy,
      workers: 2
    })
    expect(v.map(x => x.bundle)).toEqual(paths)
    expect(v.map(x => x.ok)).toEqual([true, true, false, true])
  })
})
