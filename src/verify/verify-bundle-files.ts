import type { PreparedTrust } from '../sigstore/verify-bundle.js'
import { certificateSigner } from '../sigstore/certificate-signer.js'
import { sha256Digest } from '../proof/binding-document.js'
import { PROOF_FILES } from '../proof/layout.js'
import type { LoadedProofBundle } from '../proof/proof-bundle.js'
import { oneLine } from '../errors.js'
import { bindingConsistency, runtimeRecord, transparencyEntry } from './binding-checks.js'
import {
  completeContext,
  digestOf,
  fail,
  pass,
  skip,
  type BundleContext
} from './bundle-context.js'
import { statementContent } from './content-checks.js'
import type { CheckOptions } from './options.js'
import { aiPolicyCheck, commitConsistency, receiptIntegrity } from './receipt-checks.js'
import { checkSignedBundle, type Outcome } from './signature-checks.js'
import { CHECK_NAMES, type BundleVerdict, type CheckName, type VerdictFacts } from './verdict.js'

/** Checks that may be skipped without failing the bundle, and only with this exact reason. */
export const OPTIONAL_SKIPS: Partial<Record<CheckName, string>> = {
  'workload-files': 'no --workload given',
  'online-runtime': 'offline (no --online)'
}

const ZERO_DIGEST = `sha256:${'0'.repeat(64)}`

function signerIdentity(ctx: BundleContext): Outcome {
  for (const o of [ctx.stmt.identity, ctx.bind.identity]) if (o.status === 'fail') return o
  if (ctx.stmt.identity.status !== 'pass' || ctx.bind.identity.status !== 'pass')
    return skip('not run: a signature did not verify')
  try {
    const a = certificateSigner(ctx.stmt.json)
    const b = certificateSigner(ctx.bind.json)
    if (a.identity !== b.identity || a.issuer !== b.issuer)
      return fail(`the statements have different signers: ${a.identity} and ${b.identity}`)
    return pass(`${a.identity} (${a.issuer}) signed both statements`)
  } catch (e) {
    return fail(oneLine(e))
  }
}

function workloadFiles(ctx: BundleContext): Outcome {
  const rehashed = ctx.opts.workloadManifest
  if (rehashed === undefined) return skip(OPTIONAL_SKIPS['workload-files'] as string)
  const file = ctx.files[PROOF_FILES.manifest]
  if (file === undefined) return fail(`${PROOF_FILES.manifest} is missing`)
  if (!Buffer.from(rehashed).equals(file))
    return fail(
      `the workload hashes to ${sha256Digest(rehashed)}, the manifest is ${sha256Digest(file)}`
    )
  return pass(`the workload re-hashes to ${sha256Digest(file)}`)
}

/**
 * ok only if every named check is listed exactly once, in order, and passed or was skipped for
 * the one reason that check allows: an empty or partial list (say, from a worker) is not a pass.
 */
export function decide(verdict: BundleVerdict): BundleVerdict {
  const c = verdict.checks
  verdict.ok =
    c.length === CHECK_NAMES.length &&
    CHECK_NAMES.every(
      (name, i) =>
        c[i]?.name === name &&
        (c[i].status === 'pass' || (c[i].status === 'skip' && OPTIONAL_SKIPS[name] === c[i].detail))
    )
  return verdict
}

function factsOf(ctx: BundleContext): VerdictFacts {
  const facts: VerdictFacts = {}
  const b = ctx.signedBinding
  if (ctx.bind.signature.status === 'pass' && b !== undefined) {
    facts.jobId = b.runtime.job_id
    if (b.runtime.session_id) facts.sessionId = b.runtime.session_id
    if (b.runtime.backend) facts.backend = b.runtime.backend
    if (b.runtime.program) facts.program = b.runtime.program
    facts.receiptId = b.provenance.receipt.receipt_id
    facts.commit = b.provenance.receipt.commit
    facts.packageDigest = b.provenance.workload_package
    facts.bindingDigest = digestOf(ctx.files, PROOF_FILES.binding)
    const t = b.provenance.transparency_entry
    if (t)
      facts.rekor =
        'uuid' in t
          ? { logIndex: String(t.log_index), uuid: t.uuid }
          : { logIndex: String(t.log_index), logId: t.log_id, baseUrl: t.base_url }
  }
  if (ctx.stmt.payload) facts.statementDigest = sha256Digest(ctx.stmt.payload)
  if (ctx.stmt.signer?.identity) facts.signerIdentity = ctx.stmt.signer.identity
  if (ctx.stmt.signer?.issuer) facts.signerIssuer = ctx.stmt.signer.issuer
  return facts
}

/** A verdict with every check failed for one reason (the bundle could not be verified at all). */
export function failedVerdict(bundle: string, detail: string): BundleVerdict {
  return {
    ok: false,
    bundle,
    jobId: null,
    checks: CHECK_NAMES.map(name => ({ name, status: 'fail', detail })),
    facts: {}
  }
}

/** Verifies one loaded proof bundle; never throws, never reads anything but its files. */
export function verifyBundleFiles(
  loaded: LoadedProofBundle,
  opts: CheckOptions,
  trust: PreparedTrust
): BundleVerdict {
  const verdict: BundleVerdict = {
    ok: false,
    bundle: loaded.path,
    jobId: null,
    checks: [],
    facts: {}
  }
  if (loaded.error !== undefined)
    return failedVerdict(loaded.path, `unreadable bundle: ${loaded.error}`)
  try {
    const files = loaded.files
    const sig = { trust, policy: opts.policy, ...(opts.profile ? { profile: opts.profile } : {}) }
    const ctx = completeContext({
      files,
      ...(loaded.declaredJobId ? { declaredJobId: loaded.declaredJobId } : {}),
      opts,
      stmt: checkSignedBundle(
        files[PROOF_FILES.statementBundle],
        PROOF_FILES.statementBundle,
        digestOf(files, PROOF_FILES.manifest) ?? ZERO_DIGEST,
        sig,
        true
      ),
      bind: checkSignedBundle(
        files[PROOF_FILES.bindingBundle],
        PROOF_FILES.bindingBundle,
        digestOf(files, PROOF_FILES.statement) ?? ZERO_DIGEST,
        sig,
        true
      )
    })
    const results: Record<CheckName, Outcome> = {
      'statement-signature': ctx.stmt.signature,
      'binding-signature': ctx.bind.signature,
      'signer-identity': signerIdentity(ctx),
      'statement-content': statementContent(ctx),
      'receipt-integrity': receiptIntegrity(ctx),
      'commit-consistency': commitConsistency(ctx),
      'transparency-entry': transparencyEntry(ctx, trust.material),
      'binding-consistency': bindingConsistency(ctx),
      'runtime-record': runtimeRecord(ctx),
      'workload-files': workloadFiles(ctx),
      'ai-policy': aiPolicyCheck(ctx, opts.aiPolicy),
      'online-runtime': skip(OPTIONAL_SKIPS['online-runtime'] as string)
    }
    verdict.checks = CHECK_NAMES.map(name => ({ name, ...results[name] }))
    verdict.facts = factsOf(ctx)
    verdict.jobId = verdict.facts.jobId ?? null
  } catch (e) {
    // Fail closed: an exception anywhere is a failed bundle, never a pass.
    verdict.checks = CHECK_NAMES.map(name => ({
      name,
      status: 'fail',
      detail: `verification error: ${oneLine(e)}`
    }))
  }
  return decide(verdict)
}
