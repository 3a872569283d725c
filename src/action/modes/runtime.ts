import { join, resolve } from 'node:path'
import { writeFileAtomic } from '../../atomic-file.js'
import {
  defaultBundleFileName,
  packProofBundle,
  readProofDirectory
} from '../../proof/proof-bundle.js'
import { QprovError } from '../../errors.js'
import type { BoundProof } from '../../binding/bind.js'
import { sha256Digest } from '../../proof/binding-document.js'
import { createRuntimeClient } from '../../runtime/client.js'
import { DEFAULT_API_KEY_ENV, resolveConnection } from '../../runtime/connection.js'
import { retagCommand } from '../../binding/retag-command.js'
import type { RuntimeTarget } from '../../binding/runtime-target.js'
import { submitWorkload } from '../../binding/submit-workload.js'
import { tagJob } from '../../binding/tag-job.js'
import { isQprovTag } from '../../proof/tags.js'
import { attestWorkload } from '../../attest/pipeline.js'
import { planSigning } from '../../attest/sign.js'
import { connectionSettings } from '../../settings/connection.js'
import { runURL } from '../../github/context.js'
import type { ChainFacts, SummaryLink } from '../../github/summary.js'
import type { GitHubEdges } from '../github-edges.js'
import type { ActionInputs } from '../inputs.js'
import { publishProof, type Published } from '../publish.js'
import type { Reporter } from '../reporter.js'
import {
  actionSigning,
  attestationRows,
  actionReceipt,
  chainOf,
  rekorLinks,
  reportAttestation,
  requireWorkload
} from './attest.js'
import { outputPath } from '../../confined-path.js'
import { attestClosureCheck } from '../../binding/package-closure.js'

/**
 * The API key comes only from the environment variable named by api-key-env, never an input.
 * Resolved at once, so a missing instance or key fails before anything is signed. With `sandbox`,
 * the emulator's URLs, CRN and key fill in what the inputs do not name.
 */
export function connect(inputs: ActionInputs, env: NodeJS.ProcessEnv): () => RuntimeTarget {
  const conn = resolveConnection(
    connectionSettings({
      ...(inputs.sandbox ? { sandbox: inputs.sandbox } : {}),
      instance: inputs.instance,
      runtimeURL: inputs.runtimeURL,
      iamURL: inputs.iamURL,
      // With `sandbox` a real key (QISKIT_IBM_TOKEN in the job's environment) is used only when
      // api-key-env names it: the sandbox's IAM URL comes from a file, never the key by default.
      ...(inputs.apiKeyEnv !== undefined ? { apiKeyEnv: inputs.apiKeyEnv } : {}),
      caller: 'action'
    }),
    env
  )
  return () => ({
    api: createRuntimeClient(conn),
    instanceCRN: conn.instanceCRN,
    runtimeURL: conn.runtimeURL
  })
}

/** Links every summary of a runtime mode carries: the workflow run. */
export function runLinks(gh: GitHubEdges): SummaryLink[] {
  try {
    const url = runURL(gh.context())
    return url ? [{ label: 'workflow run', url }] : []
  } catch {
    return []
  }
}

/** The re-bind hint names both the CLI command and this action's tag mode. */
function hint(inputs: ActionInputs, attestationDir: string) {
  return (jobId: string, crn: string) => {
    const cli = retagCommand(
      jobId,
      attestationDir,
      {
        ...(inputs.sandbox ? { sandbox: inputs.sandbox } : {}),
        runtimeURL: inputs.runtimeURL,
        iamURL: inputs.iamURL,
        ...(inputs.apiKeyEnv !== undefined && inputs.apiKeyEnv !== DEFAULT_API_KEY_ENV
          ? { apiKeyEnv: inputs.apiKeyEnv }
          : {})
      },
      crn
    )
    return `re-bind it with: ${cli} (or run this action with mode: tag, job-id: ${jobId}, attestation-dir: ${attestationDir})`
  }
}

/** Mode submit: attest, submit the workload's qprov.job.json with provenance tags, publish. */
export async function runSubmit(
  inputs: ActionInputs,
  report: Reporter,
  gh: GitHubEdges,
  env: NodeJS.ProcessEnv = process.env
): Promise<void> {
  requireWorkload(inputs)
  const target = connect(inputs, env)
  const signing = actionSigning(inputs, env)
  const outDir = outputPath(inputs.outDir, inputs.workspace, 'out-dir')
  const receipt = actionReceipt(inputs)
  const r = await submitWorkload(
    {
      workload: inputs.workload,
      cwd: inputs.workspace,
      connect: target,
      backend: inputs.backend,
      attest: { signing: () => signing, receipt },
      outDir,
      hint: hint(inputs, outDir),
      env
    },
    {
      // Set before anything else can fail: a job that exists must be findable from the step.
      onJobId: (id, sessionId) => {
        report.output('job-id', id)
        if (sessionId) report.output('session-id', sessionId)
        report.info(`created Runtime job ${id}${sessionId ? ` in ${sessionId}` : ''}`)
      },
      onAttested: a => reportAttestation(a, report),
      onProgress: m => report.info(m),
      onWarning: m => report.warning(m)
    }
  )
  for (const t of r.tags) report.info(`tag: ${t}`)
  report.output('job-tags', JSON.stringify(r.tags.filter(isQprovTag)))
  report.output('out-dir', outDir)
  report.output('bundle-path', outDir)
  if (r.binding) report.output('binding-digest', r.binding.bindingDigest)
  const witnessed =
    inputs.waitForResults && r.binding
      ? await (
          await import('./results-witness.js')
        ).witnessForAction(inputs, report, target, r.jobId, outDir, env)
      : undefined
  const bound =
    r.binding && witnessed
      ? { ...r.binding, digests: { ...r.binding.digests, ...witnessed.digests } }
      : r.binding
  const published = await publishOrKeep(inputs, r.jobId, outDir, bound, gh, report)
  await report.summary({
    title: 'qprov submit',
    rows: [
      ['job ID', r.jobId],
      ...(r.sessionId ? ([['session ID', r.sessionId]] as [string, string][]) : []),
      ['backend', r.backend],
      ...(r.attestation ? attestationRows(r.attestation) : []),
      ['tags', r.tags.join(' ')],
      ['proof bundle', outDir],
      ...(witnessed ? witnessed.rows : []),
      ...published.rows
    ],
    chain: {
      ...(r.attestation ? chainOf(r.attestation) : {}),
      jobId: r.jobId,
      ...(r.binding ? { bindingDigest: r.binding.bindingDigest } : {})
    },
    links: [
      ...(r.attestation ? rekorLinks(inputs, r.attestation) : []),
      ...published.links,
      ...runLinks(gh)
    ]
  })
}

/**
 * `<job-id>.qprov.json` beside the directory form in out-dir (verify reads either form), packed
 * from exactly the files this run bound, each read back with the digest it computed.
 */
async function writeSingleFile(
  jobId: string,
  outDir: string,
  digests: Record<string, string>
): Promise<{ path: string; digest: string }> {
  const onDisk = await readProofDirectory(outDir)
  const files: Record<string, Buffer> = {}
  for (const [name, digest] of Object.entries(digests)) {
    const b = onDisk[name]
    if (b === undefined || sha256Digest(b) !== digest)
      throw new QprovError(
        'PUBLISH_FAILED',
        `${join(outDir, name)} is not the file this run wrote; the single-file bundle was not made`
      )
    files[name] = b
  }
  const path = join(outDir, defaultBundleFileName(jobId))
  const packed = packProofBundle(files, jobId)
  await writeFileAtomic(path, packed)
  return { path, digest: sha256Digest(packed) }
}

/** Publishes; on failure the summary still says where the bundle is before the step fails. */
export async function publishOrKeep(
  inputs: ActionInputs,
  jobId: string,
  outDir: string,
  binding: BoundProof | undefined,
  gh: GitHubEdges,
  report: Reporter
): Promise<Published> {
  try {
    if (binding === undefined)
      throw new QprovError('INTERNAL', `job ${jobId} has no signed binding to publish`)
    const singleFile = await writeSingleFile(jobId, outDir, binding.digests)
    return await publishProof(
      inputs,
      { jobId, dir: outDir, digests: binding.digests, singleFile },
      gh,
      report
    )
  } catch (e) {
    await report.summary({
      title: `qprov ${inputs.mode}: job ${jobId} bound, publishing failed`,
      rows: [
        ['job ID', jobId],
        ['proof bundle (kept)', outDir]
      ]
    })
    throw e
  }
}

/**
 * Mode tag: bind a job submitted elsewhere. With an attestation-dir its tags are added; with a
 * workload and no attestation-dir the workload is attested here first, into out-dir.
 */
export async function runTag(
  inputs: ActionInputs,
  report: Reporter,
  gh: GitHubEdges,
  env: NodeJS.ProcessEnv = process.env
): Promise<void> {
  if (!inputs.jobId) throw new QprovError('USAGE', 'input job-id is required for mode tag')
  if (!inputs.attestationDir && inputs.workload.length === 0)
    throw new QprovError(
      'USAGE',
      'mode tag needs input attestation-dir (from an attest step) or input workload (to attest here)'
    )
  if (inputs.attestationDir && inputs.workload.length > 0)
    throw new QprovError('USAGE', 'give either input attestation-dir or input workload, not both')
  const target = connect(inputs, env)
  const signing = actionSigning(inputs, env)
  const outDir = outputPath(inputs.outDir, inputs.workspace, 'out-dir')
  let chain: ChainFacts = {}
  let links: SummaryLink[] = []
  let attestationDir: string
  if (inputs.attestationDir) {
    attestationDir = resolve(inputs.workspace, inputs.attestationDir)
  } else {
    const a = await attestWorkload({
      workload: inputs.workload,
      cwd: inputs.workspace,
      receipt: actionReceipt(inputs),
      signing: () => planSigning(signing, env),
      outDir,
      checkManifest: attestClosureCheck(inputs.workspace),
      onProgress: m => report.info(m)
    })
    reportAttestation(a, report)
    chain = chainOf(a)
    links = rekorLinks(inputs, a)
    attestationDir = outDir
  }
  const r = await tagJob(
    {
      jobId: inputs.jobId,
      attestationDir,
      outDir,
      connect: target,
      hint: hint(inputs, attestationDir),
      signing,
      env
    },
    { onJob: id => report.output('job-id', id), onProgress: m => report.info(m) }
  )
  for (const t of r.tags) report.info(`tag: ${t}`)
  report.output('statement-digest', r.refs.statementDigest)
  report.output('job-tags', JSON.stringify(r.tags.filter(isQprovTag)))
  report.output('out-dir', outDir)
  report.output('bundle-path', outDir)
  if (r.binding) report.output('binding-digest', r.binding.bindingDigest)
  const published = await publishOrKeep(inputs, r.jobId, outDir, r.binding, gh, report)
  await report.summary({
    title: 'qprov tag',
    rows: [
      ['job ID', r.jobId],
      ['statement digest', r.refs.statementDigest],
      ['tags', r.tags.join(' ')],
      ['updated', r.unchanged ? 'no (already tagged)' : 'yes'],
      ['proof bundle', outDir],
      ...published.rows
    ],
    chain: {
      ...chain,
      statementDigest: r.refs.statementDigest,
      // The job's tags name the log entry; without one it was timestamped only.
      rekorLogIndex: r.refs.rekorLogIndex ?? null,
      jobId: r.jobId,
      ...(r.binding ? { bindingDigest: r.binding.bindingDigest } : {})
    },
    links: [...links, ...published.links, ...runLinks(gh)]
  })
}
