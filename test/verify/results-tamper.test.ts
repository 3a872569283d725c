import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { canonicalJson } from '../../src/proof/binding-document.js'
import { RESULTS_FILES } from '../../src/proof/layout.js'
import { readProofDirectory, type ProofFiles } from '../../src/proof/proof-bundle.js'
import { prepareTrustMaterial, type PreparedTrust } from '../../src/sigstore/verify-bundle.js'
import type { CheckOptions } from '../../src/verify/options.js'
import { verifyBundleFiles } from '../../src/verify/verify-bundle-files.js'
import type { BundleVerdict, CheckName, CheckResult } from '../../src/verify/verdict.js'
import { makeResultsFixture, type ResultsFixture } from './results-fixture.js'
import { runs } from '../helpers/property.js'

// Each variant changes one file: the other Sigstore bundles' cryptography is computed once.
vi.mock('../../src/sigstore/verify-bundle.js', async real =>
  (await import('../helpers/memo-verify.js')).memoizedVerifyBundle(await real())
)

// Every change to a file of the results layer is rejected, by the check named for that file.
let fx: ResultsFixture
let files: ProofFiles
let other: ProofFiles
let trust: PreparedTrust
let opts: CheckOptions

beforeAll(async () => {
  fx = await makeResultsFixture()
  files = await readProofDirectory(fx.withResults)
  other = await readProofDirectory(fx.other)
  const trustedRoot = readFileSync(fx.sb.config.trustedRoot, 'utf8')
  trust = prepareTrustMaterial(trustedRoot)
  opts = {
    trustedRoot,
    policy: { identity: fx.sb.config.identity, issuer: fx.sb.config.issuer },
    aiPolicy: 'any'
  }
}, 120_000)
afterAll(() => fx?.close())

const verify = (f: ProofFiles): BundleVerdict =>
  verifyBundleFiles({ path: 'memory', form: 'directory', files: f }, opts, trust)
const check = (v: BundleVerdict, n: CheckName) => v.checks.find(c => c.name === n) as CheckResult
const LAYER = Object.values(RESULTS_FILES)

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
    return `${v.slice(0, -1)}${last === 'A' ? 'B' : 'A'}`
  }
  if (typeof v === 'number') return v + 1
  if (typeof v === 'boolean') return !v
  return 'x'
}
function withLeaf(name: string, path: Path): Buffer {
  const root = JSON.parse(files[name].toString('utf8')) as Record<string | number, unknown>
  let o = root
  for (const k of path.slice(0, -1)) o = o[k] as Record<string | number, unknown>
  const last = path[path.length - 1]
  o[last] = changed(o[last])
  const text = JSON.stringify(root)
  return Buffer.from(name === RESULTS_FILES.bundle ? `${text}\n` : text)
}

/**
 * Each full verification checks three Sigstore bundles; results.json holds one leaf per shot
 * (1024), so its samples are taken at a stride (every 32nd and the last), all other leaves of
 * every file in full.
 */
function sampled(path: Path): boolean {
  const i = path.indexOf('samples')
  if (i < 0) return true
  const n = Number(path[i + 1])
  return n % 32 === 0 || n === 1023
}

/** The check that must reject a change to this file. */
const guard = (name: string): CheckName =>
  name === RESULTS_FILES.bundle ? 'results-signature' : 'results-content'

describe('results layer tamper suite', () => {
  it('accepts the untouched bundle, with every results check passing offline', () => {
    const v = verify(files)
    expect(v.ok).toBe(true)
    expect(check(v, 'results-content').status).toBe('pass')
  })

  // Runs early: it signs through the sandbox, before the long synchronous loops below.
  it('rejects a results layer of the same job signed over another binding', async () => {
    // The same job bound again (another binding.json), and results witnessed over that binding.
    const rebound = fx.copy(fx.withResults)
    const binding = JSON.parse(readFileSync(join(rebound, 'binding.json'), 'utf8'))
    binding.runtime.created = '2020-01-01T00:00:00.000Z'
    const { writeFileSync } = await import('node:fs')
    writeFileSync(join(rebound, 'binding.json'), canonicalJson(binding))
    const r = await fx.results(rebound)
    expect(r.code, r.stderr).toBe(0)
    const signedElsewhere = await readProofDirectory(rebound)
    const mixed = { ...files }
    for (const n of LAYER) mixed[n] = signedElsewhere[n]
    const v = verify(mixed)
    const c = check(v, 'results-content')
    expect(c).toMatchObject({ status: 'fail', finding: 'results-mismatch' })
    expect(c.status === 'fail' ? c.mismatches?.map(m => m.field) : []).toEqual(['results binding'])
  })

  it('writes files exactly as the tamper suite serialises them (so a leaf change is only that)', () => {
    for (const name of [RESULTS_FILES.results, RESULTS_FILES.statement])
      expect(files[name].toString()).toBe(JSON.stringify(JSON.parse(files[name].toString())))
  })

  for (const name of LAYER)
    it(`rejects a change to every JSON leaf of ${name} by ${guard(name)}`, () => {
      const value = JSON.parse(files[name].toString('utf8')) as unknown
      const paths = leaves(value).filter(sampled)
      expect(paths.length).toBeGreaterThan(0)
      for (const path of paths) {
        const v = verify({ ...files, [name]: withLeaf(name, path) })
        expect(v.ok, `${name} ${path.join('.')}`).toBe(false)
        expect(check(v, guard(name)).status, `${name} ${path.join('.')}`).toBe('fail')
      }
    })

  it('rejects a flipped byte anywhere in the layer', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...LAYER),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        (name, at, bit) => {
          const bytes = Buffer.from(files[name])
          bytes[at % bytes.length] ^= 1 << bit
          const v = verify({ ...files, [name]: bytes })
          return !v.ok && check(v, guard(name)).status === 'fail'
        }
      ),
      runs(0.6)
    )
  })

  it('rejects a missing file of the layer', () => {
    for (const name of LAYER) {
      const f = { ...files }
      delete f[name]
      const v = verify(f)
      expect(v.ok, name).toBe(false)
      expect(check(v, guard(name)).status, name).toBe('fail')
    }
  })

  it('rejects another job\u2019s results layer swapped in, naming the job and binding', () => {
    const swapped = { ...files }
    for (const n of LAYER) swapped[n] = other[n]
    const v = verify(swapped)
    expect(v.ok).toBe(false)
    const c = check(v, 'results-content')
    expect(c).toMatchObject({ status: 'fail', finding: 'results-mismatch' })
    const fields = c.status === 'fail' ? (c.mismatches ?? []).map(m => m.field) : []
    expect(fields).toEqual(expect.arrayContaining(['results job_id', 'results binding']))
  })

  it('rejects another job\u2019s results.json alone by its digest', () => {
    const v = verify({ ...files, [RESULTS_FILES.results]: other[RESULTS_FILES.results] })
    expect(check(v, 'results-content')).toMatchObject({
      status: 'fail',
      finding: 'results-digest-mismatch'
    })
  })

  it('rejects an edited count (one sample changed) by results-content', () => {
    const r = JSON.parse(files[RESULTS_FILES.results].toString())
    const s: string[] = r.results[0].data.c.samples
    s[0] = s[0] === '0x0' ? '0x3' : '0x0'
    const v = verify({ ...files, [RESULTS_FILES.results]: Buffer.from(JSON.stringify(r)) })
    expect(check(v, 'results-content')).toMatchObject({
      status: 'fail',
      finding: 'results-digest-mismatch'
    })
    expect(check(v, 'results-signature').status).toBe('pass')
  })
})
