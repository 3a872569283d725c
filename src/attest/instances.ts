import { QprovError } from '../errors.js'
import { optionName, type Caller } from '../option-names.js'
import { checkEndpointURL } from '../url-credentials.js'
import {
  SIGSTORE_INSTANCES,
  type SigningConfig,
  type SigningEndpoints,
  type SigstoreInstance
} from './signing-types.js'

const PUBLIC_GOOD = {
  fulcioURL: 'https://fulcio.sigstore.dev',
  rekorURL: 'https://rekor.sigstore.dev'
}

/**
 * GitHub's private instance lives beside the server: github.com → fulcio.githubapp.com, and a
 * GHE.com tenant (acme.ghe.com) → fulcio.acme.ghe.com, as @actions/attest derives it.
 */
export function githubInstanceHost(serverURL: string | undefined): string {
  let host = 'github.com'
  if (serverURL) {
    try {
      host = new URL(serverURL).hostname
    } catch {
      throw new QprovError('CONFIG_INVALID', `GITHUB_SERVER_URL is not a URL: ${serverURL}`)
    }
  }
  return host === 'github.com' ? 'githubapp.com' : host
}

/** Resolves an instance name plus explicit overrides into the endpoints to sign against. */
export function resolveEndpoints(
  instance: SigstoreInstance,
  overrides: { fulcioURL?: string; rekorURL?: string; tsaURL?: string },
  env: Record<string, string | undefined> = process.env,
  caller: Caller = 'cli'
): SigningEndpoints {
  const option = (flag: string) => optionName(flag, caller)
  let base: Partial<SigningEndpoints>
  switch (instance) {
    case 'public-good':
      base = { ...PUBLIC_GOOD }
      break
    case 'github': {
      const host = githubInstanceHost(env.GITHUB_SERVER_URL)
      base = { fulcioURL: `https://fulcio.${host}`, tsaURL: `https://timestamp.${host}` }
      break
    }
    case 'custom':
      base = {}
      break
    default:
      throw new QprovError(
        'USAGE',
        `unknown ${option('sigstore')} "${String(instance)}" (use ${SIGSTORE_INSTANCES.join(', ')})`
      )
  }
  const merged = { ...base, ...definedOnly(overrides) }
  if (!merged.fulcioURL)
    throw new QprovError('USAGE', `the ${instance} Sigstore instance needs ${option('fulcio-url')}`)
  if (!merged.rekorURL && !merged.tsaURL)
    throw new QprovError(
      'USAGE',
      `the ${instance} Sigstore instance needs ${option('rekor-url')} or ${option('tsa-url')}: a signature without a ` +
        'transparency-log entry or a signed timestamp cannot be verified after the certificate expires'
    )
  for (const [k, v] of Object.entries(merged))
    if (v !== undefined) checkEndpointURL(v, option(`${k.slice(0, -3)}-url`))
  return merged as SigningEndpoints
}

/** The endpoints a signing configuration resolves to. */
export function signingEndpoints(
  signing: SigningConfig,
  env: Record<string, string | undefined> = process.env
): SigningEndpoints {
  const { fulcioURL, rekorURL, tsaURL } = signing
  return resolveEndpoints(signing.instance, { fulcioURL, rekorURL, tsaURL }, env, signing.caller)
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== '')
  ) as Partial<T>
}
