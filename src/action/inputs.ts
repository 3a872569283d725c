import * as core from '@actions/core'
import { SIGSTORE_INSTANCES, type SigstoreInstance } from '../attest/signing-types.js'
import { QprovError } from '../errors.js'

export const MODES = ['receipt', 'attest', 'submit', 'tag', 'bundle', 'verify'] as const
export type Mode = (typeof MODES)[number]

/** Every action input, read once; nothing after this touches core.getInput. */
export interface ActionInputs {
  mode: Mode
  workload: string[]
  receipt?: string
  receiptsJson?: string
  commit?: string
  commitRange?: string
  declareAi: string[]
  sigstore: SigstoreInstance
  fulcioURL?: string
  rekorURL?: string
  tsaURL?: string
  instance?: string
  backend?: string
  jobId?: string
  attestationDir?: string
  apiKeyEnv: string
  runtimeURL?: string
  iamURL?: string
  outDir: string
  /** Where relative paths resolve: GITHUB_WORKSPACE on a runner. */
  workspace: string
}

function opt(name: string): string | undefined {
  const v = core.getInput(name)
  return v === '' ? undefined : v
}

function isInstance(name: string): name is SigstoreInstance {
  return (SIGSTORE_INSTANCES as readonly string[]).includes(name)
}

export function readInputs(env: NodeJS.ProcessEnv = process.env): ActionInputs {
  const mode = core.getInput('mode') || 'attest'
  if (!(MODES as readonly string[]).includes(mode))
    throw new QprovError('USAGE', `unknown mode "${mode}"; expected one of: ${MODES.join(', ')}`)
  const sigstore = core.getInput('sigstore') || 'public-good'
  if (!isInstance(sigstore))
    throw new QprovError(
      'USAGE',
      `input sigstore must be public-good, github or custom, got "${sigstore}"`
    )
  return {
    mode: mode as Mode,
    workload: core.getMultilineInput('workload'),
    receipt: opt('receipt'),
    receiptsJson: opt('receipts-json'),
    commit: opt('commit'),
    commitRange: opt('commit-range'),
    declareAi: core.getMultilineInput('declare-ai'),
    sigstore,
    fulcioURL: opt('fulcio-url'),
    rekorURL: opt('rekor-url'),
    tsaURL: opt('tsa-url'),
    instance: opt('instance'),
    backend: opt('backend'),
    jobId: opt('job-id'),
    attestationDir: opt('attestation-dir'),
    apiKeyEnv: core.getInput('api-key-env') || 'QISKIT_IBM_TOKEN',
    runtimeURL: opt('runtime-url'),
    iamURL: opt('iam-url'),
    outDir: core.getInput('out-dir') || 'qprov-out',
    workspace: env.GITHUB_WORKSPACE ?? process.cwd()
  }
}
