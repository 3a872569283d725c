import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateAuditReport } from '../../src/binding/audit-validator.js'
import { shardOf } from '../../src/binding/audit-report.js'
import { PROOF_FILES } from '../../src/proof/layout.js'
import { runInProcess } from '../helpers/in-process.js'
import { makeProofFixture, type ProofFixture } from '../verify/proof-fixture.js'

// The sandbox (Sigstore + Runtime emulator over HTTP) holds jobs of every class; the bundles are
// real ones from submit, one of them tampered.
let f: ProofFixture
let bundles: string
let policy: string[]
const ids: Record<string, string> = {}
const json = (dir: string, name: string) => JSON.parse(readFileSync(join(dir, name), 'utf8'))
const PAST = Date.parse('2026-01-07T10:00:00Z')

const audit = (...args: string[]) =>
  runInProcess(['audit', '--sandbox', f.sandbox.dir, '--from', bundles, ...policy, ...args])

beforeAll(async () => {
  f = await makeProofFixture()
  policy = [
    '--trusted-root',
    f.sandbox.config.trustedRoot,
    '--certificate-identity',
    f.policy.identity,
    '--certificate-oidc-issuer',
    f.policy.issuer
  ]
  ids.verified = json(f.a, PROOF_FILES.binding).runtime.job_id
  ids.failed = json(f.b, PROOF_FILES.binding).runtime.job_id
  bundles = join(f.work, 'bundles')
  mkdirSync(bundles)
  cpSync(f.a, join(bundles, 'a'), { recursive: true })
  // Job B's bundle with a receipt that is not the one its statement signs.
  cpSync(f.b, join(bundles, 'b'), { recursive: true })
  const receipt = json(f.b, PROOF_FILES.receipt)
  receipt.receipt_id = `${receipt.receipt_id}x`
  writeFileSync(join(bundles, 'b', PROOF_FILES.receipt), JSON.stringify(receipt))
  const aTags = json(f.a, PROOF_FILES.runtimeJob).tags as string[]
  const [missing, untagged, badTags] = f.sandbox.runtime.seedJobs([
    { tags: aTags, createdMs: PAST, status: 'Completed' },
    { tags: ['lab'], createdMs: PAST + 1000, status: 'Completed' },
    { tags: ['qprov:v1', 'qprov-stmt:sha256:nothex'], createdMs: PAST + 2000, status: 'Failed' }
  ])
  Object.assign(ids, { missing, untagged, badTags })
}, 180_000)
afterAll(() => f?.close())

describe('qprov audit against the emulator', () => {
  it('classifies every job, names the failing check, and exits 1', async () => {
    const r = await audit('--json')
    expect(r.stderr).toBe('')
    expect(r.code).toBe(1)
    const report = JSON.parse(r.stdout)
    expect(validateAuditReport(report)).toBe(true)
    const byId = Object.fromEntries(report.rows.map((x: { jobId: string }) => [x.jobId, x]))
    expect(byId[ids.verified!]).toMatchObject({
      class: 'verified',
      location: join(bundles, 'a')
    })
    expect(byId[ids.failed!]).toMatchObject({
      class: 'failed',
      check: 'receipt-integrity',
      location: join(bundles, 'b')
    })
    expect(byId[ids.missing!]).toMatchObject({
      class: 'missing',
      created: '2026-01-07T10:00:00.000Z'
    })
    expect(byId[ids.untagged!]).toMatchObject({ class: 'untagged' })
    expect(byId[ids.badTags!]).toMatchObject({
      class: 'failed',
      check: 'job-tags',
      finding: 'tags-invalid'
    })
    expect(report.counts).toEqual({
      verified: 1,
      failed: 2,
      missing: 1,
      untagged: 1,
      'results-missing': 0
    })
    expect(report).toMatchObject({ total: 5, coverage: 20, shard: null })
    // Oldest first.
    expect(report.rows.slice(0, 3).map((x: { jobId: string }) => x.jobId)).toEqual([
      ids.missing,
      ids.untagged,
      ids.badTags
    ])
  }, 60_000)

  it('exits 0 when every listed job verified (filters narrow the list)', async () => {
    const stmt = (json(f.a, PROOF_FILES.runtimeJob).tags as string[]).find(t =>
      t.startsWith('qprov-stmt:')
    ) as string
    const r = await audit('--tag', stmt, '--since', '2026-06-01')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(
      /^verified 1 {2}failed 0 {2}missing 0 {2}untagged 0 {2}results-missing 0$/m
    )
    expect(r.stdout).toMatch(/coverage 100\.00 % of 1 job verified/)
    expect(r.stdout).toContain(ids.verified)
    expect(r.stdout).not.toContain(ids.missing)
  }, 60_000)

  it('with --require-results, a verified job without verified results is results-missing', async () => {
    const r = await audit('--json', '--require-results', '--until', '2026-12-31T23:59:59Z')
    const report = JSON.parse(r.stdout)
    expect(r.code).toBe(1)
    expect(report.policy.requireResults).toBe(true)
    expect(report.rows.find((x: { jobId: string }) => x.jobId === ids.verified)).toMatchObject({
      class: 'results-missing'
    })
  }, 60_000)

  it('merged shard reports equal the unsharded report; merge refuses gaps, overlaps and other policies', async () => {
    const whole = JSON.parse((await audit('--json')).stdout)
    const files: string[] = []
    for (const s of ['1/3', '2/3', '3/3']) {
      const r = await audit('--json', '--shard', s, '--workers', '2')
      const rep = JSON.parse(r.stdout)
      for (const row of rep.rows) expect(shardOf(row.jobId, 3)).toBe(Number(s[0]) - 1)
      const file = join(f.work, `shard-${s[0]}.json`)
      writeFileSync(file, r.stdout)
      files.push(file)
    }
    const merged = await runInProcess(['audit', 'merge', ...files, '--json'])
    expect(merged.code).toBe(1)
    expect(JSON.parse(merged.stdout)).toEqual(whole)

    const gap = await runInProcess(['audit', 'merge', files[0]!, files[2]!])
    expect(gap.code).toBe(2)
    expect(gap.stderr).toMatch(/shard 2\/3 missing/)
    const twice = await runInProcess(['audit', 'merge', files[0]!, files[0]!, files[1]!, files[2]!])
    expect(twice.code).toBe(2)
    expect(twice.stderr).toMatch(/both shard 1\/3/)
    const other = JSON.parse(readFileSync(files[1]!, 'utf8'))
    other.policy.requireResults = true
    const otherFile = join(f.work, 'shard-2-other.json')
    writeFileSync(otherFile, JSON.stringify(other))
    const mixed = await runInProcess(['audit', 'merge', files[0]!, otherFile, files[2]!])
    expect(mixed.code).toBe(2)
    expect(mixed.stderr).toMatch(/another policy/)
    const forged = JSON.parse(readFileSync(files[0]!, 'utf8'))
    forged.counts.verified += 1
    writeFileSync(otherFile, JSON.stringify(forged))
    const lying = await runInProcess(['audit', 'merge', otherFile, files[1]!, files[2]!])
    expect(lying.code).toBe(2)
    expect(lying.stderr).toMatch(/counts do not match its rows/)
  }, 120_000)

  it('writes an HTML report without scripts, escaping what the service sent', async () => {
    const html = join(f.work, 'report', 'audit.html')
    const r = await audit('--html', html)
    expect(r.code).toBe(1)
    const page = readFileSync(html, 'utf8')
    expect(page).toMatch(
      /<meta http-equiv="Content-Security-Policy" content="default-src &#39;none&#39;/
    )
    expect(page).not.toMatch(/<script/i)
    expect(page).toContain('<svg')
    expect(page).toContain('2026-W02')
    expect(page).toContain('coverage 20.00 %')
  }, 60_000)

  it.each([
    [['--shard', '3/2'], /--shard takes I\/N/],
    [['--since', 'yesterday'], /--since takes a date/],
    [['--since', '2026-05-01', '--until', '2026-04-01'], /is not before --until/],
    [['--workers', '0'], /--workers takes an integer/],
    [['--from', '/nonexistent-qprov-dir'], /--from \/nonexistent-qprov-dir is not a directory/]
  ])('refuses %j with exit 2', async (args, message) => {
    const r = await audit(...(args as string[]))
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(message)
  })

  it('says where a long run is, on the progress channel', async () => {
    const { runAudit } = await import('../../src/binding/audit.js')
    const { LocalDirectorySource } = await import('../../src/binding/proof-sources.js')
    const { createRuntimeClient } = await import('../../src/runtime/client.js')
    const { resolveConnection } = await import('../../src/runtime/connection.js')
    const { connectionSettings } = await import('../../src/settings/connection.js')
    const { PUBLIC_GOOD_PROFILE } = await import('../../src/sigstore/profiles.js')
    const lines: string[] = []
    const conn = resolveConnection(connectionSettings({ sandbox: f.sandbox.dir }), {})
    const report = await runAudit({
      api: createRuntimeClient(conn),
      scope: { instance: conn.instanceCRN, since: null, until: null, backend: null, tags: [] },
      policy: {
        identity: f.policy.identity,
        issuer: f.policy.issuer,
        profile: 'public-good',
        trustedRoot: null,
        requireResults: false,
        sources: [bundles]
      },
      verification: {
        policy: f.policy,
        trustedRoot: readFileSync(f.sandbox.config.trustedRoot, 'utf8'),
        profile: PUBLIC_GOOD_PROFILE
      },
      sources: [new LocalDirectorySource([bundles], { index: true })],
      workers: 3,
      onProgress: m => lines.push(m)
    })
    expect(report.total).toBe(5)
    expect(lines).toEqual(['listed 5 jobs', 'audited 5 of 5 jobs'])
  }, 60_000)

  it('needs a source', async () => {
    const r = await runInProcess(['audit', '--sandbox', f.sandbox.dir, ...policy])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/give at least one source/)
  })
})
