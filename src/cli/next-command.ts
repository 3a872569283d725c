import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { PROOF_FILES } from '../proof/layout.js'
import { certificateSigner } from '../sigstore/certificate-signer.js'
import { sandboxSigning } from '../settings/sandbox.js'
import type { VerificationFlags } from './verification-options.js'

const quote = (s: string): string =>
  /^[A-Za-z0-9_/.:=@,+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`

const command = (args: string[]): string => `qprov ${args.map(quote).join(' ')}`

/** The policy flags exactly as given to fetch, so its next command verifies the same way. */
function policyArgs(f: VerificationFlags): string[] {
  const pairs: [string, string | undefined][] = [
    ['--trusted-root', f.trustedRoot],
    ['--certificate-identity', f.certificateIdentity],
    ['--certificate-identity-regexp', f.certificateIdentityRegexp],
    ['--certificate-oidc-issuer', f.certificateOidcIssuer],
    ['--profile', f.profile],
    ['--thresholds', f.thresholds],
    ['--sandbox', f.sandbox]
  ]
  return pairs.flatMap(([k, v]) => (v === undefined ? [] : [k, v]))
}

/** After fetch: verify what was written, under the policy fetch picked it by. */
export function verifyAfterFetch(out: string, jobId: string, flags: VerificationFlags): string {
  return `next: ${command(['verify', out, '--job', jobId, ...policyArgs(flags)])}`
}

export interface SignedWith {
  sandbox?: string
  trustedRoot?: string
  sigstore?: string
}

/**
 * After submit and tag: verify the proof bundle just written, pinned to the signer that signed it
 * (read from its certificate), the trusted root it was signed under and the job it binds.
 * Undefined when the statement bundle cannot be read (then nothing is suggested).
 */
export function verifyAfterSigning(
  out: string,
  jobId: string,
  signed: SignedWith
): string | undefined {
  let signer
  try {
    const bundle: unknown = JSON.parse(readFileSync(join(out, PROOF_FILES.statementBundle), 'utf8'))
    signer = certificateSigner(bundle)
  } catch {
    return undefined
  }
  if (!signer.identity || !signer.issuer) return undefined
  const root =
    signed.trustedRoot ??
    (signed.sandbox !== undefined ? sandboxSigning(signed.sandbox).trustedRoot : undefined)
  const github = signed.sigstore === 'github'
  const args = [
    'verify',
    out,
    ...(root !== undefined
      ? ['--trusted-root', root]
      : github
        ? ['--trusted-root', 'roots.jsonl']
        : []),
    '--certificate-identity',
    signer.identity,
    '--certificate-oidc-issuer',
    signer.issuer,
    ...(github ? ['--profile', 'github'] : []),
    '--job',
    jobId
  ]
  return `next: ${command(args)}${github && root === undefined ? '   # roots.jsonl: gh attestation trusted-root > roots.jsonl' : ''}`
}
