import { checkEnvVarName, looksLikeSecretName } from '../env-var-name.js'
import { QprovError } from '../errors.js'
import { optionName, type Caller } from '../option-names.js'
import { registerSecret } from '../secrets.js'
import type { RuntimeClientOptions } from './client.js'
import { iamBaseURL, parseInstanceCrn, runtimeBaseURL } from '../proof/crn.js'
import { checkHttpURL } from './input-checks.js'

export const DEFAULT_API_KEY_ENV = 'QISKIT_IBM_TOKEN'

/** The 'set the … variable' part of the missing-key error, without echoing a key-like name. */
function setVariableAdvice(name: string, caller: Caller): string {
  if (looksLikeSecretName(name))
    return `${optionName('api-key-env', caller)} takes the NAME of an environment variable set from a secret, not a key`
  return caller === 'action'
    ? `set the ${name} environment variable from a secret (env: ${name}: \${{ secrets.… }})`
    : `set the ${name} environment variable`
}

/**
 * Explicit connection settings. The CLI and the action build them from their options (and from
 * a sandbox directory); nothing here reads a file.
 */
export interface ConnectionSettings {
  instance?: string
  runtimeURL?: string
  iamURL?: string
  apiKeyEnv?: string
  /** The key to use when no apiKeyEnv is named: the sandbox emulator's own. */
  sandboxApiKey?: string
  /** The sandbox file the other values came from, for messages. */
  sandboxFile?: string
  /** Who asked, so messages name its options (`--instance` or `input instance`); default cli. */
  caller?: Caller
}

/**
 * Endpoints, instance and API key: the settings given, then the CRN's region. The key comes
 * only from an environment variable, or from the sandbox (its emulator's own key).
 */
export function resolveConnection(
  settings: ConnectionSettings,
  env: Record<string, string | undefined> = process.env
): RuntimeClientOptions {
  const caller = settings.caller ?? 'cli'
  const option = (flag: string) => optionName(flag, caller)
  const instanceCRN = settings.instance
  if (!instanceCRN)
    throw new QprovError(
      'USAGE',
      settings.sandboxFile
        ? `${option('instance')} is required (${settings.sandboxFile} has no instanceCRN)`
        : `${option('instance')} (the Runtime instance CRN) is required`
    )
  const crn = parseInstanceCrn(instanceCRN)
  const envName = checkEnvVarName(
    settings.apiKeyEnv ?? DEFAULT_API_KEY_ENV,
    option('api-key-env'),
    'key'
  )
  const apiKey =
    settings.apiKeyEnv === undefined && settings.sandboxApiKey
      ? settings.sandboxApiKey
      : env[envName]
  if (!apiKey)
    throw new QprovError(
      'USAGE',
      `no IBM Cloud API key: ${setVariableAdvice(envName, caller)}${settings.sandboxFile || caller !== 'cli' ? '' : ' (or use --sandbox DIR)'}`
    )
  registerSecret(apiKey)
  const url = (value: string | undefined, option: string) =>
    value === undefined ? undefined : checkHttpURL(value, option)
  return {
    runtimeURL: url(settings.runtimeURL, option('runtime-url')) ?? runtimeBaseURL(crn),
    iamURL: url(settings.iamURL, option('iam-url')) ?? iamBaseURL(crn),
    apiKey,
    instanceCRN: crn.crn
  }
}
