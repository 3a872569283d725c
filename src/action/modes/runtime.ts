import { resolve } from 'node:path'
import { QprovError } from '../../errors.js'
import { createRuntimeClient } from '../../runtime/client.js'
import { checkEnvVarName, looksLikeSecretName } from '../../env-var-name.js'
import { DEFAULT_API_KEY_ENV, resolveConnection } from '../../runtime/connection.js'
import { retagCommand } from '../../binding/retag-command.js'
import type { RuntimeTarget } from '../../binding/runtime-target.js'
import { submitWorkload } from '../../binding/submit-workload.js'
import { tagJob } from '../../binding/tag-job.js'
import { registerSecret } from '../../secrets.js'
import type { ActionInputs } from '../inputs.js'
import type { Reporter } from '../reporter.js'
import {
  actionSigning,
  attestationRows,
  actionReceipt,
  reportAttestation,
  requireWorkload
} from './attest.js'

/** The API key comes only from the environment variable named by api-key-env, never an input. */
function connect(inputs: ActionInputs, env: NodeJS.ProcessEnv): () => RuntimeTarget {
  if (!inputs.instance)
    throw new QprovError(
      'USAGE',
      `input instance (the Runtime instance CRN) is required for mode ${inputs.mode}`
    )
  checkEnvVarName(inputs.apiKeyEnv, 'input api-key-env', 'key')
  registerSecret(env[inputs.apiKeyEnv])
  if (!env[inputs.apiKeyEnv])
    throw new QprovError(
      'USAGE',
      looksLikeSecretName(inputs.apiKeyEnv)
        ? 'no IBM Cloud API key: input api-key-env takes the NAME of an environment variable set from a secret, not a key'
        : `no IBM Cloud API key: set the ${inputs.apiKeyEnv} environment variable from a secret (env: ${inputs.apiKeyEnv}: \${{ secrets.… }})`
    )
  const settings = {
    instance: inputs.instance,
    runtimeURL: inputs.runtimeURL,
    iamURL: inputs.iamURL,
    apiKeyEnv: inputs.apiKeyEnv
  }
  return () => {
    const conn = resolveConnection(settings, env)
    return {
      api: createRuntimeClient(conn),
      instanceCRN: conn.instanceCRN,
      runtimeURL: conn.runtimeURL
    }
  }
}

/** The re-bind hint names both the CLI command and this action's tag mode. */
function hint(inputs: ActionInputs, attestationDir: string) {
  return (jobId: string, crn: string) => {
    const cli = retagCommand(
      jobId,
      attestationDir,
      {
        runtimeUrl: inputs.runtimeURL,
        iamUrl: inputs.iamURL,
        ...(inputs.apiKeyEnv !== DEFAULT_API_KEY_ENV ? { apiKeyEnv: inputs.apiKeyEnv } : {})
      },
      crn
    )
    return `re-bind it with: ${cli} (or run this action with mode: tag, job-id: ${jobId}, attestation-dir: ${attestationDir})`
  }
}

/** Mode submit: attest, then submit the workload's qprov.job.json with provenance tags. */
export async function runSubmit(
  inputs: ActionInputs,
  report: Reporter,
  env: NodeJS.ProcessEnv = process.env
): Promise<void> {
  requireWorkload(inputs)
  const outDir = resolve(inputs.workspace, inputs.outDir)
  const target = connect(inputs, env)
  const receipt = actionReceipt(inputs)
  const r = await submitWorkload(
    {
      workload: inputs.workload,
      cwd: inputs.workspace,
      connect: target,
      backend: inputs.backend,
      attest: { signing: () => actionSigning(inputs), receipt },
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
  report.output('out-dir', outDir)
  await report.summary('qprov submit', [
    ['job ID', r.jobId],
    ...(r.sessionId ? ([['session ID', r.sessionId]] as [string, string][]) : []),
    ['backend', r.backend],
    ...(r.attestation ? attestationRows(r.attestation) : []),
    ['tags', r.tags.join(' ')],
    ['runtime record', r.recordPath]
  ])
}

/** Mode tag: add an attestation's provenance tags to an existing job, keeping its other tags. */
export async function runTag(
  inputs: ActionInputs,
  report: Reporter,
  env: NodeJS.ProcessEnv = process.env
): Promise<void> {
  if (!inputs.jobId) throw new QprovError('USAGE', 'input job-id is required for mode tag')
  if (!inputs.attestationDir)
    throw new QprovError('USAGE', 'input attestation-dir is required for mode tag')
  const attestationDir = resolve(inputs.workspace, inputs.attestationDir)
  const outDir = resolve(inputs.workspace, inputs.outDir)
  const r = await tagJob(
    {
      jobId: inputs.jobId,
      attestationDir,
      outDir,
      connect: connect(inputs, env),
      hint: hint(inputs, attestationDir)
    },
    { onJob: id => report.output('job-id', id), onProgress: m => report.info(m) }
  )
  for (const t of r.tags) report.info(`tag: ${t}`)
  report.output('statement-digest', r.refs.statementDigest)
  report.output('out-dir', outDir)
  await report.summary('qprov tag', [
    ['job ID', r.jobId],
    ['statement digest', r.refs.statementDigest],
    ['tags', r.tags.join(' ')],
    ['updated', r.unchanged ? 'no (already tagged)' : 'yes'],
    ['runtime record', r.recordPath]
  ])
}
