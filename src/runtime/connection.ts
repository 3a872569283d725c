import { join } from 'node:path'
import { QprovError } from '../errors.js'
import { READ_LIMITS, readBoundedText } from '../read-file.js'
import { registerSecret } from '../secrets.js'
import type { RuntimeClientOptions } from './client.js'
import { iamBaseUrl, parseInstanceCrn, runtimeBaseUrl } from './crn.js'
import { checkHttpUrl } from './inputs.js'

export const DEFAULT_API_KEY_ENV = 'QISKIT_IBM_TOKEN'

/**
 * A name like QISKIT_IBM_TOKEN is safe to print. A long one with lowercase letters is more likely
 * an API key pasted where its variable's name belongs, so it is masked and never echoed.
 */
export function looksLikeSecretName(name: string): boolean {
  return name.length > 40 || (/[a-z]/.test(name) && name.length > 20)
}

/** Masks an unconventional api-key-env value before any message can mention it. */
export function guardApiKeyEnvName(name: string): void {
  if (looksLikeSecretName(name)) registerSecret(name)
}

/** The 'set the … variable' part of the missing-key error, without echoing a key-like name. */
export function setVariableAdvice(name: string): string {
  return looksLikeSecretName(name)
    ? 'set the environment variable named by --api-key-env (the option takes a NAME, not a key)'
    : `set the ${name} environment variable`
}

export interface ConnectionFlags {
  instance?: string
  runtimeUrl?: string
  iamUrl?: string
  apiKeyEnv?: string
  sandbox?: string
}

interface SandboxRuntime {
  runtimeURL?: string
  iamURL?: string
  apiKey?: string
  instanceCRN?: string
}

function readJson(path: string): Record<string, unknown> | undefined {
  let text: string
  try {
    text = readBoundedText(path, READ_LIMITS.sandboxConfig)
  } catch (e) {
    if ((e as QprovError).code !== 'INPUT_NOT_FOUND') throw e
    return undefined
  }
  try {
    const raw: unknown = JSON.parse(text)
    return (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>
  } catch (e) {
    throw new QprovError('CONFIG_INVALID', `${path} is not JSON: ${(e as Error).message}`)
  }
}

/** sandbox.json (from `qprov sandbox`), completed by emulator.json (from `qprov emulator`). */
function readSandboxRuntime(dir: string): SandboxRuntime {
  const sandbox = readJson(join(dir, 'sandbox.json'))
  const emulator = readJson(join(dir, 'emulator.json'))
  if (!sandbox && !emulator)
    throw new QprovError(
      'CONFIG_INVALID',
      `neither ${join(dir, 'sandbox.json')} nor emulator.json exists (is \`qprov sandbox --dir ${dir}\` running?)`
    )
  const o = { ...emulator, ...sandbox }
  const pick = (k: string) =>
    typeof o[k] === 'string' && o[k] !== '' ? (o[k] as string) : undefined
  return {
    runtimeURL: pick('runtimeURL'),
    iamURL: pick('iamURL'),
    apiKey: pick('apiKey'),
    instanceCRN: pick('instanceCRN')
  }
}

/**
 * Endpoints, instance and API key: explicit flags, then DIR/sandbox.json, then the CRN's region.
 * The key comes only from an environment variable, or from the sandbox (its emulator's own key).
 */
export function resolveConnection(
  flags: ConnectionFlags,
  env: Record<string, string | undefined> = process.env
): RuntimeClientOptions {
  const sb = flags.sandbox ? readSandboxRuntime(flags.sandbox) : {}
  const instanceCRN = flags.instance ?? sb.instanceCRN
  if (!instanceCRN)
    throw new QprovError(
      'USAGE',
      flags.sandbox
        ? `--instance is required (${flags.sandbox}/sandbox.json has no instanceCRN)`
        : '--instance CRN is required'
    )
  const crn = parseInstanceCrn(instanceCRN)
  const envName = flags.apiKeyEnv ?? DEFAULT_API_KEY_ENV
  guardApiKeyEnvName(envName)
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(envName))
    throw new QprovError(
      'USAGE',
      '--api-key-env takes the NAME of an environment variable, not a key'
    )
  const apiKey = flags.apiKeyEnv === undefined && sb.apiKey ? sb.apiKey : env[envName]
  if (!apiKey)
    throw new QprovError(
      'USAGE',
      `no IBM Cloud API key: ${setVariableAdvice(envName)}${flags.sandbox ? '' : ' (or use --sandbox DIR)'}`
    )
  registerSecret(apiKey)
  const from = (flag: string | undefined, sandboxValue: string | undefined, name: string) =>
    flag !== undefined
      ? checkHttpUrl(flag, `--${name}`)
      : sandboxValue !== undefined
        ? checkHttpUrl(
            sandboxValue,
            `${name.replace('-url', 'URL')} in ${flags.sandbox}/sandbox.json`
          )
        : undefined
  const runtimeURL = from(flags.runtimeUrl, sb.runtimeURL, 'runtime-url')
  const iamURL = from(flags.iamUrl, sb.iamURL, 'iam-url')
  return {
    runtimeURL: runtimeURL ?? runtimeBaseUrl(crn),
    iamURL: iamURL ?? iamBaseUrl(crn),
    apiKey,
    instanceCRN: crn.crn
  }
}
