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
  return name
}
