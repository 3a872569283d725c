import {
  SIGSTORE_INSTANCES,
  type RekorVersion,
  type SigningConfig,
  type SigningConfigDocument,
  type SigstoreInstance
} from '../attest/signing-types.js'
import { checkEnvVarName } from '../env-var-name.js'
import { QprovError } from '../errors.js'
import { optionName, type Caller } from '../option-names.js'
import { READ_LIMITS, readBoundedText } from '../read-file.js'
import { checkEndpointURL } from '../url-credentials.js'
import { sandboxSigning } from './sandbox.js'

/** The user's signing choices, however the CLI or the action spelled them. */
export interface SigningChoice {
  sandbox?: string
  instance?: string
  fulcioURL?: string
  rekorURL?: string
  tsaURL?: string
  identityTokenEnv?: string
  /** "1" or "2", as typed. */
  rekorVersion?: string
  /** Path of a Sigstore SigningConfig v0.2 file. */
  signingConfig?: string
  /** Path of the trusted_root.json verifiers will use (binding a Rekor v2 entry looks its shard up there). */
  trustedRoot?: string
}

type OptionName = (flag: string) => string

function rekorVersionOf(text: string | undefined, option: OptionName): RekorVersion | undefined {
  if (text === undefined) return undefined
  if (text !== '1' && text !== '2')
    throw new QprovError('USAGE', `${option('rekor-version')} must be 1 or 2, got "${text}"`)
  return Number(text) as RekorVersion
}

/** A SigningConfig file, read whole and parsed; which services it yields is decided when signing. */
function readSigningConfig(path: string, option: OptionName): SigningConfigDocument {
  const text = readBoundedText(path, READ_LIMITS.signingConfig)
  try {
    return { source: `${option('signing-config')} ${path}`, json: JSON.parse(text) as unknown }
  } catch {
    throw new QprovError('INPUT_NOT_JSON', `${option('signing-config')} ${path} is not JSON`)
  }
}

/**
 * Turns the choices into a SigningConfig. With a sandbox its endpoints (its Rekor v2 shard for
 * rekor version 2), its trusted root and its Actions-style token endpoint are used; explicit
 * choices still win over them, and a signing config replaces its service URLs.
 */
export function signingSettings(c: SigningChoice, caller: Caller = 'cli'): SigningConfig {
  const option = (flag: string) => optionName(flag, caller)
  const instance = c.instance as SigstoreInstance | undefined
  if (instance && !SIGSTORE_INSTANCES.includes(instance))
    throw new QprovError('USAGE', `unknown ${option('sigstore')} "${instance}"`)
  if (c.identityTokenEnv !== undefined)
    checkEnvVarName(c.identityTokenEnv, option('identity-token-env'), 'token')
  const urls = { fulcioURL: c.fulcioURL, rekorURL: c.rekorURL, tsaURL: c.tsaURL }
  for (const [k, v] of Object.entries(urls))
    if (v !== undefined) checkEndpointURL(v, option(`${k.slice(0, -3)}-url`))
  let rekorVersion = rekorVersionOf(c.rekorVersion, option)
  const signingConfig =
    c.signingConfig !== undefined ? readSigningConfig(c.signingConfig, option) : undefined
  let signing: SigningConfig
  if (c.sandbox) {
    const sb = sandboxSigning(c.sandbox)
    for (const k of [
      'fulcioURL',
      'rekorURL',
      'rekorV2URL',
      'tsaURL',
      'actionsIdTokenRequestURL'
    ] as const) {
      const url = sb[k]
      if (url !== undefined) checkEndpointURL(url, `${k} in ${c.sandbox}/sandbox.json`)
    }
    // The public-good instance would fill the missing Rekor with the real one, and a sandbox
    // certificate must never reach a public log.
    if (sb.rekorURL === undefined && instance === 'public-good' && urls.rekorURL === undefined)
      throw new QprovError(
        'USAGE',
        `the sandbox in ${c.sandbox} stands in for GitHub's instance (no Rekor): sign with ` +
          `${option('sigstore')} github or custom, or give ${option('rekor-url')}`
      )
    rekorVersion ??= sb.rekorVersion
    if (rekorVersion === 2 && sb.rekorV2URL === undefined && urls.rekorURL === undefined)
      throw new QprovError(
        'CONFIG_INVALID',
        `${c.sandbox}/sandbox.json names no Rekor v2 shard (rekorV2URL): restart \`qprov sandbox\``
      )
    const own = signingConfig
      ? {}
      : {
          fulcioURL: sb.fulcioURL,
          rekorURL: rekorVersion === 2 ? sb.rekorV2URL : sb.rekorURL,
          tsaURL: sb.tsaURL
        }
    signing = {
      instance: instance ?? 'custom',
      fulcioURL: urls.fulcioURL ?? own.fulcioURL,
      rekorURL: urls.rekorURL ?? own.rekorURL,
      tsaURL: urls.tsaURL ?? own.tsaURL,
      trustedRootFile: sb.trustedRoot,
      actionsOidc: {
        requestURL: sb.actionsIdTokenRequestURL,
        requestToken: sb.actionsIdTokenRequestToken
      }
    }
  } else {
    signing = { instance: instance ?? 'public-good' }
    for (const [k, v] of Object.entries(urls))
      if (v !== undefined) signing[k as keyof typeof urls] = v
  }
  for (const k of ['fulcioURL', 'rekorURL', 'tsaURL'] as const)
    if (signing[k] === undefined) delete signing[k]
  if (rekorVersion !== undefined) signing.rekorVersion = rekorVersion
  if (signingConfig) signing.signingConfig = signingConfig
  if (c.trustedRoot !== undefined) signing.trustedRootFile = c.trustedRoot
  if (c.identityTokenEnv) signing.identityTokenEnv = c.identityTokenEnv
  if (caller !== 'cli') signing.caller = caller
  return signing
}
