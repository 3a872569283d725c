import type { AiInvolvement, Inconsistency, InconsistencyKind } from '../receipt/ai-involvement.js'
import type { AiPolicy } from './options.js'

/**
 * The `ai-policy` decision over what the receipt says (src/receipt/ai-involvement.ts). `any`
 * accepts everything; `no-ai` and `declared-only` fail on anything unknown or inconsistent, then
 * on AI involvement (`no-ai`) or on AI involvement that names no tool (`declared-only`).
 */

export type AiPolicyFindingKind = 'inconsistent-attestation' | 'ai-involved' | 'unattributed-ai'

export type AiPolicyFinding =
  | { kind: 'inconsistent-attestation'; inconsistency: Inconsistency }
  | { kind: 'ai-involved' }
  | { kind: 'unattributed-ai'; signal: string }

export interface AiPolicyDecision {
  policy: AiPolicy
  /** True exactly when there are no findings. */
  ok: boolean
  findings: AiPolicyFinding[]
  involvement: AiInvolvement
}

export function decideAiPolicy(policy: AiPolicy, involvement: AiInvolvement): AiPolicyDecision {
  const findings: AiPolicyFinding[] = []
  if (policy !== 'any')
    for (const inconsistency of involvement.inconsistencies)
      findings.push({ kind: 'inconsistent-attestation', inconsistency })
  if (policy === 'no-ai' && involvement.kind === 'ai') findings.push({ kind: 'ai-involved' })
  // `--declare-ai` or an agent attestation names the tool for the whole commit.
  const declaredForCommit = involvement.attributions.some(a => a.commitWide)
  if (policy === 'declared-only' && !declaredForCommit)
    for (const signal of involvement.unattributed)
      findings.push({ kind: 'unattributed-ai', signal })
  return { policy, ok: findings.length === 0, findings, involvement }
}

const INCONSISTENCY_TEXT: Record<InconsistencyKind, string> = {
  missing: 'missing',
  'wrong-type': 'wrong type',
  'unknown-field': 'not an AIIR field',
  'count-mismatch': 'count disagrees with its list',
  'flag-contradicts-signals': 'flag contradicts the signals',
  'unknown-class': 'unknown authorship class',
  'class-contradicts-signals': 'class contradicts the signals',
  'unknown-signal': 'unknown signal form',
  'ai-agent-as-bot': 'AI agent recorded as an automation bot'
}

const MAX_LISTED = 5

function listed(items: string[]): string {
  const more = items.length - MAX_LISTED
  return items.slice(0, MAX_LISTED).join(', ') + (more > 0 ? ` and ${more} more` : '')
}

function summary(inv: AiInvolvement): string {
  if (inv.kind === 'none') return 'no AI involvement recorded'
  if (inv.kind === 'bot-only') return 'automation only, no AI involvement recorded'
  const named = inv.attributions.map(a => a.evidence)
  const parts = [
    ...(named.length > 0 ? [`named by ${listed(named)}`] : []),
    ...(inv.unattributed.length > 0 ? [`naming no tool: ${listed(inv.unattributed)}`] : [])
  ]
  return `AI involvement${parts.length > 0 ? ` (${parts.join('; ')})` : ''}`
}

function findingText(f: AiPolicyFinding, inv: AiInvolvement): string {
  if (f.kind === 'ai-involved') return `the receipt records ${summary(inv)}`
  if (f.kind === 'unattributed-ai')
    return `${f.signal} names no AI tool and no tool is declared for the commit`
  const { kind, field, expected, actual } = f.inconsistency
  return `${field}: ${INCONSISTENCY_TEXT[kind]} (expected ${expected}, got ${actual})`
}

/** One line for people, rendered from the decision; no decision reads it back. */
export function describeAiPolicy(d: AiPolicyDecision): string {
  const [first, ...rest] = d.findings
  if (first === undefined) return `${d.policy}: ${summary(d.involvement)}`
  const more = rest.length > 0 ? ` (${rest.length} more finding${rest.length > 1 ? 's' : ''})` : ''
  return `${d.policy}: ${findingText(first, d.involvement)}${more}`
}
