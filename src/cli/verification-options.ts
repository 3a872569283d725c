import type { Command } from 'commander'
import {
  profileSettings,
  verificationSettings,
  type VerificationSettings
} from '../settings/verification.js'
import type { VerifyProfile } from '../sigstore/profiles.js'

/** The verification policy flags as commander parses them (shared by verify and fetch). */
export interface VerificationFlags {
  trustedRoot?: string
  certificateIdentity?: string
  certificateIdentityRegexp?: string
  certificateOidcIssuer?: string
  profile?: string
  thresholds?: string
  sandbox?: string
}

/** --profile and --thresholds: what each Sigstore signature must carry. */
export function addProfileOptions(cmd: Command): Command {
  return cmd
    .option(
      '--profile <name>',
      'public-good (tlog 1, ctlog 1, timestamp 1; default), github (GitHub instance: ' +
        'timestamp 1 only; needs --trusted-root) or custom (--thresholds)'
    )
    .option(
      '--thresholds <spec>',
      'with --profile custom: tlog=N,ctlog=N,timestamp=N (all three, N 0-9, timestamp at least 1)'
    )
}

/** The trusted root, the signer policy and the profile every proof bundle is verified under. */
export function addVerificationOptions(cmd: Command): Command {
  cmd
    .option(
      '--trusted-root <file>',
      'trusted_root.json, one root or JSON lines (default: embedded public-good root)'
    )
    .option(
      '--certificate-identity <san>',
      'exact signer identity (certificate SAN) of both statements'
    )
    .option(
      '--certificate-identity-regexp <re>',
      'regexp the whole SAN must match (always anchored)'
    )
    .option('--certificate-oidc-issuer <url>', 'exact OIDC issuer of both signers')
  return addProfileOptions(cmd)
}

export function profileFromFlags(flags: VerificationFlags): VerifyProfile {
  return profileSettings(flags)
}

export function verificationFromFlags(flags: VerificationFlags): VerificationSettings {
  return verificationSettings({
    trustedRoot: flags.trustedRoot,
    identity: flags.certificateIdentity,
    identityRegExp: flags.certificateIdentityRegexp,
    issuer: flags.certificateOidcIssuer,
    profile: flags.profile,
    thresholds: flags.thresholds,
    sandbox: flags.sandbox
  })
}
