import * as core from '@actions/core'
import { SIGSTORE_INSTANCES, type SigstoreInstance } from '../attest/signing-types.js'
import { QprovError } from '../errors.js'
import { checkRange, checkRef } from '../receipt/refs.js'
import { checkBackend, checkJobId } from '../runtime/input-checks.js'
import { hasUnsafeText } from '../untrusted-text.js'
import { AI_POLICIES, type AiPolicy } from '../verify/options.js'

export const MODES = ['receipt', 'attest', 'submit', 'tag', 'results', 'verify'] as const
export type Mode = (typeof MODES)[number]

export type AiPolicyInput = AiPolicy

/** Every input action.yml declares; a test checks both directions against action.yml. */
export const INPUT_NAMES = [
  'mode',
  'workload',
  'receipt',
  'receipts-json',
  'commit',
  'commit-range',
  'declare-ai',
  'sigstore',
  'fulcio-url',
  'rekor-url',
  'tsa-url',
  'rekor-version',
  'signing-config',
  'instance',
  'backend',
  'job-id',
  'attestation-dir',
  'api-key-env',
  'runtime-url',
  'iam-url',
  'out-dir',
  'bundle',
  'trusted-root',
  'certificate-identity',
  'certificate-identity-regexp',
  'certificate-oidc-issuer',
  'ai-policy',
  'thresholds',
  'upload-artifact',
  'artifact-name',
  'artifact-retention-days',
  'release-tag',
  'attestation-store',
  'check-run',
  'github-token',
  'sandbox',
  'wait-for-results',
  'results-timeout',
  'require-results'
] as const
export type InputName = (typeof INPUT_NAMES)[number]

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
  rekorVersion?: '1' | '2'
  signingConfig?: string
  instance?: string
  backend?: string
  jobId?: string
  attestationDir?: string
  /** undefined = not given: QISKIT_IBM_TOKEN, except in sandbox mode (the emulator's own key). */
  apiKeyEnv?: string
  runtimeURL?: string
  iamURL?: string
  outDir: string
  /** Proof bundles to verify: paths or globs. */
  bundle: string[]
  trustedRoot?: string
  certificateIdentity?: string
  certificateIdentityRegexp?: string
  certificateOidcIssuer?: string
  aiPolicy?: AiPolicyInput
  /** Verify mode with sigstore custom: `tlog=N,ctlog=N,timestamp=N`. */
  thresholds?: string
  /** undefined = the mode's default (true for submit and tag). */
  uploadArtifact?: boolean
  artifactName?: string
  artifactRetentionDays?: number
  releaseTag?: string
  attestationStore: boolean
  checkRun: boolean
  githubToken?: string
  /** Directory of a running `qprov sandbox`. */
  sandbox?: string
  /** Mode submit: wait for the job and add the results layer before publishing. */
  waitForResults: boolean
  /** Seconds the results wait may take (modes results and submit); undefined: no limit. */
  resultsTimeout?: number
  /** Mode verify: a bundle without a results layer fails. */
  requireResults: boolean
  /** Where relative paths resolve: GITHUB_WORKSPACE on a runner. */
  workspace: string
}

/**
 * Every input is validated before anything prints it: a value carrying a line break, a control
 * character or an invisible formatting character is refused whole, and the refusal does not
 * quote it. (A list input's items are its lines; each item is held to the same rule.)
 */
function refuseUnsafe(name: InputName, value: string): string {
  if (hasUnsafeText(value))
    throw new QprovError(
      'USAGE',
      `input ${name} holds a line break, control character or invisible formatting character; refusing it`
    )
  return value
}

const get = (name: InputName) => refuseUnsafe(name, core.getInput(name))
const list = (name: InputName) => core.getMultilineInput(name).map(v => refuseUnsafe(name, v))

function opt(name: InputName): string | undefined {
  const v = get(name)
  return v === '' ? undefined : v
}

function optChecked(name: InputName, check: (v: string, what: string) => string) {
  const v = opt(name)
  return v === undefined ? undefined : check(v, `input ${name}`)
}

/** YAML 1.2 core booleans, as core.getBooleanInput takes them; '' means "not given". */
function bool(name: InputName): boolean | undefined {
  const v = get(name)
  if (v === '') return undefined
  if (['true', 'True', 'TRUE'].includes(v)) return true
  if (['false', 'False', 'FALSE'].includes(v)) return false
  throw new QprovError('USAGE', `input ${name} must be true or false, got "${v}"`)
}

function oneOf<T extends string>(name: InputName, allowed: readonly T[], fallback?: T) {
  const v = get(name) || fallback
  if (v === undefined) return undefined
  if (!(allowed as readonly string[]).includes(v))
    throw new QprovError('USAGE', `input ${name} must be one of ${allowed.join(', ')}, got "${v}"`)
  return v as T
}

/**
 * A commit or a range A..B: the receipt kernel's ref rules, and nothing git would not take as a
 * commit (no whitespace, no ':' of a `rev:path`), so the value is known good before it is logged.
 */
function commitInput(name: 'commit' | 'commit-range'): string | undefined {
  const v = opt(name)
  if (v === undefined) return undefined
  if (/[\s:]/.test(v))
    throw new QprovError(
      'BAD_REF',
      `input ${name} must be a commit${name === 'commit-range' ? ' range A..B' : ''}: it holds whitespace or ':'`
    )
  return name === 'commit' ? checkRef(v) : checkRange(v)
}

function resultsTimeout(): number | undefined {
  const v = get('results-timeout')
  if (v === '') return undefined
  if (!/^[0-9]{1,6}$/.test(v) || Number(v) < 1 || Number(v) > 604800)
    throw new QprovError(
      'USAGE',
      `input results-timeout must be a whole number of seconds from 1 to 604800, got "${v}"`
    )
  return Number(v)
}

function retentionDays(): number | undefined {
  const v = get('artifact-retention-days')
  if (v === '') return undefined
  if (!/^[0-9]{1,2}$/.test(v) || Number(v) < 1 || Number(v) > 90)
    throw new QprovError(
      'USAGE',
      `input artifact-retention-days must be a whole number of days from 1 to 90, got "${v}"`
    )
  return Number(v)
}

export function readInputs(env: NodeJS.ProcessEnv = process.env): ActionInputs {
  return {
    mode: oneOf('mode', MODES, 'attest') as Mode,
    workload: list('workload'),
    receipt: opt('receipt'),
    receiptsJson: opt('receipts-json'),
    commit: commitInput('commit'),
    commitRange: commitInput('commit-range'),
    declareAi: list('declare-ai'),
    sigstore: oneOf('sigstore', SIGSTORE_INSTANCES, 'public-good') as SigstoreInstance,
    fulcioURL: opt('fulcio-url'),
    rekorURL: opt('rekor-url'),
    tsaURL: opt('tsa-url'),
    rekorVersion: oneOf('rekor-version', ['1', '2'] as const),
    signingConfig: opt('signing-config'),
    instance: opt('instance'),
    backend: optChecked('backend', checkBackend),
    jobId: optChecked('job-id', checkJobId),
    attestationDir: opt('attestation-dir'),
    apiKeyEnv: opt('api-key-env'),
    runtimeURL: opt('runtime-url'),
    iamURL: opt('iam-url'),
    outDir: get('out-dir') || 'qprov-out',
    bundle: list('bundle'),
    trustedRoot: opt('trusted-root'),
    certificateIdentity: opt('certificate-identity'),
    certificateIdentityRegexp: opt('certificate-identity-regexp'),
    certificateOidcIssuer: opt('certificate-oidc-issuer'),
    aiPolicy: oneOf('ai-policy', AI_POLICIES),
    thresholds: opt('thresholds'),
    uploadArtifact: bool('upload-artifact'),
    artifactName: opt('artifact-name'),
    artifactRetentionDays: retentionDays(),
    releaseTag: opt('release-tag'),
    attestationStore: bool('attestation-store') ?? false,
    checkRun: bool('check-run') ?? false,
    githubToken: opt('github-token'),
    sandbox: opt('sandbox'),
    waitForResults: bool('wait-for-results') ?? false,
    resultsTimeout: resultsTimeout(),
    requireResults: bool('require-results') ?? false,
    workspace: env.GITHUB_WORKSPACE ?? process.cwd()
  }
}
