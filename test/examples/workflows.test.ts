import { execFileSync, spawn } from 'node:child_process'
import { chmodSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { delimiter, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { githubEdges } from '../../src/action/github-edges.js'
import { runAction } from '../../src/action/run.js'
import { proofVerifier } from '../../src/action/verifier.js'
import { createRuntimeClient } from '../../src/runtime/client.js'
import { startSandbox, type SandboxHandle } from '../../src/sandbox/sandbox.js'
import { startFakeGitHub, runnerEnvFor, type FakeGitHub } from '../fakes/github-server.js'
import { readActionInputs, recordingReporter } from '../helpers/action-in-process.js'
import { REPO_ROOT, cliNodeArgs } from '../helpers/cli.js'
import { gitWorkspace, tmpDir } from '../helpers/in-process-submit.js'
import { runInProcess } from '../helpers/in-process.js'

// One end-to-end run of each example workflow's steps against the local stand-ins: `qprov
// sandbox` for Sigstore, the OIDC issuer and IBM Runtime, the fake GitHub for artifacts, releases
// and the REST API. `run:` steps run as written, with bash as the runner runs them; the qprov
// action steps run in this process with their `with:` inputs. The only changes, each named where
// it is made: `sandbox:` added to action steps (the sandbox's root and issuer instead of GitHub's),
// the same for the CLI's issuer flag, and the steps that need IBM's service or github.com replaced
// by what they do (stated below).
const require = createRequire(import.meta.url)
const yaml = require('js-yaml') as { load(text: string): unknown }

interface Step {
  id?: string
  name?: string
  uses?: string
  run?: string
  env?: Record<string, string>
  with?: Record<string, unknown>
}
interface Workflow {
  jobs: Record<string, { steps: Step[]; strategy?: unknown }>
}
const workflow = (name: string) =>
  yaml.load(readFileSync(join(REPO_ROOT, 'examples/workflows', name), 'utf8')) as Workflow

const REPO = 'o/r'
const SUBMIT_IDENTITY = `https://github.com/${REPO}/.github/workflows/submit.yml@refs/heads/main`

let sb: SandboxHandle
let gh: FakeGitHub
let token = ''
let ws = ''
let bin = ''

beforeAll(async () => {
  ws = gitWorkspace(['examples/bell', 'examples/python'])
  const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: ws, encoding: 'utf8' }).trim()
  // The sandbox signs as the submit workflow on main of o/r (the identity the examples pin), for
  // the workspace's commit, as GitHub's OIDC token would.
  sb = await startSandbox({
    dir: tmpDir('qprov-wf-sb-'),
    identity: {
      repository: REPO,
      ref: 'refs/heads/main',
      sha: head,
      workflowPath: '.github/workflows/submit.yml'
    },
    runtime: { jobsPerMinute: 1000 }
  })
  gh = await startFakeGitHub({ repository: REPO })
  token = gh.addToken({ contents: 'write', actions: 'read', attestations: 'write' })
  // `qprov` on PATH, as the installed CLI (the release recipe installs the release tarball).
  bin = tmpDir('qprov-wf-bin-')
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`
  writeFileSync(
    join(bin, 'qprov'),
    `#!/bin/sh\nexec ${[process.execPath, ...cliNodeArgs()].map(quote).join(' ')} "$@"\n`
  )
  chmodSync(join(bin, 'qprov'), 0o755)
}, 120_000)
afterAll(async () => {
  await sb?.close()
  await gh?.close()
})

/** `${{ … }}` expressions replaced from the given context; an unknown one fails the test. */
function expand(text: string, ctx: Record<string, string>): string {
  return text.replace(/\$\{\{\s*(.*?)\s*\}\}/g, (_, e: string) => {
    if (!(e in ctx)) throw new Error(`no value for \${{ ${e} }}`)
    return ctx[e] as string
  })
}

function expandAll(o: Record<string, unknown> | undefined, ctx: Record<string, string>) {
  return Object.fromEntries(
    Object.entries(o ?? {}).map(([k, v]) => [k, expand(String(v), ctx)])
  ) as Record<string, string>
}

interface StepRun {
  code: number | null
  stdout: string
  stderr: string
  outputs: Record<string, string>
}

/**
 * A `run:` step as the runner runs it: `bash --noprofile --norc -eo pipefail`, in the workspace.
 * Asynchronous: the fake GitHub answers from this process.
 */
async function runStep(
  step: Step,
  ctx: Record<string, string>,
  script = step.run!
): Promise<StepRun> {
  const temp = tmpDir('qprov-wf-runner-')
  const outputFile = join(temp, 'output')
  writeFileSync(outputFile, '')
  const child = spawn(
    'bash',
    ['--noprofile', '--norc', '-eo', 'pipefail', '-c', expand(script, ctx)],
    {
      cwd: ws,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: [bin, process.env.PATH].join(delimiter),
        HOME: process.env.HOME ?? temp,
        GITHUB_API_URL: gh.apiURL,
        GITHUB_REPOSITORY: REPO,
        GITHUB_OUTPUT: outputFile,
        RUNNER_TEMP: temp,
        QPROV_QUIET: '1',
        ...expandAll(step.env, ctx)
      }
    }
  )
  let stdout = ''
  let stderr = ''
  child.stdout.on('data', d => (stdout += d))
  child.stderr.on('data', d => (stderr += d))
  const code = await new Promise<number | null>(resolve => child.on('close', resolve))
  const outputs = Object.fromEntries(
    readFileSync(outputFile, 'utf8')
      .split('\n')
      .filter(l => l.includes('='))
      .map(l => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)])
  )
  return { code, stdout, stderr, outputs }
}

/** A qprov action step, in this process, with `sandbox:` added; returns its outputs and log. */
async function runQprovStep(
  step: Step,
  ctx: Record<string, string>,
  env: Record<string, string> = {}
) {
  expect(step.uses).toMatch(/^qprov\/qprov@[0-9a-f]{40}$/)
  const given = { ...expandAll(step.with, ctx), sandbox: sb.dir, 'github-token': token }
  const saved = { ...process.env }
  Object.assign(process.env, runnerEnvFor(gh), { GITHUB_WORKSPACE: ws }, env)
  try {
    const inputs = readActionInputs(given, ws)
    const report = recordingReporter()
    await runAction(inputs, report, githubEdges(inputs), proofVerifier)
    return report
  } finally {
    process.env = saved
  }
}

const stepNamed = (steps: Step[], re: RegExp) => {
  const found = steps.filter(s => re.test(s.name ?? s.run ?? s.uses ?? ''))
  expect(found).toHaveLength(1)
  return found[0]!
}
const qprovStep = (steps: Step[]) => stepNamed(steps, /^qprov\/qprov@/)

let submitted = ''

describe('example workflows, end to end against the local stand-ins', { timeout: 180_000 }, () => {
  it('attest-and-submit.yml submits with provenance tags and uploads the proof bundle artifact', async () => {
    const steps = workflow('attest-and-submit.yml').jobs.submit!.steps
    const ctx = {
      'vars.IBM_QUANTUM_CRN': sb.runtime.instanceCRN,
      'secrets.IBM_QUANTUM_API_KEY': ''
    }
    const report = await runQprovStep(qprovStep(steps), ctx)
    submitted = report.outputs['job-id'] ?? ''
    expect(submitted).toMatch(/^[a-z0-9]+$/)
    expect(gh.artifacts.map(a => a.name)).toContain(`qprov-proof-${submitted}`)
    const last = steps[steps.length - 1]!
    const r = await runStep(last, {
      'steps.qprov.outputs.job-id': submitted,
      'steps.qprov.outputs.artifact-url': report.outputs['artifact-url'] ?? ''
    })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout).toContain(`job ${submitted}, proof bundle `)
  })

  it('pr-verify-gate.yml passes with no jobs listed, verifies a listed job, and fails closed', async () => {
    const wf = workflow('pr-verify-gate.yml')
    const list = wf.jobs.jobs!.steps.find(s => s.id === 'list')!
    const [download, verify] = [wf.jobs.verify!.steps[0]!, qprovStep(wf.jobs.verify!.steps)]
    const gate = wf.jobs.gate!.steps[0]!
    const gateWith = async (listed: string, verified: string, count: string) =>
      (
        await runStep(gate, {
          'needs.jobs.result': listed,
          'needs.verify.result': verified,
          'needs.jobs.outputs.count': count
        })
      ).code

    // No qprov-jobs.txt: zero jobs, verify skipped, the gate passes.
    const none = await runStep(list, {})
    expect(none.outputs).toEqual({ jobs: '[]', count: '0' })
    expect(await gateWith('success', 'skipped', '0')).toBe(0)
    // A listed job whose verify was skipped or failed never passes.
    expect(await gateWith('success', 'skipped', '1')).not.toBe(0)
    expect(await gateWith('success', 'failure', '1')).not.toBe(0)
    expect(await gateWith('failure', 'skipped', '0')).not.toBe(0)

    // A malformed line fails the list step.
    writeFileSync(join(ws, 'qprov-jobs.txt'), 'x; rm -rf /\n')
    expect((await runStep(list, {})).code).not.toBe(0)

    writeFileSync(join(ws, 'qprov-jobs.txt'), `# results/bell.csv\n${submitted}\n`)
    const listed = await runStep(list, {})
    expect(listed.outputs).toEqual({ jobs: JSON.stringify([submitted]), count: '1' })
    const ctx = {
      'matrix.job': submitted,
      'github.token': token,
      'github.repository': REPO
    }
    const got = await runStep(download, ctx)
    expect(got.code, got.stdout + got.stderr).toBe(0)
    expect(existsSync(join(ws, 'proofs', submitted, 'binding.json'))).toBe(true)
    expect(verify.with?.['certificate-identity']).toBe(
      'https://github.com/${{ github.repository }}/.github/workflows/submit.yml@refs/heads/main'
    )
    const ok = await runQprovStep(verify, ctx)
    expect(ok.outputs.verified).toBe('true')
    expect(await gateWith('success', 'success', '1')).toBe(0)

    // The pin is exact: the same bundle pinned to submit.yml on another ref does not verify.
    await expect(
      runQprovStep(
        {
          ...verify,
          with: { ...verify.with, 'certificate-identity': SUBMIT_IDENTITY.replace('main', 'dev') }
        },
        ctx
      )
    ).rejects.toThrow(/not verified: .*signer-identity/)
    // A job with no artifact fails the download step.
    expect(
      (await runStep(download, { ...ctx, 'matrix.job': 'nosuchjob0000000000a' })).code
    ).not.toBe(0)
  })

  it('release-attach.yml verifies, packs and attaches existing bundles to the draft, submitting nothing', async () => {
    const steps = workflow('release-attach.yml').jobs.attach!.steps
    rmSync(join(ws, 'proofs'), { recursive: true, force: true }) // a fresh runner's checkout
    gh.addRelease('v1.0.0', { draft: true })
    const jobsBefore = (await createRuntimeClient({ ...sb.runtime }).listJobs({ limit: 100 })).jobs
      .length
    // The install step downloads the qprov release from github.com; `qprov` on PATH stands in.
    stepNamed(steps, /^Install the qprov CLI/)
    const pack = stepNamed(steps, /^Download, verify and pack/)
    const issuerFlag = '--certificate-oidc-issuer https://token.actions.githubusercontent.com'
    expect(pack.run!.split(issuerFlag)).toHaveLength(2)
    const sandboxed = pack.run!.replace(
      issuerFlag,
      `--certificate-oidc-issuer ${sb.config.issuer} --trusted-root ${sb.config.trustedRoot}`
    )
    const ctx = { 'github.token': token, 'github.repository': REPO, 'inputs.tag': 'v1.0.0' }
    const packed = await runStep(pack, ctx, sandboxed)
    expect(packed.code, `${packed.stdout}\n${packed.stderr}`).toBe(0)
    expect(packed.stdout).toMatch(/^\s*verified/m)
    const upload = await runStep(stepNamed(steps, /^Upload the bundles/), ctx)
    expect(upload.code, upload.stderr).toBe(0)
    expect(upload.stdout.trim()).toBe(`attached ${submitted}.qprov.json`)
    const release = gh.releases.find(r => r.tag_name === 'v1.0.0')!
    expect(release.assets.map(a => a.name)).toEqual([`${submitted}.qprov.json`])
    // The attached file verifies on its own, named for its job.
    const file = join(tmpDir(), `${submitted}.qprov.json`)
    writeFileSync(file, release.assets[0]!.data)
    const v = await runInProcess(verifyArgs(file, submitted))
    expect(v.code, v.stdout + v.stderr).toBe(0)
    const jobsAfter = (await createRuntimeClient({ ...sb.runtime }).listJobs({ limit: 100 })).jobs
    expect(jobsAfter.length).toBe(jobsBefore)
  })

  it('python-submit-then-tag.yml: the attested circuits go to the attested backend; only --online shows what ran', async () => {
    const steps = workflow('python-submit-then-tag.yml').jobs.run!.steps
    const python = readFileSync(join(REPO_ROOT, 'examples/python/submit_bell.py'), 'utf8')
    const code = python.split('"""').at(-1)!
    expect(code).not.toMatch(/least_busy|transpile|pass_?manager/i)
    expect(python).toMatch(/service\.backend\(spec\["backend"\]\)/)
    // The Python step, as qiskit-ibm-runtime sends it: the spec's circuit text unchanged, to the
    // spec's backend (POST /jobs; the Sampler's pubs are [circuit, parameter values, shots]).
    const spec = JSON.parse(readFileSync(join(ws, 'examples/bell/qprov.job.json'), 'utf8')) as {
      backend: string
      pubs: { circuit: string; shots: number }[]
    }
    const api = createRuntimeClient({ ...sb.runtime })
    const submitPython = async (edit: (qasm: string) => string) => {
      const pubs = spec.pubs.map(p => [
        edit(readFileSync(join(ws, 'examples/bell', p.circuit), 'utf8')),
        null,
        p.shots
      ])
      return (
        await api.createJob({
          program_id: 'sampler',
          backend: spec.backend,
          params: { pubs, version: 2 }
        })
      ).id
    }
    const tag = qprovStep(steps)
    const ctx = (job: string) => ({
      'steps.submit.outputs.job-id': job,
      'vars.IBM_QUANTUM_CRN': sb.runtime.instanceCRN,
      'secrets.IBM_QUANTUM_API_KEY': ''
    })
    const exact = await submitPython(q => q)
    const bound = await runQprovStep(tag, ctx(exact))
    const online = await runInProcess([
      ...verifyArgs(bound.outputs['bundle-path']!, exact),
      '--online',
      '--sandbox',
      sb.dir
    ])
    expect(online.code, online.stdout + online.stderr).toBe(0)
    expect(online.stdout).toMatch(/online-runtime/)

    // A circuit that is not the attested one (as a re-transpilation would make) is tagged and
    // bound just the same: `tag` cannot see what was sent. Only --online finds it.
    const other = await submitPython(q =>
      q.replace('cz $0, $1;', 'cz $0, $1;\nrz(pi) $0;\nrz(-pi) $0;')
    )
    const boundOther = await runQprovStep(tag, ctx(other))
    const offline = await runInProcess(verifyArgs(boundOther.outputs['bundle-path']!, other))
    expect(offline.code, offline.stdout + offline.stderr).toBe(0)
    const caught = await runInProcess([
      ...verifyArgs(boundOther.outputs['bundle-path']!, other),
      '--online',
      '--sandbox',
      sb.dir
    ])
    expect(caught.code).toBe(1)
    expect(caught.stdout).toMatch(/FAIL\s+online-runtime/i)
  })
})

function verifyArgs(bundle: string, job: string): string[] {
  return [
    'verify',
    bundle,
    '--job',
    job,
    '--trusted-root',
    sb.config.trustedRoot,
    '--certificate-identity',
    SUBMIT_IDENTITY,
    '--certificate-oidc-issuer',
    sb.config.issuer
  ]
}
