import { execFileSync, spawnSync } from 'node:child_process'
import { cpSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { runVerify } from '../../src/action/modes/verify.js'
import { proofVerifier } from '../../src/action/verifier.js'
import type { ActionInputs } from '../../src/action/inputs.js'
import type { GitHubEdges } from '../../src/action/github-edges.js'
import { main } from '../../src/cli/main.js'
import { bindingBytes, parseBinding } from '../../src/proof/binding-document.js'
import { PROOF_FILES } from '../../src/proof/layout.js'
import {
  packProofBundle,
  readProofDirectory,
  type ProofFiles
} from '../../src/proof/proof-bundle.js'
import { verifyProofBundles } from '../../src/verify/index.js'
import type { BundleVerdict, CheckName, CheckResult } from '../../src/verify/verdict.js'
import { cliNodeArgs } from '../helpers/cli.js'
import { makeProofFixture, type ProofFixture } from './proof-fixture.js'

let f: ProofFixture
let filesA: ProofFiles
let jobA: string
let jobB: string

beforeAll(async () => {
  f = await makeProofFixture()
  filesA = await readProofDirectory(f.a)
  jobA = parseBinding(filesA[PROOF_FILES.binding]).runtime.job_id
  jobB = parseBinding((await readProofDirectory(f.b))[PROOF_FILES.binding]).runtime.job_id
}, 120_000)
afterAll(() => f?.close())

const check = (v: BundleVerdict, name: CheckName): CheckResult =>
  v.checks.find(c => c.name === name) as CheckResult
const failedNames = (v: BundleVerdict): CheckName[] =>
  v.checks.filter(c => c.status === 'fail').map(c => c.name)
const verify = (paths: string[], extra: Record<string, unknown> = {}) =>
  verifyProofBundles(paths, { trustedRoot: f.trustedRoot, policy: f.policy, workers: 0, ...extra })

/** Runs the CLI in this process and returns its exit status and stdout. */
async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = ''
  let stderr = ''
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(c => {
    stdout += String(c)
    return true
  })
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(c => {
    stderr += String(c)
    return true
  })
  try {
    return { code: await main(args), stdout, stderr }
  } finally {
    out.mockRestore()
    err.mockRestore()
  }
}
const policyFlags = () => [
  '--trusted-root',
  f.sandbox.config.trustedRoot,
  '--certificate-identity',
  f.policy.identity,
  '--certificate-oidc-issuer',
  f.policy.issuer,
  '--workers',
  '1'
]

describe('the job is pinned (--job, input job-id)', () => {
  it('fails runtime-record for a bundle of another job, naming both', async () => {
    const [v] = await verify([f.b], { jobId: jobA })
    expect(failedNames(v)).toEqual(['runtime-record'])
    expect(check(v, 'runtime-record')).toMatchObject({
      status: 'fail',
      finding: 'job-mismatch',
      mismatches: [{ field: 'job ID (--job)', expected: jobA, actual: jobB }]
    })
    const [own] = await verify([f.a], { jobId: jobA })
    expect(own.ok).toBe(true)
  })

  it('exits 1 from the CLI with --job of another job, 0 with its own, 2 for a malformed ID', async () => {
    const other = await cli(['verify', f.b, '--job', jobA, ...policyFlags()])
    expect(other.code).toBe(1)
    expect(other.stdout).toContain(`job ID (--job) is "${jobB}", expected "${jobA}"`)
    expect((await cli(['verify', f.b, '--job', jobB, ...policyFlags()])).code).toBe(0)
    const bad = await cli(['verify', f.b, '--job', 'a/b', ...policyFlags()])
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('--job must be a Runtime job ID')
  })

  it('fails the action gate when a bundle binds another job than input job-id', async () => {
    const outputs: Record<string, string> = {}
    const report = {
      output: (n: string, v: string) => void (outputs[n] = v),
      info: () => undefined,
      warning: () => undefined,
      summary: () => Promise.resolve()
    }
    const inputs = (jobId: string) =>
      ({
        bundle: [f.b],
        workspace: f.work,
        outDir: join(f.work, `action-out-${jobId}`),
        jobId,
        trustedRoot: f.sandbox.config.trustedRoot,
        certificateIdentity: f.policy.identity,
        certificateOidcIssuer: f.policy.issuer
      }) as unknown as ActionInputs
    const gh = {} as GitHubEdges
    await expect(runVerify(inputs(jobA), report, gh, proofVerifier, {})).rejects.toMatchObject({
      code: 'VERIFY_FAILED',
      message: expect.stringContaining('runtime-record')
    })
    expect(outputs.verified).toBe('false')
    await runVerify(inputs(jobB), report, gh, proofVerifier, {})
    expect(outputs.verified).toBe('true')
  })

  it('fails a single-file bundle whose file name is another job, with or without --job', async () => {
    const dir = join(f.work, 'named')
    mkdirSync(dir)
    const misnamed = join(dir, `${jobB}.qprov.json`)
    const named = join(dir, `${jobA}.qprov.json`)
    writeFileSync(misnamed, packProofBundle(filesA, jobA))
    writeFileSync(named, packProofBundle(filesA, jobA))
    const [bad, good] = await verify([misnamed, named])
    expect(check(bad, 'runtime-record')).toMatchObject({
      finding: 'job-mismatch',
      mismatches: [{ field: 'job ID in the bundle file name', expected: jobB, actual: jobA }]
    })
    expect(good.ok).toBe(true)
    const [pinned] = await verify([misnamed], { jobId: jobA })
    expect(pinned.ok).toBe(false)
  })
})

describe('batches list every entry named like a bundle', () => {
  it('lists and fails a FIFO, a directory and a socket named *.qprov.json', async () => {
    const dir = join(f.work, 'odd-entries')
    mkdirSync(dir)
    cpSync(f.a, join(dir, 'a'), { recursive: true })
    execFileSync('mkfifo', [join(dir, 'fifo.qprov.json')])
    // A directory by that name fails even when it holds a valid bundle.
    cpSync(f.b, join(dir, 'dir.qprov.json'), { recursive: true })
    mkdirSync(join(dir, 'empty.qprov.json'))
    const server = createServer()
    await new Promise<void>(r => server.listen(join(dir, 'sock.qprov.json'), r))
    try {
      const v = await verify([dir])
      const names = [
        'a',
        'dir.qprov.json',
        'empty.qprov.json',
        'fifo.qprov.json',
        'sock.qprov.json'
      ]
      expect(v.map(x => x.bundle)).toEqual(names.map(n => join(dir, n)))
      expect(v.map(x => x.ok)).toEqual([true, false, false, false, false])
      for (const x of v.slice(1))
        expect(check(x, 'statement-signature')).toMatchObject({ finding: 'bundle-unreadable' })
      const cliRun = await cli(['verify', dir, ...policyFlags()])
      expect(cliRun.code).toBe(1)
      expect(cliRun.stdout).toContain('1 of 5 proof bundles verified')
    } finally {
      server.close()
    }
  })

  it('fails a *.qprov.json directory given on the command line', async () => {
    const dir = join(f.work, 'x.qprov.json')
    cpSync(f.a, dir, { recursive: true })
    const [v] = await verify([dir])
    expect(v.ok).toBe(false)
    expect(check(v, 'binding-signature').detail).toContain('is a directory')
  })

  it('exits with the verdict status and no stack trace when the reader closes the pipe', async () => {
    // Enough bundles that the JSON verdict overflows the pipe buffer after `head` has left.
    const dir = join(f.work, 'many')
    mkdirSync(dir)
    for (let i = 0; i < 60; i++) symlinkSync(f.a, join(dir, `a${String(i).padStart(2, '0')}`))
    // The CLI as runCli starts it: the shipped bundle under `npm test`, the sources otherwise.
    const cmd = [process.execPath, ...cliNodeArgs('verify', dir, '--json', ...policyFlags())]
      .map(a => `'${a.replaceAll("'", "'\\''")}'`)
      .join(' ')
    // The shell reports qprov's own exit status; `head` closes the pipe after one line.
    const r = spawnSync('bash', ['-c', `${cmd} | head -1; echo "status=\${PIPESTATUS[0]}" >&2`], {
      encoding: 'utf8',
      env: { ...process.env, QPROV_QUIET: '1' }
    })
    expect(r.stdout).toBe('{\n')
    expect(r.stderr).toBe('status=0\n')
  }, 120_000)
})

describe('a failure names the field, the expected and the actual value', () => {
  it('names the binding.json field that differs from the signed predicate', async () => {
    const doc = parseBinding(filesA[PROOF_FILES.binding])
    doc.runtime.backend = 'ibm_other'
    const [v] = await verify([
      copyWith({ [PROOF_FILES.binding]: bindingBytes(doc) }, 'backend-edited')
    ])
    expect(check(v, 'binding-consistency')).toMatchObject({
      finding: 'binding-differs',
      mismatches: [
        {
          field: 'runtime.backend',
          expected: parseBinding(filesA[PROOF_FILES.binding]).runtime.backend,
          actual: 'ibm_other'
        }
      ]
    })
  })

  it('names the tag that disagrees, with the bound and the tagged value', async () => {
    const job = JSON.parse(filesA[PROOF_FILES.runtimeJob].toString('utf8')) as { tags: string[] }
    const bound = job.tags.find(t => t.startsWith('qprov-rekor-idx:')) as string
    job.tags = job.tags.map(t => (t === bound ? 'qprov-rekor-idx:999999' : t))
    const [v] = await verify([
      copyWith(
        { [PROOF_FILES.runtimeJob]: Buffer.from(`${JSON.stringify(job, null, 2)}\n`) },
        'tag-edited'
      )
    ])
    expect(check(v, 'runtime-record')).toMatchObject({
      finding: 'tag-mismatch',
      mismatches: [
        {
          field: 'tag qprov-rekor-idx',
          expected: bound.slice('qprov-rekor-idx:'.length),
          actual: '999999'
        }
      ]
    })
  })

  it('lists the workload files that changed, by manifest path, as added, removed or changed', async () => {
    const wl = join(f.work, 'wl-changed')
    cpSync(f.workloadB, wl, { recursive: true })
    writeFileSync(join(wl, 'bell', 'notes.txt'), 'edited\n')
    writeFileSync(join(wl, 'bell', 'extra.txt'), 'new\n')
    execFileSync('rm', [join(wl, 'bell', 'qprov.job.json')])
    const [v] = await verify([f.b], { workload: { paths: ['bell'], cwd: wl } })
    expect(check(v, 'workload-files')).toMatchObject({
      finding: 'workload-mismatch',
      changes: [
        { path: 'bell/extra.txt', change: 'added' },
        { path: 'bell/notes.txt', change: 'changed' },
        { path: 'bell/qprov.job.json', change: 'removed' }
      ]
    })
  })

  it('compares a workload given from another directory by paths relative to --workload-root', async () => {
    const flags = [...policyFlags(), '--workload', 'bell', '--workload-root', f.workloadB]
    // The working directory is the repository, not the workload's: the root makes the paths.
    const r = await cli(['verify', f.b, ...flags])
    expect(r.stdout).toMatch(/pass {2}workload-files/)
    expect(r.code).toBe(0)
    const wrong = await cli(['verify', f.b, ...policyFlags(), '--workload', f.workloadB])
    expect(wrong.code).not.toBe(0)
  })
})

function copyWith(replace: ProofFiles, name: string): string {
  const dir = join(f.work, name)
  cpSync(f.a, dir, { recursive: true })
  for (const [file, bytes] of Object.entries(replace)) writeFileSync(join(dir, file), bytes)
  return dir
}
