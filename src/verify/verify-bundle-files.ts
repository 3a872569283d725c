import type { PreparedTrust } from '../sigstore/verify-bundle.js'
import type { TrustMaterial } from '@sigstore/verify'
import { certificateSigner } from '../sigstore/certificate-signer.js'
import { rekorEntryOf } from '../sigstore/rekor-entry.js'
import { sha256Digest } from '../proof/binding-document.js'
import { PROOF_FILES } from '../proof/layout.js'
import type { LoadedProofBundle } from '../proof/proof-bundle.js'
import { oneLine } from '../errors.js'
import { bindingConsistency, runtimeRecord, transparencyEntry } from './binding-checks.js'
import { completeContext, digestOf, type BundleContext } from './bundle-context.js'
import { statementContent } from './content-checks.js'
import type { CheckOptions } from './options.js'
import { fail, mismatch, notRun, pass, skip } from './outcome.js'
import type { FindingFacts } from './outcome-text.js'
import { aiPolicyCheck, commitConsistency, receiptIntegrity } from './receipt-checks.js'
import { checkSignedBundle } from './signature-checks.js'
import {
  hasResultsLayer,
  readResultsLayer,
  resultsContent,
  resultsSignature
} from './results-checks.js'
import {
  CHECK_NAMES,
  CHECK_RULES,
  type BundleVerdict,
  type CheckName,
  type CheckResult,
  type FindingKind,
  type Outcome,
  type VerdictFacts
} from './verdict.js'
import { workloadClosure } from './closure-check.js'
import { workloadFiles } from './workload-check.js'

const ZERO_DIGEST = `sha256:${'0'.repeat(64)}`

/** `signer-identity`: both signers satisfy the policy, and they are the same signer. */
export function signerIdentity(ctx: BundleContext): Outcome {
  for (const o of [ctx.stmt.identity, ctx.bind.identity]) if (o?.status === 'fail') return o
  if (ctx.stmt.identity?.status !== 'pass') return notRun('statement-signature')
  if (ctx.bind.identity?.status !== 'pass') return notRun('binding-signature')
  try {
    const a = certificateSigner(ctx.stmt.json)
    const b = certificateSigner(ctx.bind.json)
    const differ = [
      a.identity !== b.identity && mismatch('binding signer identity', a.identity, b.identity),
      a.issuer !== b.issuer && mismatch('binding signer issuer', a.issuer, b.issuer)
    ].filter(m => m !== false)
    if (differ.length > 0) return fail('signers-differ', { mismatches: differ })
    return pass(`${a.identity} (${a.issuer}) signed both statements`)
  } catch (e) {
    return fail('certificate-unreadable', { note: oneLine(e) })
  }
}

/** Whether a check's outcome lets the verdict be ok: a pass, or a skip its rule allows. */
export function allowed(check: CheckResult): boolean {
  if (check.status === 'pass') return true
  if (check.status !== 'skip') return false
  const rule: readonly string[] = CHECK_RULES[check.name].optionalWhen
  return rule.includes(check.reason)
}

/**
 * ok only if every named check is listed exactly once, in order, and passed or was skipped for
 * a reason its rule allows: an empty or partial list (say, from a worker) is not a pass. Reads
 * names, statuses and skip reasons only, never the sentences.
 */
export function decide(verdict: BundleVerdict): BundleVerdict {
  const c = verdict.checks
  verdict.ok =
    c.length === CHECK_NAMES.length &&
    CHECK_NAMES.every((name, i) => c[i].name === name && allowed(c[i]))
  return verdict
}

export function factsOf(ctx: BundleContext): VerdictFacts {
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
    facts.rekor = !t
      ? null
      : 'uuid' in t
        ? { logIndex: String(t.log_index), uuid: t.uuid }
        : { logIndex: String(t.log_index), logId: t.log_id, baseUrl: t.base_url }
    facts.bindingRekor = bindingEntry(ctx.bind.json)
  }
  if (ctx.stmt.payload) facts.statementDigest = sha256Digest(ctx.stmt.payload)
  if (ctx.stmt.signer?.identity) facts.signerIdentity = ctx.stmt.signer.identity
  if (ctx.stmt.signer?.issuer) facts.signerIssuer = ctx.stmt.signer.issuer
  return facts
}

/** The binding's own Rekor entry, read from its verified Sigstore bundle. */
function bindingEntry(bundle: unknown): VerdictFacts['bindingRekor'] {
  try {
    const e = rekorEntryOf(bundle)
    if (e === undefined) return null
    return e.apiVersion === 1
      ? { logIndex: e.logIndex, uuid: e.uuid }
      : { logIndex: e.logIndex, logId: e.logId }
  } catch {
    return undefined
  }
}

/** A verdict with every check failed for one reason (the bundle could not be verified at all). */
export function failedVerdict(
  bundle: string,
  finding: FindingKind,
  facts: FindingFacts = {}
): BundleVerdict {
  const outcome = fail(finding, facts)
  return {
    ok: false,
    bundle,
    jobId: null,
    checks: CHECK_NAMES.map(name => ({ name, ...outcome })),
    facts: {}
  }
}

/** Runs every check of one bundle; the record's type makes each named check have a function. */
function runChecks(ctx: BundleContext, trust: TrustMaterial): Record<CheckName, Outcome> {
  const resultsSig = resultsSignature(ctx)
  return {
    'statement-signature': ctx.stmt.signature,
    'binding-signature': ctx.bind.signature,
    'signer-identity': signerIdentity(ctx),
    'statement-content': statementContent(ctx),
    'receipt-integrity': receiptIntegrity(ctx),
    'commit-consistency': commitConsistency(ctx),
    'transparency-entry': transparencyEntry(ctx, trust),
    'binding-consistency': bindingConsistency(ctx),
    'runtime-record': runtimeRecord(ctx),
    'workload-files': workloadFiles(ctx),
    'workload-closure': workloadClosure(ctx),
    'ai-policy': aiPolicyCheck(ctx, ctx.opts.aiPolicy),
    'results-signature': resultsSig,
    'results-content': resultsContent(ctx, resultsSig),
    // Filled in by verifyProofBundles when --online is given.
    'online-runtime': skip('offline'),
    'results-online':
      ctx.results === undefined
        ? ctx.opts.requireResults
          ? fail('results-missing')
          : skip('no-results')
        : skip('offline')
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
    return failedVerdict(loaded.path, 'bundle-unreadable', { note: loaded.error })
  try {
    const files = loaded.files
    const sig = { trust, policy: opts.policy, ...(opts.profile ? { profile: opts.profile } : {}) }
    const stmt = checkSignedBundle(
      files[PROOF_FILES.statementBundle],
      PROOF_FILES.statementBundle,
      digestOf(files, PROOF_FILES.manifest) ?? ZERO_DIGEST,
      sig
    )
    const ctx = completeContext({
      files,
      ...(loaded.declaredJobId ? { declaredJobId: loaded.declaredJobId } : {}),
      ...(loaded.namedJobId ? { namedJobId: loaded.namedJobId } : {}),
      opts,
      stmt,
      // binding.sigstore.json is covered by no digest; its evidence must have the shape of the
      // statement bundle's, whose bytes binding.json lists (binding-consistency checks them).
      bind: checkSignedBundle(
        files[PROOF_FILES.bindingBundle],
        PROOF_FILES.bindingBundle,
        digestOf(files, PROOF_FILES.statement) ?? ZERO_DIGEST,
        sig,
        stmt.signature.status === 'pass' ? stmt.json : undefined
      )
    })
    if (stmt.signature.status === 'pass') ctx.results = readResultsLayer(files, sig, stmt.json)
    else if (hasResultsLayer(files))
      ctx.results = { sig: { signature: notRun('statement-signature') } }
    const results = runChecks(ctx, trust.material)
    verdict.checks = CHECK_NAMES.map(name => ({ name, ...results[name] }))
    verdict.facts = factsOf(ctx)
    const rp = ctx.results?.predicate
    if (results['results-content'].status === 'pass' && rp !== undefined)
      verdict.facts.results = {
        digest: rp.files['results.json'],
        fetchedAt: rp.fetched_at,
        calibration: rp.calibration.last_update_date
      }
    verdict.jobId = verdict.facts.jobId ?? null
  } catch (e) {
    // Fail closed: an exception anywhere is a failed bundle, never a pass.
    const outcome = fail('verification-error', { note: oneLine(e) })
    verdict.checks = CHECK_NAMES.map(name => ({ name, ...outcome }))
  }
  return decide(verdict)
}
