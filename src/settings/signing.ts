import {
  SIGSTORE_INSTANCES,
  type SigningConfig,
  type SigstoreInstance
} from '../attest/signing-types.js'
import { checkEnvVarName } from '../env-var-name.js'
import { QprovError } from '../errors.js'
import { optionName, type Caller } from '../option-names.js'
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
}

/**
 * Turns the choices into a SigningConfig. With a sandbox its endpoints and its Actions-style
 * token endpoint are used; explicit choices still win over them.
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
  let signing: SigningConfig
  if (c.sandbox) {
    const sb = sandboxSigning(c.sandbox)
    for (const k of ['fulcioURL', 'rekorURL', 'tsaURL', 'actionsIdTokenRequestURL'] as const) {
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
    const rekorURL = urls.rekorURL ?? sb.rekorURL
    signing = {
      instance: instance ?? 'custom',
      fulcioURL: urls.fulcioURL ?? sb.fulcioURL,
      ...(rekorURL !== undefined ? { rekorURL } : {}),
      tsaURL: urls.tsaURL ?? sb.tsaURL,
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
  if (c.identityTokenEnv) signing.identityTokenEnv = c.identityTokenEnv
  if (caller !== 'cli') signing.caller = caller
  return signing
}
