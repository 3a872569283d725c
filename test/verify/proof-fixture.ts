import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateReceipts } from '../../src/receipt/generate.js'
import { signingFromOptions } from '../../src/cli/signing-options.js'
import { createRuntimeClient } from '../../src/runtime/client.js'
import { resolveConnection } from '../../src/runtime/connection.js'
import { connectionSettings } from '../../src/settings/connection.js'
import { submitWorkload } from '../../src/binding/submit-workload.js'
import { startSandbox, type SandboxHandle } from '../../src/sandbox/sandbox.js'
import { REPO_ROOT } from '../helpers/cli.js'

export interface ProofFixture {
  sandbox: SandboxHandle
  work: string
  trustedRoot: string
  policy: { identity: string; issuer: string }
  /** Two valid proof bundle directories: different jobs, workloads and receipts. */
  a: string
  b: string
  /** The workload directory of bundle b (a copy of examples/bell plus one file). */
  workloadB: string
  close(): Promise<void>
}

/**
 * Submits `workload` (relative to `cwd`) with `receipt` against a running sandbox and writes the
 * complete proof bundle to `out`: the same path `qprov submit` takes.
 */
export async function submitToSandbox(
  sandbox: SandboxHandle,
  o: { workload: string[]; cwd: string; receipt: string; out: string }
): Promise<void> {
  const signing = signingFromOptions({ sandbox: sandbox.dir }).signing
  const connect = () => {
    const conn = resolveConnection(connectionSettings({ sandbox: sandbox.dir }), {})
    return {
      api: createRuntimeClient(conn),
      instanceCRN: conn.instanceCRN,
      runtimeURL: conn.runtimeURL
    }
  }
  await submitWorkload({
    workload: o.workload,
    cwd: o.cwd,
    connect,
    attest: { signing: () => signing, receipt: { from: 'file', path: o.receipt } },
    outDir: o.out,
    hint: id => `hint ${id}`,
    env: {}
  })
}

/**
 * Two real proof bundles from `submit` against an in-process sandbox (Sigstore + Runtime
 * emulator over HTTP on 127.0.0.1). Bundle b's receipt declares an AI tool, so its receipt,
 * manifest, statement and job all differ from a's. Both sign to Rekor v1 unless told otherwise.
 */
export async function makeProofFixture(opts: { rekorVersion?: 1 | 2 } = {}): Promise<ProofFixture> {
  const work = mkdtempSync(join(tmpdir(), 'qprov-proof-'))
  const sandbox = await startSandbox({
    dir: join(work, 'sandbox'),
    runtime: { jobsPerMinute: 10_000 },
    ...(opts.rekorVersion ? { rekorVersion: opts.rekorVersion } : {})
  })
  const [human] = await generateReceipts({ repoDir: REPO_ROOT, commit: 'HEAD' })
  const [declared] = await generateReceipts({
    repoDir: REPO_ROOT,
    commit: 'HEAD',
    declareAi: ['copilot']
  })
  writeFileSync(join(work, 'receipt-a.json'), JSON.stringify(human))
  writeFileSync(join(work, 'receipt-b.json'), JSON.stringify(declared))
  const workloadB = join(work, 'wl')
  cpSync(join(REPO_ROOT, 'examples/bell'), join(workloadB, 'bell'), { recursive: true })
  writeFileSync(join(workloadB, 'bell', 'notes.txt'), 'second workload\n')
  const a = join(work, 'a')
  const b = join(work, 'b')
  const workload = ['bell']
  await submitToSandbox(sandbox, {
    workload,
    cwd: join(REPO_ROOT, 'examples'),
    receipt: join(work, 'receipt-a.json'),
    out: a
  })
  await submitToSandbox(sandbox, {
    workload,
    cwd: workloadB,
    receipt: join(work, 'receipt-b.json'),
    out: b
  })
  return {
    sandbox,
    work,
    trustedRoot: readFileSync(sandbox.config.trustedRoot, 'utf8'),
    policy: { identity: sandbox.config.identity, issuer: sandbox.config.issuer },
    a,
    b,
    workloadB,
    close: () => sandbox.close()
  }
}
