import { classifyAiInvolvement } from '../../src/receipt/ai-involvement.js'
import { decideAiPolicy } from '../../src/verify/ai-policy.js'

/** A consistent `human` attestation, as both the reference and qprov write it. */
export const HUMAN = {
  is_ai_authored: false,
  signals_detected: [] as string[],
  signal_count: 0,
  is_bot_authored: false,
  bot_signals_detected: [] as string[],
  bot_signal_count: 0,
  authorship_class: 'human',
  detection_method: 'heuristic_v2'
}

/** HUMAN with fields replaced; a field given as `undefined` is removed. */
export function attestation(over: Record<string, unknown> = {}): Record<string, unknown> {
  const a: Record<string, unknown> = { ...HUMAN, ...over }
  for (const k of Object.keys(a)) if (a[k] === undefined) delete a[k]
  return a
}

/** A consistent AI attestation with these signals (class ai_assisted unless overridden). */
export function aiAttestation(signals: string[], over: Record<string, unknown> = {}) {
  return attestation({
    is_ai_authored: true,
    signals_detected: signals,
    signal_count: signals.length,
    authorship_class: 'ai_assisted',
    ...over
  })
}

/** A consistent bot-only attestation with these bot signals. */
export function botAttestation(signals: string[], over: Record<string, unknown> = {}) {
  return attestation({
    is_bot_authored: true,
    bot_signals_detected: signals,
    bot_signal_count: signals.length,
    authorship_class: 'bot',
    ...over
  })
}

export function receiptWith(
  ai_attestation: unknown,
  agent_attestation?: unknown
): Record<string, unknown> {
  return {
    type: 'aiir.commit_receipt',
    schema: 'aiir/commit_receipt.v2',
    ai_attestation,
    extensions: agent_attestation === undefined ? {} : { agent_attestation }
  }
}

export interface PolicyOutcomes {
  any: boolean
  'declared-only': boolean
  'no-ai': boolean
}

/** Whether each policy passes the receipt. */
export function outcomes(receipt: Record<string, unknown>): PolicyOutcomes {
  const inv = classifyAiInvolvement(receipt)
  return {
    any: decideAiPolicy('any', inv).ok,
    'declared-only': decideAiPolicy('declared-only', inv).ok,
    'no-ai': decideAiPolicy('no-ai', inv).ok
  }
}

/** pass pass pass, pass pass fail, pass fail fail: the three columns of docs/ai-policy.md. */
export const PASS_ALL: PolicyOutcomes = { any: true, 'declared-only': true, 'no-ai': true }
export const FAILS_NO_AI: PolicyOutcomes = { any: true, 'declared-only': true, 'no-ai': false }
export const ANY_ONLY: PolicyOutcomes = { any: true, 'declared-only': false, 'no-ai': false }
