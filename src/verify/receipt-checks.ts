import { receiptFileBytes } from '../proof/binding-statement.js'
import { PROOF_FILES } from '../proof/layout.js'
import { oneLine } from '../errors.js'
import { classifyAiInvolvement } from '../receipt/ai-involvement.js'
import { parseJsonLiteral } from '../receipt/json-literal.js'
import { verifyReceipt } from '../receipt/verify.js'
import { decideAiPolicy, describeAiPolicy, type AiPolicyFindingKind } from './ai-policy.js'
import type { BundleContext } from './bundle-context.js'
import type { AiPolicy } from './options.js'
import { fail, mismatch, notRun, pass } from './outcome.js'
import type { FindingKind, Outcome } from './verdict.js'

/** The git null object ID names no commit: an issuer that sends it provides no digest. */
const NULL_OID = /^0{40}$|^0{64}$/

function signedReceipt(ctx: BundleContext): Record<string, unknown> | undefined {
  const p = ctx.statement?.predicate
  return p !== null && typeof p === 'object' && !Array.isArray(p)
    ? (p as Record<string, unknown>)
    : undefined
}

/** `receipt-integrity`: receipt.json verifies as AIIR and is exactly the signed predicate. */
export function receiptIntegrity(ctx: BundleContext): Outcome {
  const file = ctx.files[PROOF_FILES.receipt]
  if (file === undefined) return fail('file-missing', { subject: PROOF_FILES.receipt })
  let parsed: unknown
  try {
    parsed = parseJsonLiteral(file.toString('utf8'))
  } catch (e) {
    return fail('receipt-invalid', { note: `not JSON: ${oneLine(e)}` })
  }
  const v = verifyReceipt(parsed)
  if (!v.valid) return fail('receipt-invalid', { note: v.errors.join('; ') })
  if (ctx.stmt.payload === undefined) return notRun('statement-signature')
  let expected: Buffer
  try {
    expected = receiptFileBytes(ctx.stmt.payload)
  } catch (e) {
    return fail('statement-invalid', { subject: 'the workload statement', note: oneLine(e) })
  }
  if (!expected.equals(file)) return fail('receipt-differs')
  return pass(`receipt ${v.receipt_id} verifies and equals the signed predicate`)
}

/** `commit-consistency`: receipt commit = statement commit subject = certificate source digest. */
export function commitConsistency(ctx: BundleContext): Outcome {
  const receipt = signedReceipt(ctx)
  if (receipt === undefined || ctx.statement === undefined) return notRun('statement-signature')
  const sha = (receipt.commit as { sha?: unknown } | undefined)?.sha
  if (typeof sha !== 'string') return fail('commit-missing')
  const commits = ctx.statement.subject.filter(s => s.digest.gitCommit !== undefined)
  if (commits.length !== 1 || commits[0].digest.gitCommit !== sha)
    return fail('commit-mismatch', {
      mismatches: [
        mismatch(
          'the statement gitCommit subject',
          sha,
          commits.map(c => c.digest.gitCommit).join(', ') || null
        )
      ]
    })
  const certDigest = ctx.stmt.signer?.claims?.sourceRepositoryDigest
  if (ctx.stmt.signer === undefined) return notRun('statement-signature')
  if (certDigest !== undefined && !NULL_OID.test(certDigest) && certDigest !== sha)
    return fail('commit-mismatch', {
      mismatches: [mismatch('the certificate source repository digest', sha, certDigest)]
    })
  const via = certDigest !== undefined && !NULL_OID.test(certDigest) ? ' and certificate' : ''
  return pass(`commit ${sha} in receipt, statement${via}`)
}

/** The verdict's finding kind for the AI policy's first finding. */
const AI_FINDING: Record<AiPolicyFindingKind, FindingKind> = {
  'inconsistent-attestation': 'ai-attestation-invalid',
  'ai-involved': 'ai-involved',
  'unattributed-ai': 'ai-undeclared'
}

/** `ai-policy`: any (default), declared-only or no-ai, over the signed receipt (docs/ai-policy.md). */
export function aiPolicyCheck(ctx: BundleContext, policy: AiPolicy): Outcome {
  const receipt = signedReceipt(ctx)
  if (receipt === undefined) return notRun('statement-signature')
  const decision = decideAiPolicy(policy, classifyAiInvolvement(receipt))
  const first = decision.findings[0]
  if (decision.ok || first === undefined) return pass(describeAiPolicy(decision))
  return fail(AI_FINDING[first.kind], { sentence: describeAiPolicy(decision) })
}
