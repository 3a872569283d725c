import { QprovError, isQprovError } from '../errors.js'
import { READ_LIMITS, readBoundedText } from '../read-file.js'
import type { IdentityPolicy } from '../sigstore/identity-policy.js'
import {
  PROFILE_NAMES,
  PUBLIC_GOOD_PROFILE,
  selectProfile,
  type VerifyProfile
} from '../sigstore/profiles.js'
import { refuseUrlCredentials } from '../url-credentials.js'
import { optionName, type Caller } from '../option-names.js'
import { sandboxSigning } from './sandbox.js'

/** What the user asked verification to require, however the CLI or the action spelled it. */
export interface VerificationChoice {
  /** Path of trusted_root.json (one root or JSON lines). */
  trustedRoot?: string
  identity?: string
  identityRegExp?: string
  issuer?: string
  profile?: string
  thresholds?: string
  /** A sandbox directory: its root, identity and issuer fill whatever is not given. */
  sandbox?: string
}

/** A complete verification policy: what `qprov verify` and `qprov fetch` check every bundle by. */
export interface VerificationSettings {
  policy: IdentityPolicy
  /** trusted_root.json text; absent means the embedded public-good root. */
  trustedRoot?: string
  /** Where the root came from: its path as given; absent for the embedded root. */
  trustedRootSource?: string
  /** The root is a sandbox's (practice only), as --sandbox gave it. */
  sandboxRoot: boolean
  profile: VerifyProfile
}

/**
 * The profile: public-good (default), github, or custom with explicit thresholds. github needs an
 * explicit trusted root: the embedded one is public-good's, and under github's thresholds a
 * public-good signature without any transparency-log entry would pass.
 */
export function profileSettings(
  c: Pick<VerificationChoice, 'profile' | 'thresholds' | 'trustedRoot'>,
  caller: Caller = 'cli'
): VerifyProfile {
  const option = (flag: string): string => optionName(flag, caller)
  const name = c.profile ?? PUBLIC_GOOD_PROFILE.name
  if (!(PROFILE_NAMES as readonly string[]).includes(name))
    throw new QprovError(
      'USAGE',
      `${option('profile')} must be one of ${PROFILE_NAMES.join(', ')}, got ${JSON.stringify(name)}`
    )
  if (name === 'custom' && c.thresholds === undefined)
    throw new QprovError(
      'USAGE',
      `${option('profile')} custom needs ${option('thresholds')} tlog=N,ctlog=N,timestamp=N`
    )
  if (name !== 'custom' && c.thresholds !== undefined)
    throw new QprovError(
      'USAGE',
      `${option('thresholds')} is only for ${option('profile')} custom; ${name} fixes its own`
    )
  if (name === 'github' && c.trustedRoot === undefined)
    throw new QprovError(
      'USAGE',
      `${option('profile')} github needs ${option('trusted-root')}: GitHub's root is not embedded ` +
        '(`gh attestation trusted-root > roots.jsonl` prints it)'
    )
  try {
    return selectProfile(name, c.thresholds)
  } catch (e) {
    if (isQprovError(e))
      throw new QprovError(e.code, `${option('thresholds')}: ${e.message}`, { cause: e })
    throw e
  }
}

/** Turns the choices into settings: exactly one identity form, an issuer, a readable root. */
export function verificationSettings(
  choice: VerificationChoice,
  caller: Caller = 'cli'
): VerificationSettings {
  const c = withSandbox(choice)
  const option = (flag: string): string => optionName(flag, caller)
  if ((c.identity === undefined) === (c.identityRegExp === undefined))
    throw new QprovError(
      'USAGE',
      `give exactly one of ${option('certificate-identity')} / ${option('certificate-identity-regexp')}`
    )
  if (c.issuer === undefined)
    throw new QprovError('USAGE', `${option('certificate-oidc-issuer')} is required`)
  refuseUrlCredentials(c.issuer, option('certificate-oidc-issuer'))
  const profile = profileSettings(c, caller)
  const policy: IdentityPolicy =
    c.identity !== undefined
      ? { identity: c.identity, issuer: c.issuer }
      : { identityRegExp: c.identityRegExp, issuer: c.issuer }
  return {
    policy,
    profile,
    sandboxRoot: choice.sandbox !== undefined && choice.trustedRoot === undefined,
    ...(c.trustedRoot !== undefined
      ? {
          trustedRoot: readBoundedText(c.trustedRoot, READ_LIMITS.trustedRoot),
          trustedRootSource: c.trustedRoot
        }
      : {})
  }
}

/**
 * `--sandbox DIR` for verification: the sandbox's trusted root, identity and issuer, each only
 * where the flag for it was not given. For practice: it verifies what that sandbox signed.
 */
function withSandbox(c: VerificationChoice): VerificationChoice {
  if (c.sandbox === undefined) return c
  const explicitSigner = c.identity !== undefined || c.identityRegExp !== undefined
  if (c.trustedRoot !== undefined && explicitSigner && c.issuer !== undefined) return c
  const sb = sandboxSigning(c.sandbox)
  return {
    ...c,
    trustedRoot: c.trustedRoot ?? sb.trustedRoot,
    ...(explicitSigner ? {} : { identity: sb.identity }),
    issuer: c.issuer ?? sb.issuer
  }
}
