import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { ActionInputs } from '../../src/action/inputs.js'
import { runAttest } from '../../src/action/modes/attest.js'
import { runSubmit } from '../../src/action/modes/runtime.js'
import { publishProof } from '../../src/action/publish.js'
import { sha256Digest } from '../../src/proof/binding-document.js'
import { PROOF_FILES } from '../../src/proof/layout.js'
import { startSandbox, type SandboxHandle } from '../../src/sandbox/sandbox.js'
import { verifyProofBundles } from '../../src/verify/index.js'
import {
  actionInputs,
  readActionInputs,
  recordingEdges,
  recordingReporter,
  type RecordingReporter
} from '../helpers/action-in-process.js'
import { commitAll, gitWorkspace, tmpDir } from '../helpers/in-process-submit.js'
import { snapshot } from './harness.js'

// Issue 22, "done when": hostile repositories (a fork's pull request controls their content) and
// hostile inputs, run through the action's own mode functions in this process against the
// sandbox. None may leak the key, write or read outside the workspace, or run an unsigned circuit.
const CANARY = `QPROV-CANARY-SIGNING-SIDE-${Math.random().toString(36).slice(2)}`
let sb: SandboxHandle
let capture: { url: string; bodies: string[]; server: Server }

beforeAll(async () => {
  sb = await startSandbox({ dir: tmpDir('qprov-ss-sb-'), runtime: { jobsPerMinute: 10_000 } })
  const bodies: string[] = []
  const server = createServer((req, res) => {
    let body = `${req.method} ${req.url} ${JSON.stringify(req.headers)} `
    req.on('data', d => (body += d))
    req.on('end', () => {
      bodies.push(body)
      res.writeHead(400, { 'content-type': 'application/json' }).end('{"errorMessage":"no"}')
    })
  })
  await new Promise<void>(r => server.listen(0, '127.0.0.1', r))
  capture = {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    bodies,
    server
  }
}, 60_000)
afterAll(async () => {
  await new Promise(r => capture.server.close(r))
  await sb.close()
})
beforeEach(() => {
  capture.bodies.length = 0
})

/** The job's environment on a runner: a real-looking key and platform tokens, all canaries. */
const runnerEnv = () => ({
  QISKIT_IBM_TOKEN: CANARY,
  GITHUB_TOKEN: `${CANARY}-gh`,
  ACTIONS_RUNTIME_TOKEN: `${CANARY}-rt`
})

function submitInputs(ws: string, o: Partial<ActionInputs> = {}): ActionInputs {
  return actionInputs(ws, { mode: 'submit', sandbox: sb.dir, workload: ['examples/bell'], ...o })
}

async function refused(
  run: Promise<void>,
  code: string,
  message: RegExp,
  report: RecordingReporter
): Promise<void> {
  await expect(run).rejects.toMatchObject({ code, message: expect.stringMatching(message) })
  expectNoCanary(report)
}

function expectNoCanary(report: RecordingReporter): void {
  const shown = JSON.stringify([report.lines, report.outputs, report.summaries])
  expect(shown).not.toContain(CANARY)
  for (const b of capture.bodies) expect(b).not.toContain(CANARY)
  for (const q of sb.runtime.requests) expect(JSON.stringify(q)).not.toContain(CANARY)
}

const jobsNow = () => sb.runtime.requests.filter(q => q.method === 'POST').length

describe('a hostile repository', () => {
  it('cannot make the action follow a committed qprov-out link out of the workspace', async () => {
    const ws = gitWorkspace()
    const outside = tmpDir('qprov-victim-')
    symlinkSync(outside, join(ws, 'qprov-out'))
    commitAll(ws, 'link')
    const before = sb.runtime.requests.length
    const report = recordingReporter()
    await refused(
      runSubmit(submitInputs(ws), report, recordingEdges(), runnerEnv()),
      'OUTPUT_UNUSABLE',
      /out-dir 'qprov-out' resolves outside the workspace/,
      report
    )
    expect(readdirSync(outside)).toEqual([])
    expect(sb.runtime.requests.length).toBe(before)
  })

  it('cannot make it write through a qprov-out link that stays inside, or through a planted file link', async () => {
    const ws = gitWorkspace()
    mkdirSync(join(ws, 'elsewhere'))
    symlinkSync('elsewhere', join(ws, 'qprov-out'))
    commitAll(ws, 'inner link')
    const report = recordingReporter()
    await refused(
      runSubmit(submitInputs(ws), report, recordingEdges(), runnerEnv()),
      'OUTPUT_UNUSABLE',
      /qprov-out cannot be used: it is a symbolic link, not a directory/,
      report
    )
    const ws2 = gitWorkspace()
    const victim = join(tmpDir('qprov-victim-'), 'passwd')
    writeFileSync(victim, 'root:x:0:0\n')
    mkdirSync(join(ws2, 'qprov-out'))
    symlinkSync(victim, join(ws2, 'qprov-out', 'binding.json'))
    commitAll(ws2, 'planted')
    const before = snapshot(ws2)
    await refused(
      runSubmit(submitInputs(ws2), report, recordingEdges(), runnerEnv()),
      'OUTPUT_UNUSABLE',
      /binding\.json in it is a symbolic link/,
      report
    )
    expect(readFileSync(victim, 'utf8')).toBe('root:x:0:0\n')
    expect(snapshot(ws2)).toEqual(before)
  })

  it('cannot submit a circuit the signed package does not hold (the spec given alone)', async () => {
    const ws = gitWorkspace()
    const n = jobsNow()
    const report = recordingReporter()
    await refused(
      runSubmit(
        submitInputs(ws, { workload: ['examples/bell/qprov.job.json'] }),
        report,
        recordingEdges(),
        runnerEnv()
      ),
      'WORKLOAD_INVALID',
      /PUB 0 names examples\/bell\/circuits\/bell\.qasm, which is not a file of the package/,
      report
    )
    expect(jobsNow()).toBe(n)
    expect(existsSync(join(ws, 'qprov-out'))).toBe(false)
  })

  it('cannot get a package signed whose spec runs a circuit it does not hold (mode attest)', async () => {
    const ws = gitWorkspace()
    const report = recordingReporter()
    await refused(
      runAttest(
        actionInputs(ws, { sandbox: sb.dir, workload: ['examples/bell/qprov.job.json'] }),
        report
      ),
      'WORKLOAD_INVALID',
      /PUB 0 names examples\/bell\/circuits\/bell\.qasm, which is not a file of the package/,
      report
    )
    expect(existsSync(join(ws, 'qprov-out'))).toBe(false)
  })

  it('cannot make it read a circuit through a directory link that leaves the workspace', async () => {
    const ws = gitWorkspace()
    const secret = tmpDir('qprov-secret-')
    writeFileSync(
      join(secret, 'key.qasm'),
      readFileSync(join(ws, 'examples/bell/circuits/bell.qasm'))
    )
    symlinkSync(secret, join(ws, 'examples/bell/lnk'))
    const specPath = join(ws, 'examples/bell/qprov.job.json')
    const spec = JSON.parse(readFileSync(specPath, 'utf8'))
    spec.pubs[0].circuit = 'lnk/key.qasm'
    writeFileSync(specPath, JSON.stringify(spec))
    commitAll(ws, 'circuit through a link')
    const n = jobsNow()
    const report = recordingReporter()
    await refused(
      runSubmit(
        submitInputs(ws, { workload: ['examples/bell/qprov.job.json'] }),
        report,
        recordingEdges(),
        runnerEnv()
      ),
      'JOB_SPEC_INVALID',
      /'examples\/bell\/lnk\/key\.qasm' resolves outside the package root/,
      report
    )
    expect(jobsNow()).toBe(n)
  })

  it('cannot add a workload entry that is a link out of the workspace', async () => {
    const ws = gitWorkspace()
    symlinkSync(tmpDir('qprov-outside-'), join(ws, 'examples/bell/vendor'))
    commitAll(ws, 'vendor link')
    const report = recordingReporter()
    await refused(
      runAttest(actionInputs(ws, { sandbox: sb.dir, workload: ['examples/bell'] }), report),
      'WORKLOAD_INVALID',
      /symlink 'examples\/bell\/vendor' points outside the package root/,
      report
    )
  })
})

describe('hostile inputs', () => {
  it('never sends the job token to IAM when api-key-env names GITHUB_TOKEN', async () => {
    const ws = gitWorkspace()
    const report = recordingReporter()
    await refused(
      runSubmit(
        submitInputs(ws, { apiKeyEnv: 'GITHUB_TOKEN', iamURL: capture.url }),
        report,
        recordingEdges(),
        runnerEnv()
      ),
      'USAGE',
      /input api-key-env names GITHUB_TOKEN, a credential of the CI platform/,
      report
    )
    expect(capture.bodies).toEqual([])
  })

  it('never posts the key over plain http to a host that is not loopback', async () => {
    const ws = gitWorkspace()
    const report = recordingReporter()
    for (const o of [
      { iamURL: 'http://iam.example.invalid' },
      { runtimeURL: 'http://runtime.example.invalid' },
      { fulcioURL: 'http://fulcio.example.invalid' }
    ])
      await refused(
        runSubmit(
          submitInputs(ws, { apiKeyEnv: 'QISKIT_IBM_TOKEN', ...o }),
          report,
          recordingEdges(),
          runnerEnv()
        ),
        'USAGE',
        /must be an https URL: plain http is allowed only on a loopback address/,
        report
      )
  })

  it('in sandbox mode uses the emulator key, not a real QISKIT_IBM_TOKEN, unless api-key-env names it', async () => {
    const ws = gitWorkspace()
    const report = recordingReporter()
    const inputs = readActionInputs(
      { mode: 'submit', sandbox: sb.dir, workload: 'examples/bell' },
      ws
    )
    await runSubmit(inputs, report, recordingEdges(), runnerEnv())
    expect(report.outputs['job-id']).toMatch(/\S/)
    expectNoCanary(report)
    const named = recordingReporter()
    await expect(
      runSubmit(
        submitInputs(gitWorkspace(), { apiKeyEnv: 'QISKIT_IBM_TOKEN', iamURL: capture.url }),
        named,
        recordingEdges(),
        runnerEnv()
      )
    ).rejects.toMatchObject({ code: 'RUNTIME_AUTH' })
    // Named explicitly, the key goes where the user pointed it (here a loopback capture).
    expect(capture.bodies.join('\n')).toContain(CANARY)
  })

  it('refuses an out-dir that climbs out of the workspace, and takes an explicit absolute one', async () => {
    const ws = gitWorkspace()
    const report = recordingReporter()
    await refused(
      runAttest(
        actionInputs(ws, { sandbox: sb.dir, workload: ['examples/bell'], outDir: '../x' }),
        report
      ),
      'OUTPUT_UNUSABLE',
      /out-dir '\.\.\/x' is outside the workspace/,
      report
    )
    const abs = join(tmpDir('qprov-abs-'), 'proof')
    await runAttest(
      actionInputs(ws, { sandbox: sb.dir, workload: ['examples/bell'], outDir: abs }),
      report
    )
    expect(readdirSync(abs).sort()).toContain('statement.json')
  })
})

describe('publishing', () => {
  it('publishes exactly the files the run bound, and the job runs only signed circuits', async () => {
    const ws = gitWorkspace()
    writeFileSync(join(ws, 'stray.txt'), 'not proof')
    commitAll(ws, 'stray')
    const report = recordingReporter()
    const gh = recordingEdges()
    await runSubmit(
      submitInputs(ws, { releaseTag: 'v1', attestationStore: true }),
      report,
      gh,
      runnerEnv()
    )
    const out = join(ws, 'qprov-out')
    const binding = JSON.parse(readFileSync(join(out, PROOF_FILES.binding), 'utf8'))
    const [artifact] = gh.published.artifacts
    expect(Object.keys(artifact?.files ?? {}).sort()).toEqual(Object.values(PROOF_FILES).sort())
    for (const [name, digest] of Object.entries(binding.files))
      expect(sha256Digest(artifact?.files[name] as Buffer)).toBe(digest)
    expect(gh.published.releaseAssets.map(a => a.name)).toEqual([
      `${report.outputs['job-id']}.qprov.json`
    ])
    expect(gh.published.attestations).toHaveLength(2)
    expectNoCanary(report)
    const [v] = await verifyProofBundles([out], {
      trustedRoot: readFileSync(sb.config.trustedRoot, 'utf8'),
      policy: { identity: sb.config.identity, issuer: sb.config.issuer },
      workload: { paths: ['examples/bell'], cwd: ws },
      online: { api: onlineReader() },
      workers: 0
    })
    // Every check passes but the results layer's, which this run did not write.
    const notPassed = v?.checks.filter(c => c.status !== 'pass')
    expect(notPassed?.map(c => [c.name, c.status === 'skip' && c.reason])).toEqual([
      ['results-signature', 'no-results'],
      ['results-content', 'no-results'],
      ['results-online', 'no-results']
    ])
  })

  it('publishes nothing when a written file was replaced by a link before publishing', async () => {
    const dir = tmpDir('qprov-pub-')
    const files: Record<string, string> = {}
    for (const name of Object.values(PROOF_FILES)) {
      writeFileSync(join(dir, name), `{"${name}":1}\n`)
      files[name] = sha256Digest(readFileSync(join(dir, name)))
    }
    const secret = join(tmpDir('qprov-secret-'), 'credentials')
    writeFileSync(secret, CANARY)
    rmSync(join(dir, PROOF_FILES.receipt))
    symlinkSync(secret, join(dir, PROOF_FILES.receipt))
    const gh = recordingEdges()
    const report = recordingReporter()
    await expect(
      publishProof(
        actionInputs(dir, { mode: 'submit', attestationStore: true }),
        { jobId: 'j1', dir, digests: files },
        gh,
        report
      )
    ).rejects.toMatchObject({ code: 'PUBLISH_FAILED' })
    expect(gh.published).toEqual({ artifacts: [], releaseAssets: [], attestations: [] })
    expectNoCanary(report)
  })

  it('publishes nothing when a written file changed after the run computed its digest', async () => {
    const dir = tmpDir('qprov-pub-')
    const files: Record<string, string> = {}
    for (const name of Object.values(PROOF_FILES)) {
      writeFileSync(join(dir, name), `{"${name}":1}\n`)
      files[name] = sha256Digest(readFileSync(join(dir, name)))
    }
    writeFileSync(join(dir, PROOF_FILES.statement), '{"swapped":1}\n')
    writeFileSync(join(dir, 'extra.json'), '{}')
    const gh = recordingEdges()
    await expect(
      publishProof(
        actionInputs(dir, { mode: 'submit' }),
        { jobId: 'j1', dir, digests: files },
        gh,
        recordingReporter()
      )
    ).rejects.toMatchObject({
      code: 'PUBLISH_FAILED',
      message: expect.stringMatching(/statement\.json is not the file this run wrote/)
    })
    expect(gh.published.artifacts).toEqual([])
  })
})

/** The sandbox emulator as the verifier's read-only job reader. */
function onlineReader() {
  return {
    getJob: async (id: string, o?: { params?: boolean }) => {
      const { createRuntimeClient } = await import('../../src/runtime/client.js')
      const { runtimeURL, iamURL, apiKey, instanceCRN } = sb.runtime
      return createRuntimeClient({ runtimeURL, iamURL, apiKey, instanceCRN }).getJob(id, o)
    }
  }
}
