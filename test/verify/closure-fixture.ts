import { join } from 'node:path'
import { attestWorkload } from '../../src/attest/pipeline.js'
import { planSigning } from '../../src/attest/sign.js'
import { tagJob } from '../../src/binding/tag-job.js'
import {
  createRuntimeClient,
  type CreateJobBody,
  type RuntimeApi
} from '../../src/runtime/client.js'
import { loadJobSpec, renderJobBody } from '../../src/runtime/job-spec.js'
import { startSandbox, type SandboxHandle } from '../../src/sandbox/sandbox.js'
import { signingSettings } from '../../src/settings/signing.js'
import { verifyProofBundles } from '../../src/verify/index.js'
import type { VerifyOptions } from '../../src/verify/options.js'
import type { BundleVerdict, CheckResult } from '../../src/verify/verdict.js'
import { gitWorkspace, submitInProcess, tmpDir } from '../helpers/in-process-submit.js'

/**
 * Proof bundles for the closure checks: one from `submit` (closed by construction), and bundles
 * made the way `tag` (and qprov before issue 22) allowed, of a job whose circuits the attested
 * package does not hold, or that runs another circuit.
 */
export interface ClosureFixture {
  sb: SandboxHandle
  ws: string
  api: RuntimeApi
  /** A `submit` of examples/bell. */
  submitted: string
  /** Attests `workload`, creates a job from the workspace's spec (body changed by `edit`), tags it. */
  tagged(workload: string[], edit?: (body: CreateJobBody) => void): Promise<string>
  verify(bundle: string, o?: Partial<VerifyOptions>): Promise<BundleVerdict>
  close(): Promise<void>
}

export const check = (v: BundleVerdict, name: string): CheckResult =>
  v.checks.find(c => c.name === name) as CheckResult

export async function makeClosureFixture(): Promise<ClosureFixture> {
  const sb = await startSandbox({ dir: tmpDir('qprov-cl-sb-'), runtime: { jobsPerMinute: 10_000 } })
  const ws = gitWorkspace()
  const { runtimeURL, iamURL, apiKey, instanceCRN } = sb.runtime
  const api = createRuntimeClient({ runtimeURL, iamURL, apiKey, instanceCRN })
  const signing = signingSettings({ sandbox: sb.dir })
  const submitted = join(tmpDir(), 'submitted')
  await submitInProcess(sb, ws, ['examples/bell'], submitted)
  const trustedRoot = (await import('node:fs')).readFileSync(sb.config.trustedRoot, 'utf8')
  return {
    sb,
    ws,
    api,
    submitted,
    async tagged(workload, edit) {
      const att = join(tmpDir(), 'att')
      await attestWorkload({
        workload,
        cwd: ws,
        receipt: { from: 'git', commit: 'HEAD' },
        signing: () => planSigning(signing, {}),
        outDir: att
      })
      const body = renderJobBody(loadJobSpec(join(ws, 'examples/bell/qprov.job.json'), ws))
      edit?.(body)
      const { id } = await api.createJob(body)
      const out = join(tmpDir(), 'bound')
      await tagJob({
        jobId: id,
        attestationDir: att,
        outDir: out,
        connect: () => ({ api, instanceCRN, runtimeURL }),
        hint: j => `re-bind ${j}`,
        signing,
        env: {}
      })
      return out
    },
    async verify(bundle, o = {}) {
      const [v] = await verifyProofBundles([bundle], {
        trustedRoot,
        policy: { identity: sb.config.identity, issuer: sb.config.issuer },
        workers: 0,
        ...o
      })
      return v as BundleVerdict
    },
    close: () => sb.close()
  }
}
