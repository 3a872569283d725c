import { QprovError } from './errors.js'
import { registerSecret } from './secrets.js'

const ENV_VAR_NAME = /^[A-Za-z_][A-Za-z0-9_]*$/

/**
 * A name like QISKIT_IBM_TOKEN is safe to print. A long one with lowercase letters is more likely
 * a key or token pasted where its variable's name belongs, so it is masked and never echoed.
 */
export function looksLikeSecretName(name: string): boolean {
  return name.length > 40 || (/[a-z]/.test(name) && name.length > 20)
}

/**
 * Variables that hold the CI platform's own credentials or endpoints (the runner's, or GitHub's
 * job token). Named as the API key, their value would go to the IAM URL; as the identity token,
 * to Fulcio. Whole families are refused, since the runner adds new ones.
 */
const PLATFORM_PREFIXES = ['GITHUB_', 'ACTIONS_', 'RUNNER_']
const PLATFORM_NAMES = new Set([
  'CI_JOB_TOKEN',
  'CI_JOB_JWT',
  'CI_JOB_JWT_V1',
  'CI_JOB_JWT_V2',
  'SYSTEM_ACCESSTOKEN'
])

/** A platform secret's name, or SIGSTORE_ID_TOKEN where an API key is meant (it would go to IAM). */
function isPlatformSecretName(name: string, holds: 'key' | 'token'): boolean {
  const upper = name.toUpperCase()
  return (
    PLATFORM_PREFIXES.some(p => upper.startsWith(p)) ||
    PLATFORM_NAMES.has(upper) ||
    (holds === 'key' && upper === 'SIGSTORE_ID_TOKEN')
  )
}

/**
 * The one check of an option that names the environment variable holding a secret (an API key,
 * an OIDC token). A secret-looking value is masked before any message can mention it.
 * `option` is how the user wrote it (`--api-key-env`, `input api-key-env`).
 */
export function checkEnvVarName(name: string, option: string, holds: 'key' | 'token'): string {
  if (looksLikeSecretName(name)) registerSecret(name)
  if (!ENV_VAR_NAME.test(name))
    throw new QprovError(
      'USAGE',
      `${option} takes the NAME of an environment variable, not a ${holds}`
    )
  if (isPlatformSecretName(name, holds))
    throw new QprovError(
      'USAGE',
      `${option} names ${name}, a credential of the CI platform; qprov would send its value to ${holds === 'key' ? "IBM's IAM service" : 'the Fulcio CA'}. Name the variable you set from your ${holds === 'key' ? 'IBM Cloud API key' : 'identity token'} secret`
    )
  return name
}
