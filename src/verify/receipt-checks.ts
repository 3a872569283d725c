import { receiptFileBytes } from '../proof/binding-statement.js'
import { PROOF_FILES } from '../proof/layout.js'
import { oneLine } from '../errors.js'
import { classifyAiInvolvement } from '../receipt/ai-involvement.js'
import { parseJsonLiteral } from '../receipt/json-literal.js'
import { verifyReceipt } from '../receipt/verify.js'
import { decideAiPolicy, describeAiPolicy } from './ai-policy.js'
import { fail, pass, skip, type BundleContext } from './bundle-context.js'
import type { AiPolicy } from './options.js'
import type { Outcome } from './signature-checks.js'

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
  if (file === undefined) return fail(`${PROOF_FILES.receipt} is missing`)
  let parsed: unknown
  try {
    parsed = parseJsonLiteral(file.toString('utf8'))
  } catch (e) {
    return fail(`receipt.json is not JSON: ${oneLine(e)}`)
  }
  const v = verifyReceipt(parsed)
  if (!v.valid) return fail(`AIIR verification failed: ${v.errors.join('; ')}`)
  if (ctx.stmt.payload === undefined) return skip('not run: statement-signature failed')
  let expected: Buffer
  try {
    expected = receiptFileBytes(ctx.stmt.payload)
  } catch (e) {
    return fail(oneLine(e))
  }
  if (!expected.equals(file))
    return fail('receipt.json differs from the signed statement predicate')
  return pass(`receipt ${v.receipt_id} verifies and equals the signed predicate`)
}

/** `commit-consistency`: receipt commit = statement commit subject = certificate source digest. */
export function commitConsistency(ctx: BundleContext): Outcome {
  const receipt = signedReceipt(ctx)
  if (receipt === undefined || ctx.statement === undefined)
    return skip('not run: statement-signature failed')
  const sha = (receipt.commit as { sha?: unknown } | undefined)?.sha
  if (typeof sha !== 'string') return fail('the signed receipt has no commit.sha')
  const commits = ctx.statement.subject.filter(s => s.digest.gitCommit !== undefined)
  if (commits.length !== 1 || commits[0].digest.gitCommit !== sha)
    return fail(`the statement's commit subject is not the receipt commit ${sha}`)
  const certDigest = ctx.stmt.signer?.claims?.sourceRepositoryDigest
  if (ctx.stmt.signer === undefined) return skip('not run: signer-identity failed')
  if (certDigest !== undefined && !NULL_OID.test(certDigest) && certDigest !== sha)
    return fail(
      `the signing certificate's source digest ${certDigest} is not the receipt commit ${sha}`
    )
  const via = certDigest !== undefined && !NULL_OID.test(certDigest) ? ' and certificate' : ''
  return pass(`commit ${sha} in receipt, statement${via}`)
}

/** `ai-policy`: any (default), declared-only or no-ai, over the signed receipt (docs/ai-policy.md). */
export function aiPolicyCheck(ctx: BundleContext, policy: AiPolicy): Outcome {
  const receipt = signedReceipt(ctx)
  if (receipt === undefined) return skip('not run: statement-signature failed')
  const decision = decideAiPolicy(policy, classifyAiInvolvement(receipt))
  return decision.ok ? pass(describeAiPolicy(decision)) : fail(describeAiPolicy(decision))
}
