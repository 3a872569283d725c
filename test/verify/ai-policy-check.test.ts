import { readdirSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { classifyAiInvolvement } from '../../src/receipt/ai-involvement.js'
import type { BundleContext } from '../../src/verify/bundle-context.js'
import type { AiPolicy } from '../../src/verify/options.js'
import { decideAiPolicy, describeAiPolicy } from '../../src/verify/ai-policy.js'
import { aiPolicyCheck } from '../../src/verify/receipt-checks.js'
import {
  aiAttestation,
  ANY_ONLY,
  attestation,
  botAttestation,
  FAILS_NO_AI,
  outcomes,
  PASS_ALL,
  receiptWith,
  type PolicyOutcomes
} from '../helpers/ai-attestation.js'
import { describeShared, sharedPath } from '../helpers/shared.js'

/** The check as verify runs it: over the predicate of the verified workload statement. */
function signedContext(predicate: unknown): BundleContext {
  return {
    statement: {
      _type: 'https://in-toto.io/Statement/v1',
      subject: [],
      predicateType: 'https://invariantsystems.io/predicates/aiir/commit_receipt/v2',
      predicate
    }
  } as unknown as BundleContext
}

const POLICIES: AiPolicy[] = ['any', 'declared-only', 'no-ai']

function statuses(receipt: Record<string, unknown>): PolicyOutcomes {
  const [any, declared, noAi] = POLICIES.map(p => aiPolicyCheck(signedContext(receipt), p).status)
  return { any: any === 'pass', 'declared-only': declared === 'pass', 'no-ai': noAi === 'pass' }
}

describe('the ai-policy check', () => {
  it('row 33: without a signed receipt it does not run', () => {
    for (const p of POLICIES) {
      expect(aiPolicyCheck({} as BundleContext, p)).toMatchObject({
        status: 'skip',
        reason: 'prerequisite-failed',
        prerequisite: 'statement-signature'
      })
      for (const predicate of [null, [], 'receipt'])
        expect(aiPolicyCheck(signedContext(predicate), p).status).toBe('skip')
    }
  })

  // Each of these passed no-ai or declared-only wrongly, or failed declared-only wrongly, before
  // the check read the whole attestation.
  it.each<[string, Record<string, unknown>, PolicyOutcomes]>([
    [
      'signals under class human',
      receiptWith(
        attestation({ signals_detected: ['message_match:claude code'], signal_count: 1 })
      ),
      ANY_ONLY
    ],
    [
      'the legacy class ai-generated with the flag false',
      receiptWith(
        aiAttestation(['trailer:tool'], { authorship_class: 'ai-generated', is_ai_authored: false })
      ),
      ANY_ONLY
    ],
    ['an unknown class', receiptWith(attestation({ authorship_class: 'AI' })), ANY_ONLY],
    [
      'a flag that is not a boolean',
      receiptWith(attestation({ is_ai_authored: 'true' })),
      ANY_ONLY
    ],
    [
      'a signal_count that disagrees with signals_detected',
      receiptWith(attestation({ signal_count: 1 })),
      ANY_ONLY
    ],
    [
      "an agent attestation on a 'human' commit",
      receiptWith(attestation(), { tool_id: 'claude-code', confidence: 'declared' }),
      FAILS_NO_AI
    ],
    [
      "the reference's message phrase naming Claude Code",
      receiptWith(aiAttestation(['message_match:claude code'])),
      FAILS_NO_AI
    ],
    [
      "the reference's trailer signal",
      receiptWith(aiAttestation(['trailer:generated-by'])),
      FAILS_NO_AI
    ],
    [
      "an AI agent's identity",
      receiptWith(aiAttestation(['author_email_bot:copilot'])),
      FAILS_NO_AI
    ],
    ['a bot-only commit', receiptWith(botAttestation(['author_name_bot:dependabot'])), PASS_ALL]
  ])('judges %s from the signed receipt', (_, receipt, expected) => {
    expect(statuses(receipt)).toEqual(expected)
    expect(outcomes(receipt)).toEqual(expected)
  })

  it('renders its detail from the typed decision', () => {
    const detail = (p: AiPolicy, r: Record<string, unknown>) =>
      aiPolicyCheck(signedContext(r), p).detail
    expect(detail('any', receiptWith(attestation()))).toBe('any: no AI involvement recorded')
    expect(detail('no-ai', receiptWith(botAttestation(['author_name_bot:renovate'])))).toBe(
      'no-ai: automation only, no AI involvement recorded'
    )
    expect(detail('no-ai', receiptWith(aiAttestation(['message_match:claude code'])))).toBe(
      'no-ai: the receipt records AI involvement (named by message_match:claude code)'
    )
    expect(detail('declared-only', receiptWith(aiAttestation(['declared:copilot'])))).toBe(
      'declared-only: AI involvement (named by declared:copilot)'
    )
    expect(
      detail('declared-only', receiptWith(aiAttestation(['message_match:ai-generated'])))
    ).toBe(
      'declared-only: message_match:ai-generated names no AI tool and no tool is declared for the commit'
    )
    expect(
      detail('any', receiptWith(aiAttestation(['trailer:tool', 'message_match:ai-generated'])))
    ).toBe(
      'any: AI involvement (named by trailer:tool; naming no tool: message_match:ai-generated)'
    )
    expect(
      detail('declared-only', receiptWith(aiAttestation(['trailer:tool'], { signal_count: 2 })))
    ).toBe(
      'declared-only: ai_attestation.signal_count: count disagrees with its list (expected 1 = len(signals_detected), got 2)'
    )
    expect(
      detail(
        'no-ai',
        receiptWith(attestation({ signals_detected: ['trailer:tool'], signal_count: 1 }))
      )
    ).toBe(
      'no-ai: ai_attestation.is_ai_authored: flag contradicts the signals (expected true, got false) (2 more findings)'
    )
    expect(detail('no-ai', receiptWith(attestation({ authorship_class: 'x' })))).toBe(
      'no-ai: ai_attestation.authorship_class: unknown authorship class (expected an AIIR class, got "x")'
    )
    expect(detail('no-ai', receiptWith(attestation({ authorship_class: 'x', extra: 1 })))).toBe(
      'no-ai: ai_attestation.extra: not an AIIR field (expected absent, got 1) (1 more finding)'
    )
  })

  it('names each kind of inconsistency in words', () => {
    const first = (r: Record<string, unknown>) =>
      describeAiPolicy(decideAiPolicy('no-ai', classifyAiInvolvement(r)))
    expect(first(receiptWith(undefined))).toBe(
      'no-ai: ai_attestation: missing (expected an object, got absent)'
    )
    expect(first(receiptWith(attestation({ is_bot_authored: 1 })))).toBe(
      'no-ai: ai_attestation.is_bot_authored: wrong type (expected a boolean, got 1)'
    )
    expect(first(receiptWith(attestation({ authorship_class: 'bot' })))).toBe(
      'no-ai: ai_attestation.authorship_class: class contradicts the signals (expected human, got "bot")'
    )
    expect(first(receiptWith(aiAttestation(['x'])))).toBe(
      'no-ai: ai_attestation.signals_detected[0]: unknown signal form (expected a known signal form, got "x") (1 more finding)'
    )
    expect(first(receiptWith(botAttestation(['author_name_bot:copilot'])))).toBe(
      'no-ai: ai_attestation.bot_signals_detected[0]: AI agent recorded as an automation bot (expected an automation bot marker, got "author_name_bot:copilot")'
    )
    expect(first(receiptWith(attestation({ signals_detected: 'x' })))).toBe(
      'no-ai: ai_attestation.signals_detected: wrong type (expected a list of strings, got "x")'
    )
  })

  it('lists at most five names and shortens long values', () => {
    const signals = [
      'tool',
      'copilot',
      'ai-model',
      'ai-tool',
      'assisted-by',
      'generated-by',
      'ai-assisted'
    ]
    const r = receiptWith(aiAttestation(signals.map(s => `trailer:${s}`)))
    expect(aiPolicyCheck(signedContext(r), 'any').detail).toBe(
      'any: AI involvement (named by trailer:tool, trailer:copilot, trailer:ai-model, trailer:ai-tool, trailer:assisted-by and 2 more)'
    )
    const long = 'y'.repeat(100)
    expect(
      aiPolicyCheck(signedContext(receiptWith(attestation({ authorship_class: long }))), 'no-ai')
        .detail
    ).toBe(
      `no-ai: ai_attestation.authorship_class: unknown authorship class (expected an AIIR class, got "${'y'.repeat(56)}...)`
    )
  })
})

/** What each real receipt of the AIIR reference tool must get, by commit. */
const REFERENCE_RECEIPTS: Record<string, [string, PolicyOutcomes]> = {
  // signed-v1 (aiir 1.0.6–1.0.8): six human commits and one "ai-generated" (legacy class ai-assisted)
  '25efd95ac696': ['none', PASS_ALL],
  '304b4b8f36f2': ['none', PASS_ALL],
  '472fe23e9273': ['none', PASS_ALL],
  '6fd76a436a58': ['ai', ANY_ONLY],
  cf8033cdafb5: ['none', PASS_ALL],
  df664af8996b: ['none', PASS_ALL],
  eb1843825328: ['none', PASS_ALL],
  // unsigned-v2 (aiir 1.2.5): dependabot, a merge, and "claude code"
  '0136dd109a8f': ['bot-only', PASS_ALL],
  '465ac8b33e96': ['none', PASS_ALL],
  cab48e179671: ['ai', FAILS_NO_AI]
}

describeShared(
  'the AI policy over the AIIR reference tool’s own receipts',
  () => {
    const files = ['signed-v1', 'unsigned-v2'].flatMap(d =>
      readdirSync(sharedPath(`vectors/aiir/receipts/${d}`))
        .filter(f => f.endsWith('.json'))
        .map(f => `vectors/aiir/receipts/${d}/${f}`)
    )

    it('has every receipt in the table', () => {
      expect(files.map(f => /receipt_([0-9a-f]{12})_/.exec(f)![1]).sort()).toEqual(
        Object.keys(REFERENCE_RECEIPTS).sort()
      )
    })

    it.each(files)('judges %s as expected', file => {
      const receipt = JSON.parse(readFileSync(sharedPath(file), 'utf8')) as Record<string, unknown>
      const [kind, expected] = REFERENCE_RECEIPTS[/receipt_([0-9a-f]{12})_/.exec(file)![1]]
      expect(classifyAiInvolvement(receipt).inconsistencies).toEqual([])
      expect(classifyAiInvolvement(receipt).kind).toBe(kind)
      expect(statuses(receipt)).toEqual(expected)
    })
  },
  ['aiir']
)
