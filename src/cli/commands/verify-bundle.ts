import { createHash, createPublicKey } from 'node:crypto'
import type { Command } from 'commander'
import { QprovError, oneLine } from '../../errors.js'
import { checkPolicyShape, type IdentityPolicy } from '../../sigstore/identity-policy.js'
import { READ_LIMITS, readBoundedSync, streamBoundedSync } from '../../read-file.js'
import { refuseUrlCredentials } from '../../url-credentials.js'
import type {
  ArtifactInput,
  SignerPolicy,
  VerifyBundleResult
} from '../../sigstore/verify-bundle.js'
import { printErr, printJson, printOut } from '../io.js'
import { actionReturningStatus } from '../exit-status.js'
import { addProfileOptions, profileFromFlags } from '../verification-options.js'

interface VerifyBundleOpts {
  bundle: string
  trustedRoot?: string
  certificateIdentity?: string
  certificateIdentityRegexp?: string
  certificateOidcIssuer?: string
  key?: string
  sourceRepository?: string
  sourceRef?: string
  sourceDigest?: string
  buildConfigUri?: string
  buildSignerUri?: string
  denySelfHosted?: boolean
  predicateType?: string
  profile?: string
  thresholds?: string
  json?: boolean
}

/** Up to this size a file artifact is also kept in memory; above it only its digest is used. */
const ARTIFACT_IN_MEMORY = 64 * 1024 * 1024

/** A file artifact is hashed as it streams in: it may be large, or a pipe. */
function readArtifact(arg: string): ArtifactInput {
  if (/^sha256:[0-9a-fA-F]{64}$/.test(arg)) return { digest: arg.toLowerCase() }
  const hash = createHash('sha256')
  let kept: Buffer[] | undefined = []
  let size = 0
  streamBoundedSync(arg, READ_LIMITS.artifact, chunk => {
    hash.update(chunk)
    size += chunk.length
    if (kept === undefined) return
    if (size > ARTIFACT_IN_MEMORY) kept = undefined
    else kept.push(Buffer.from(chunk))
  })
  return kept !== undefined
    ? { bytes: Buffer.concat(kept, size) }
    : { digest: `sha256:${hash.digest('hex')}` }
}

/** A key that cannot be used is an unusable policy (exit 2), not a failed verification. */
function checkKey(pem: string, path: string): void {
  try {
    createPublicKey(pem)
  } catch (e) {
    throw new QprovError('POLICY_INVALID', `--key ${path} is not a public key: ${oneLine(e)}`)
  }
}

function signerPolicy(o: VerifyBundleOpts, key: string | undefined): SignerPolicy {
  const identityGiven =
    o.certificateIdentity !== undefined ||
    o.certificateIdentityRegexp !== undefined ||
    o.certificateOidcIssuer !== undefined
  if (key !== undefined) {
    if (identityGiven)
      throw new QprovError('USAGE', '--key cannot be combined with certificate identity options')
    return { kind: 'key', publicKeyPem: key }
  }
  if ((o.certificateIdentity === undefined) === (o.certificateIdentityRegexp === undefined))
    throw new QprovError(
      'USAGE',
      'give --key, or exactly one of --certificate-identity / --certificate-identity-regexp'
    )
  if (o.certificateOidcIssuer === undefined)
    throw new QprovError(
      'USAGE',
      '--certificate-oidc-issuer is required with a certificate identity'
    )
  for (const [flag, v] of [
    ['--certificate-oidc-issuer', o.certificateOidcIssuer],
    ['--source-repository', o.sourceRepository],
    ['--build-config-uri', o.buildConfigUri],
    ['--build-signer-uri', o.buildSignerUri]
  ] as const)
    if (v !== undefined) refuseUrlCredentials(v, flag)
  const p: IdentityPolicy = {
    identity: o.certificateIdentity,
    identityRegExp: o.certificateIdentityRegexp,
    issuer: o.certificateOidcIssuer,
    sourceRepository: o.sourceRepository,
    sourceRef: o.sourceRef,
    sourceDigest: o.sourceDigest,
    buildConfigUri: o.buildConfigUri,
    buildSignerUri: o.buildSignerUri,
    denySelfHosted: o.denySelfHosted
  }
  checkPolicyShape(p)
  return { kind: 'identity', ...p }
}

/** The report without the (possibly large) predicate: enough to audit what was checked. */
function report(r: VerifyBundleResult): Record<string, unknown> {
  const { statement, ...rest } = r
  return statement === undefined
    ? rest
    : {
        ...rest,
        statement: { predicateType: statement.predicateType, subjects: statement.subject }
      }
}

export function registerVerifyBundleCommand(program: Command): void {
  const cmd = program
    .command('verify-bundle')
    .description(
      'Verify a Sigstore bundle offline against a pinned trusted root (the sigstore-conformance\n' +
        'client interface). Exit 0 only when the signature, certificate chain, timestamps,\n' +
        'transparency log entry, signer policy and (for DSSE) the in-toto statement all check out.'
    )
    .argument(
      '<artifact>',
      'the signed file, or its digest as sha256:<hex> (for DSSE: a statement subject)'
    )
    .requiredOption('--bundle <file>', 'Sigstore bundle JSON (.sigstore.json)')
    .option(
      '--trusted-root <file>',
      'trusted_root.json, one root or JSON lines (default: embedded public-good root)'
    )
    .option('--certificate-identity <san>', 'exact signer identity (certificate SAN)')
    .option(
      '--certificate-identity-regexp <re>',
      'regexp the whole SAN must match (always anchored)'
    )
    .option(
      '--certificate-oidc-issuer <url>',
      'exact OIDC issuer, e.g. https://token.actions.githubusercontent.com'
    )
    .option(
      '--key <pem-file>',
      'verify a managed-key bundle with this PEM public key instead of an identity'
    )
    .option('--source-repository <url>', 'required source repository URI (Fulcio OID .12)')
    .option('--source-ref <ref>', 'required source ref, e.g. refs/heads/main (OID .14)')
    .option('--source-digest <sha>', 'required source commit digest (OID .13)')
    .option('--build-config-uri <uri>', 'required workflow (build config URI, OID .18)')
    .option('--build-signer-uri <uri>', 'required build signer / reusable workflow URI (OID .9)')
    .option(
      '--deny-self-hosted',
      'require the runner environment to be exactly github-hosted (OID .11); a missing claim fails'
    )
    .option(
      '--predicate-type <uri>',
      'DSSE only: required in-toto predicateType; always pin it for qprov statements ' +
        '(https://invariantsystems.io/predicates/aiir/commit_receipt/v2)'
    )
  addProfileOptions(cmd).option('--json', 'print the verification report as JSON')
  actionReturningStatus(cmd, async (artifactArg: string, o: VerifyBundleOpts) => {
    const profile = profileFromFlags(o)
    const key =
      o.key === undefined ? undefined : readBoundedSync(o.key, READ_LIMITS.key).toString('utf8')
    const policy = signerPolicy(o, key)
    if (key !== undefined) checkKey(key, o.key as string)
    const trustedRoot =
      o.trustedRoot === undefined
        ? undefined
        : readBoundedSync(o.trustedRoot, READ_LIMITS.trustedRoot)
    const bundle = readBoundedSync(o.bundle, READ_LIMITS.bundle)
    const artifact = readArtifact(artifactArg)
    const { verifyBundle } = await import('../../sigstore/verify-bundle.js')
    const result = verifyBundle({
      bundle,
      trustedRoot,
      artifact,
      policy,
      profile,
      expectedPredicateType: o.predicateType
    })
    if (o.json) printJson(report(result))
    else if (result.verified) {
      const who = result.signer?.identity ?? 'the given key'
      printOut(`verified: ${result.content} bundle signed by ${who}`)
      if (result.statementDigest) printOut(`statement digest: ${result.statementDigest}`)
    } else {
      for (const c of result.checks.filter(c => c.status === 'fail'))
        printErr(`  ✗ ${c.name}: ${c.detail}`)
      printErr(`qprov: NOT verified [${result.code}]: ${result.error}`)
    }
    return result.verified ? 0 : 1
  })
}
