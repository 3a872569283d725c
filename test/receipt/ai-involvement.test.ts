import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import {
  AI_AGENT_IDENTITIES,
  AI_TOOL_MARKERS,
  AUTOMATION_BOTS,
  detectAi
} from '../../src/receipt/ai-markers.js'
import { classifyAiInvolvement } from '../../src/receipt/ai-involvement.js'
import {
  AI_ATTESTATION_KEYS,
  IDENTITY_FIELDS,
  REFERENCE_AGENT_MARKERS,
  REFERENCE_BOT_MARKERS,
  REFERENCE_GENERIC_PHRASES,
  REFERENCE_TOOL_PHRASES,
  REFERENCE_TRAILER_KEYS
} from '../../src/receipt/aiir-vocabulary.js'
import { AUTHORSHIP_CLASSES } from '../../src/receipt/receipt-schema.js'
import { attestation, outcomes, receiptWith } from '../helpers/ai-attestation.js'
import { runs } from '../helpers/property.js'

const identity = (markers: readonly string[]) =>
  fc
    .tuple(fc.constantFrom(...IDENTITY_FIELDS), fc.constantFrom(...markers))
    .map(([field, marker]) => `${field}_bot:${marker}`)

/** An AI signal as the reference writes it, and whether it names its tool. */
const referenceAiSignal = fc.oneof(
  fc
    .constantFrom(...REFERENCE_TOOL_PHRASES)
    .map(p => ({ signal: `message_match:${p}`, named: true })),
  fc
    .constantFrom(...REFERENCE_GENERIC_PHRASES)
    .map(p => ({ signal: `message_match:${p}`, named: false })),
  fc.constantFrom(...REFERENCE_TRAILER_KEYS).map(k => ({ signal: `trailer:${k}`, named: true })),
  identity(REFERENCE_AGENT_MARKERS).map(signal => ({ signal, named: true }))
)

describe('classifying AI involvement', () => {
  it('the schema accepts exactly the spellings the classifier reads', () => {
    expect(AUTHORSHIP_CLASSES).toEqual([
      'ai+bot',
      'ai-assisted',
      'ai-generated',
      'ai_assisted',
      'ai_generated',
      'bot',
      'bot-generated',
      'human'
    ])
    expect([...AI_ATTESTATION_KEYS].sort()).toEqual([
      'authorship_class',
      'bot_signal_count',
      'bot_signals_detected',
      'detection_method',
      'is_ai_authored',
      'is_bot_authored',
      'signal_count',
      'signals_detected'
    ])
  })

  it('judges every attestation the reference can write by the definition (property)', () => {
    fc.assert(
      fc.property(
        fc.array(referenceAiSignal, { maxLength: 6 }),
        fc.array(identity(REFERENCE_BOT_MARKERS), { maxLength: 4 }),
        fc.boolean(),
        (ai, bot, legacy) => {
          const isAi = ai.length > 0
          const isBot = bot.length > 0
          const cls = isAi
            ? isBot
              ? 'ai+bot'
              : legacy
                ? 'ai-assisted'
                : 'ai_assisted'
            : isBot
              ? legacy
                ? 'bot-generated'
                : 'bot'
              : 'human'
          const r = receiptWith({
            is_ai_authored: isAi,
            signals_detected: ai.map(s => s.signal),
            signal_count: ai.length,
            is_bot_authored: isBot,
            bot_signals_detected: bot,
            bot_signal_count: bot.length,
            authorship_class: cls,
            detection_method: 'heuristic_v2'
          })
          const inv = classifyAiInvolvement(r)
          expect(inv.inconsistencies).toEqual([])
          expect(inv.kind).toBe(isAi ? 'ai' : isBot ? 'bot-only' : 'none')
          expect(outcomes(r)).toEqual({
            any: true,
            'declared-only': ai.every(s => s.named),
            'no-ai': !isAi
          })
        }
      ),
      runs()
    )
  })

  it("reads every attestation qprov's own generator writes as consistent and attributed (property)", () => {
    const trailer = fc.oneof(
      fc.constantFrom(...AI_TOOL_MARKERS).map(t => `Co-authored-by: ${t} <x@example.com>`),
      fc.constantFrom(
        'AI-Assisted: yes',
        'AI-Assisted: no',
        'Assisted-by: Gemini',
        'AI-Model: gpt-5'
      ),
      fc.constantFrom('Generated-by: Codex', 'AI-Tool: cursor', 'Signed-off-by: Bob <b@x>')
    )
    const name = fc.constantFrom('Alice', ...AI_AGENT_IDENTITIES, ...AUTOMATION_BOTS)
    fc.assert(
      fc.property(
        fc.array(trailer, { maxLength: 4 }),
        fc.tuple(name, name, name, name),
        fc.array(fc.constantFrom('copilot', 'Claude Code', ' ', 'My Tool'), { maxLength: 2 }),
        (lines, [an, ae, cn, ce], declared) => {
          const a = detectAi(
            {
              message: `subject\n\nbody\n\n${lines.join('\n')}`,
              authorName: an,
              authorEmail: ae,
              committerName: cn,
              committerEmail: ce
            },
            declared
          )
          const r = receiptWith(a)
          const inv = classifyAiInvolvement(r)
          expect(inv.inconsistencies).toEqual([])
          expect(inv.unattributed).toEqual([])
          expect(inv.kind).toBe(a.is_ai_authored ? 'ai' : a.is_bot_authored ? 'bot-only' : 'none')
          expect(outcomes(r)).toEqual({
            any: true,
            'declared-only': true,
            'no-ai': !a.is_ai_authored
          })
        }
      ),
      runs()
    )
  })

  it('never throws, and any always passes, whatever the receipt holds (property)', () => {
    fc.assert(
      fc.property(fc.anything(), fc.anything(), fc.anything(), (att, agent, ext) => {
        for (const r of [receiptWith(att, agent), { ai_attestation: att, extensions: ext }])
          expect(outcomes(r).any).toBe(true)
      }),
      runs()
    )
  })

  it('fails no-ai whenever signals_detected is a non-empty list, whatever else is there (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { minLength: 1 }),
        fc.dictionary(fc.string(), fc.jsonValue()),
        (signals, rest) => {
          expect(outcomes(receiptWith({ ...rest, signals_detected: signals }))['no-ai']).toBe(false)
        }
      ),
      runs()
    )
  })

  it('fails no-ai and declared-only for any key outside the eight AIIR fields (property)', () => {
    fc.assert(
      fc.property(
        fc.string().filter(k => !AI_ATTESTATION_KEYS.has(k)),
        fc.jsonValue(),
        (key, value) => {
          const r = receiptWith({ ...attestation(), [key]: value })
          expect(outcomes(r)).toEqual({ any: true, 'declared-only': false, 'no-ai': false })
        }
      ),
      runs()
    )
  })
})
