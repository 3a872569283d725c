import { Option, type Command } from 'commander'
import {
  SIGSTORE_INSTANCES,
  type SigningConfig,
  type SigstoreInstance
} from '../attest/signing-types.js'
import { QprovError } from '../errors.js'
import { checkEnvVarName } from '../env-var-name.js'
import { checkEndpointUrl } from '../url-credentials.js'
import { sandboxSigning } from './sandbox-settings.js'

/** Adds --sandbox and the Sigstore signing flags to a command that signs. */
export function addSigningOptions(cmd: Command): Command {
  return cmd
    .option(
      '--sandbox <dir>',
      'sign against the local sandbox started by `qprov sandbox --dir DIR` (reads DIR/sandbox.json)'
    )
    .addOption(
      new Option('--sigstore <instance>', 'Sigstore instance (default: public-good)').choices([
        ...SIGSTORE_INSTANCES
      ])
    )
    .option('--fulcio-url <url>', 'Fulcio URL (overrides the instance or sandbox value)')
    .option('--rekor-url <url>', 'Rekor v1 URL (overrides the instance or sandbox value)')
    .option('--tsa-url <url>', 'RFC 3161 timestamp authority URL (optional for public-good)')
    .option(
      '--identity-token-env <var>',
      'read the OIDC identity token from this environment variable ' +
        '(default: the GitHub Actions OIDC endpoint, then SIGSTORE_ID_TOKEN)'
    )
}

export interface ResolvedSigning {
  signing: SigningConfig
  /** The sandbox directory when --sandbox was given. */
  sandboxDir?: string
}

function str(opts: Record<string, unknown>, key: string): string | undefined {
  const v = opts[key]
  return typeof v === 'string' && v !== '' ? v : undefined
}

/**
 * Turns the parsed flags into a SigningConfig. With --sandbox the sandbox's endpoints and its
 * Actions-style token endpoint are used; explicit flags still win over them.
 */
export function signingFromOptions(opts: Record<string, unknown>): ResolvedSigning {
  const sandboxDir = str(opts, 'sandbox')
  const explicitInstance = str(opts, 'sigstore') as SigstoreInstance | undefined
  if (explicitInstance && !SIGSTORE_INSTANCES.includes(explicitInstance))
    throw new QprovError('USAGE', `unknown --sigstore "${explicitInstance}"`)
  const tokenEnv = str(opts, 'identityTokenEnv')
  if (tokenEnv !== undefined) checkEnvVarName(tokenEnv, '--identity-token-env', 'token')
  const flags = {
    fulcioURL: str(opts, 'fulcioUrl'),
    rekorURL: str(opts, 'rekorUrl'),
    tsaURL: str(opts, 'tsaUrl')
  }
  for (const [k, v] of Object.entries(flags))
    if (v !== undefined) checkEndpointUrl(v, `--${k.slice(0, -3)}-url`)
  let signing: SigningConfig
  if (sandboxDir) {
    const sb = sandboxSigning(sandboxDir)
    for (const k of ['fulcioURL', 'rekorURL', 'tsaURL', 'actionsIdTokenRequestURL'] as const)
      checkEndpointUrl(sb[k], `${k} in ${sandboxDir}/sandbox.json`)
    signing = {
      instance: explicitInstance ?? 'custom',
      fulcioURL: flags.fulcioURL ?? sb.fulcioURL,
      rekorURL: flags.rekorURL ?? sb.rekorURL,
      tsaURL: flags.tsaURL ?? sb.tsaURL,
      actionsOidc: {
        requestURL: sb.actionsIdTokenRequestURL,
        requestToken: sb.actionsIdTokenRequestToken
      }
    }
  } else {
    signing = { instance: explicitInstance ?? 'public-good', ...dropUndefined(flags) }
  }
  if (tokenEnv) signing.identityTokenEnv = tokenEnv
  return sandboxDir ? { signing, sandboxDir } : { signing }
}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
