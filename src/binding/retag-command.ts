import { looksLikeSecretName } from '../env-var-name.js'

/** The connection flags a re-tag command must repeat so that it reaches the same service. */
export interface RetagFlags {
  sandbox?: string
  runtimeURL?: string
  iamURL?: string
  apiKeyEnv?: string
  /** Signing flags, so the command also signs the binding where the first attempt would have. */
  sigstore?: string
  fulcioURL?: string
  rekorURL?: string
  tsaURL?: string
  rekorVersion?: string
  signingConfig?: string
  trustedRoot?: string
  identityTokenEnv?: string
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_/.:=@,+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`
}

/** The exact CLI command that binds the job to the attestation again. */
export function retagCommand(
  jobId: string,
  attestationDir: string,
  flags: RetagFlags,
  instanceCRN: string
): string {
  const args = ['qprov', 'tag', '--job', jobId, '--attestation', attestationDir]
  args.push('--instance', instanceCRN)
  if (flags.sandbox) args.push('--sandbox', flags.sandbox)
  if (flags.runtimeURL) args.push('--runtime-url', flags.runtimeURL)
  if (flags.iamURL) args.push('--iam-url', flags.iamURL)
  // A key-like "name" is never echoed: the user substitutes their variable's real name.
  if (flags.apiKeyEnv)
    args.push(
      '--api-key-env',
      looksLikeSecretName(flags.apiKeyEnv) ? 'YOUR_KEY_VARIABLE' : flags.apiKeyEnv
    )
  for (const [flag, value] of [
    ['--sigstore', flags.sigstore],
    ['--fulcio-url', flags.fulcioURL],
    ['--rekor-url', flags.rekorURL],
    ['--tsa-url', flags.tsaURL],
    ['--rekor-version', flags.rekorVersion],
    ['--signing-config', flags.signingConfig],
    ['--trusted-root', flags.trustedRoot],
    ['--identity-token-env', flags.identityTokenEnv]
  ] as const)
    if (value) args.push(flag, value)
  args.push('--out', attestationDir)
  return args.map(shellQuote).join(' ')
}
