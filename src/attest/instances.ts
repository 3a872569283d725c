import { QprovError } from '../errors.js'
import { optionName, type Caller } from '../option-names.js'
import { checkEndpointURL } from '../url-credentials.js'
import {
  PUBLIC_GOOD_REKOR_V2_SIGNING_CONFIG,
  PUBLIC_GOOD_SIGNING_CONFIG,
  selectServices
} from './signing-config.js'
import {
  SIGSTORE_INSTANCES,
  type RekorVersion,
  type SigningConfig,
  type SigningConfigDocument,
  type SigningEndpoints,
  type SigstoreInstance
} from './signing-types.js'

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

export interface EndpointChoices {
  /** The Rekor API to log to (default 1, or the highest a signing config offers). */
  rekorVersion?: RekorVersion
  /** Services to choose from instead of the instance's. */
  signingConfig?: SigningConfigDocument
  /** How messages name options: flags for the CLI, inputs for the action. */
  caller?: Caller
}

/** The instance's services before any explicit URL: public-good's come from its signing configs. */
function instanceBase(
  instance: SigstoreInstance,
  rekorVersion: RekorVersion | undefined,
  env: Record<string, string | undefined>,
  option: (flag: string) => string
): Partial<SigningEndpoints> {
  switch (instance) {
    case 'public-good': {
      const v2 = rekorVersion === 2
      const s = selectServices(
        v2 ? PUBLIC_GOOD_REKOR_V2_SIGNING_CONFIG : PUBLIC_GOOD_SIGNING_CONFIG,
        {
          rekorVersion: rekorVersion ?? 1
        }
      )
      // The v1 default stays Fulcio + Rekor as sigstore-js's attest() signs; its TSA is opt-in.
      return {
        fulcioURL: s.fulcioURL,
        rekorURL: s.rekor?.url,
        rekorVersion: s.rekor?.version,
        ...(v2 ? { tsaURL: s.tsaURL } : {})
      }
    }
    case 'github': {
      const host = githubInstanceHost(env.GITHUB_SERVER_URL)
      return { fulcioURL: `https://fulcio.${host}`, tsaURL: `https://timestamp.${host}` }
    }
    case 'custom':
      return {}
    default:
      throw new QprovError(
        'USAGE',
        `unknown ${option('sigstore')} "${String(instance)}" (use ${SIGSTORE_INSTANCES.join(', ')})`
      )
  }
}

/** Resolves an instance (or a signing config) plus explicit overrides into the endpoints to sign against. */
export function resolveEndpoints(
  instance: SigstoreInstance,
  overrides: { fulcioURL?: string; rekorURL?: string; tsaURL?: string },
  env: Record<string, string | undefined> = process.env,
  choices: EndpointChoices = {}
): SigningEndpoints {
  const { rekorVersion, signingConfig } = choices
  const option = (flag: string) => optionName(flag, choices.caller ?? 'cli')
  let base: Partial<SigningEndpoints>
  if (signingConfig) {
    const s = selectServices(signingConfig, { rekorVersion })
    base = {
      fulcioURL: s.fulcioURL,
      rekorURL: s.rekor?.url,
      rekorVersion: s.rekor?.version,
      tsaURL: s.tsaURL
    }
  } else base = instanceBase(instance, rekorVersion, env, option)
  const given = definedOnly(overrides)
  // An explicit log URL speaks the version asked for, or v1, whatever the instance offered.
  if (given.rekorURL) base.rekorVersion = rekorVersion ?? 1
  const merged = { ...definedOnly(base), ...given }
  const what = signingConfig ? signingConfig.source : `the ${instance} Sigstore instance`
  if (!merged.fulcioURL) throw new QprovError('USAGE', `${what} needs ${option('fulcio-url')}`)
  if (!merged.rekorURL) {
    delete merged.rekorVersion
    if (rekorVersion !== undefined)
      throw new QprovError(
        'USAGE',
        `${option('rekor-version')} ${rekorVersion} needs a Rekor log, and ${what} has none ` +
          `(add ${option('rekor-url')})`
      )
  }
  if (!merged.rekorURL && !merged.tsaURL)
    throw new QprovError(
      'USAGE',
      `${what} needs ${option('rekor-url')} or ${option('tsa-url')}: a signature without a ` +
        'transparency-log entry or a signed timestamp cannot be verified after the certificate expires'
    )
  if (merged.rekorVersion === 2 && !merged.tsaURL)
    throw new QprovError(
      'USAGE',
      `Rekor v2 records no integrated time, so a v2 entry needs an RFC 3161 timestamp: add ${option('tsa-url')}`
    )
  for (const k of ['fulcioURL', 'rekorURL', 'tsaURL'] as const)
    if (merged[k] !== undefined) checkEndpointURL(merged[k], option(`${k.slice(0, -3)}-url`))
  return merged as SigningEndpoints
}

/** The endpoints a signing configuration resolves to. */
export function signingEndpoints(
  signing: SigningConfig,
  env: Record<string, string | undefined> = process.env
): SigningEndpoints {
  const { fulcioURL, rekorURL, tsaURL, rekorVersion, signingConfig, caller } = signing
  return resolveEndpoints(signing.instance, { fulcioURL, rekorURL, tsaURL }, env, {
    ...(rekorVersion !== undefined ? { rekorVersion } : {}),
    ...(signingConfig !== undefined ? { signingConfig } : {}),
    ...(caller !== undefined ? { caller } : {})
  })
}

function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(o).filter(([, v]) => v !== undefined && v !== '')
  ) as Partial<T>
}
