import { Option, type Command } from 'commander'
import { SIGSTORE_INSTANCES, type SigningConfig } from '../attest/signing-types.js'
import { signingSettings } from '../settings/signing.js'

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
    .option('--rekor-url <url>', 'Rekor URL (overrides the instance or sandbox value)')
    .addOption(
      new Option(
        '--rekor-version <n>',
        'Rekor API to log to: 1 (default) or 2 (tile-backed shards; needs a timestamp authority)'
      ).choices(['1', '2'])
    )
    .option('--tsa-url <url>', 'RFC 3161 timestamp authority URL (optional for public-good v1)')
    .option(
      '--signing-config <file>',
      'Sigstore SigningConfig v0.2 to pick Fulcio, Rekor and the TSA from (default: the ' +
        "instance's, embedded; public-good's Rekor v2 opt-in with --rekor-version 2)"
    )
    .option(
      '--trusted-root <file>',
      'trusted_root.json verifiers will use; a Rekor v2 entry is bound by the shard URL it lists ' +
        '(default: the embedded public-good root, or the sandbox root)'
    )
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

/** The flags in commander's casing, turned into a SigningConfig (see settings/signing.ts). */
export function signingFromOptions(opts: Record<string, unknown>): ResolvedSigning {
  const sandboxDir = str(opts, 'sandbox')
  const signing = signingSettings({
    sandbox: sandboxDir,
    instance: str(opts, 'sigstore'),
    fulcioURL: str(opts, 'fulcioUrl'),
    rekorURL: str(opts, 'rekorUrl'),
    tsaURL: str(opts, 'tsaUrl'),
    identityTokenEnv: str(opts, 'identityTokenEnv'),
    rekorVersion: str(opts, 'rekorVersion'),
    signingConfig: str(opts, 'signingConfig'),
    trustedRoot: str(opts, 'trustedRoot')
  })
  return sandboxDir ? { signing, sandboxDir } : { signing }
}
