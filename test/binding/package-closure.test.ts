import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attestWorkload } from '../../src/attest/pipeline.js'
import { planSigning } from '../../src/attest/sign.js'
import {
  attestClosureCheck,
  checkManifestClosure,
  checkPackageClosure
} from '../../src/binding/package-closure.js'
import { signingSettings } from '../../src/settings/signing.js'
import { loadJobSpec } from '../../src/runtime/job-spec.js'
import { startSandbox, type SandboxHandle } from '../../src/sandbox/sandbox.js'
import { buildManifest } from '../../src/workload/manifest.js'
import { commitAll, gitWorkspace, submitInProcess, tmpDir } from '../helpers/in-process-submit.js'

// Issue 22 §1: the job runs only circuits that the signed package holds.
let sb: SandboxHandle

beforeAll(async () => {
  sb = await startSandbox({ dir: tmpDir('qprov-closure-sb-'), runtime: { jobsPerMinute: 1000 } })
})
afterAll(() => sb.close())

const posts = () => sb.runtime.requests.filter(r => r.method === 'POST').length

describe('submit refuses a package that does not hold the circuits its job spec names', () => {
  it('refuses the job spec alone, naming the circuit, before anything is signed or sent', async () => {
    const ws = gitWorkspace()
    const out = join(tmpDir(), 'out')
    const before = sb.runtime.requests.length
    await expect(
      submitInProcess(sb, ws, ['examples/bell/qprov.job.json'], out)
    ).rejects.toMatchObject({
      code: 'WORKLOAD_INVALID',
      exitCode: 2,
      message: expect.stringMatching(
        /examples\/bell\/qprov\.job\.json PUB 0 names examples\/bell\/circuits\/bell\.qasm, which is not a file of the package/
      )
    })
    expect(sb.runtime.requests.length).toBe(before)
    expect(existsSync(out)).toBe(false)
  })

  it('submits the spec with its circuit named beside it', async () => {
    const ws = gitWorkspace()
    const r = await submitInProcess(sb, ws, [
      'examples/bell/qprov.job.json',
      'examples/bell/circuits/bell.qasm'
    ])
    const manifest = JSON.parse(readFileSync(r.attestation!.files.manifest, 'utf8'))
    expect(manifest.files.map((f: { path: string }) => f.path)).toEqual([
      'examples/bell/circuits/bell.qasm',
      'examples/bell/qprov.job.json'
    ])
  })

  it('refuses a package whose other job spec names a circuit it does not hold', async () => {
    const ws = gitWorkspace()
    mkdirSync(join(ws, 'examples/bell/extra'))
    writeFileSync(
      join(ws, 'examples/bell/extra/qprov.job.json'),
      JSON.stringify({ pubs: [{ circuit: 'gone.qasm' }] })
    )
    writeFileSync(join(ws, 'examples/bell/extra/other.qasm'), 'OPENQASM 3.0;\n')
    commitAll(ws, 'second spec')
    const n = posts()
    await expect(submitInProcess(sb, ws, ['examples/bell'])).rejects.toMatchObject({
      code: 'WORKLOAD_INVALID',
      message: expect.stringMatching(
        /extra\/qprov\.job\.json PUB 0 names examples\/bell\/extra\/gone\.qasm/
      )
    })
    expect(posts()).toBe(n)
  })

  it('refuses a circuit reached through a directory link that leaves the package', async () => {
    const outside = tmpDir('qprov-outside-')
    writeFileSync(
      join(outside, 'secret.qasm'),
      readFileSync(join(gitWorkspace(), 'examples/bell/circuits/bell.qasm'))
    )
    const ws = gitWorkspace()
    symlinkSync(outside, join(ws, 'examples/bell/lnk'))
    const spec = JSON.parse(readFileSync(join(ws, 'examples/bell/qprov.job.json'), 'utf8'))
    spec.pubs[0].circuit = 'lnk/secret.qasm'
    writeFileSync(join(ws, 'examples/bell/qprov.job.json'), JSON.stringify(spec))
    const before = sb.runtime.requests.length
    await expect(submitInProcess(sb, ws, ['examples/bell/qprov.job.json'])).rejects.toMatchObject({
      code: 'JOB_SPEC_INVALID',
      exitCode: 2,
      message: expect.stringMatching(
        /circuit of PUB 0 'examples\/bell\/lnk\/secret\.qasm' resolves outside the package root/
      )
    })
    expect(sb.runtime.requests.length).toBe(before)
  })

  it('refuses a circuit with a byte order mark, whose sent text would differ from the signed file', () => {
    const ws = gitWorkspace()
    const c = join(ws, 'examples/bell/circuits/bell.qasm')
    writeFileSync(c, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), readFileSync(c)]))
    expect(() => loadJobSpec(join(ws, 'examples/bell/qprov.job.json'), ws)).toThrow(
      /circuit of PUB 0 .*bell\.qasm starts with a byte order mark/
    )
  })

  it('refuses, before signing, a circuit that changed between the read that is sent and the hash', async () => {
    const ws = gitWorkspace()
    const loaded = loadJobSpec(join(ws, 'examples/bell/qprov.job.json'), ws)
    const specs = await checkPackageClosure(loaded, ['examples/bell'], ws)
    writeFileSync(join(ws, 'examples/bell/circuits/bell.qasm'), 'OPENQASM 3.0;\nx $0;\n')
    const manifest = await buildManifest(['examples/bell'], { cwd: ws })
    expect(() => checkManifestClosure(manifest, specs, loaded)).toThrow(
      /PUB 0: examples\/bell\/circuits\/bell\.qasm is sha256:[0-9a-f]{64}, the package holds sha256:/
    )
  })

  it('attest refuses, before signing, a package whose spec names a circuit it does not hold', async () => {
    const ws = gitWorkspace()
    const out = join(tmpDir(), 'att')
    const attest = (workload: string[]) =>
      attestWorkload({
        workload,
        cwd: ws,
        receipt: { from: 'git', commit: 'HEAD' },
        signing: () => planSigning(signingSettings({ sandbox: sb.dir }), {}),
        outDir: out,
        checkManifest: attestClosureCheck(ws)
      })
    await expect(attest(['examples/bell/qprov.job.json'])).rejects.toMatchObject({
      code: 'WORKLOAD_INVALID',
      message: expect.stringMatching(/PUB 0 names examples\/bell\/circuits\/bell\.qasm/)
    })
    expect(existsSync(out)).toBe(false)
    await attest(['examples/bell'])
    expect(existsSync(join(out, 'statement.json'))).toBe(true)
  })
})
