import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { classifyAiInvolvement, type AiInvolvement } from '../../src/receipt/ai-involvement.js'
import {
  AUTHORSHIP_CLASS_SPELLINGS,
  REFERENCE_GENERIC_PHRASES,
  REFERENCE_TOOL_PHRASES
} from '../../src/receipt/aiir-vocabulary.js'
import { aiPolicyFindingNote, decideAiPolicy } from '../../src/verify/ai-policy.js'
import {
  aiAttestation,
  ANY_ONLY,
  attestation,
  botAttestation,
  FAILS_NO_AI,
  outcomes,
  PASS_ALL,
  receiptWith
} from '../helpers/ai-attestation.js'
import { runs } from '../helpers/property.js'

/**
 * One test per row of docs/ai-policy.md, named after the row: the receipt's reading and what
 * `any`, `declared-only` and `no-ai` decide.
 */

const of = (att: unknown, agent?: unknown) => receiptWith(att, agent)
const kinds = (r: Record<string, unknown>) =>
  classifyAiInvolvement(r).inconsistencies.map(i => `${i.kind} ${i.field}`)

describe('the AI policy, row by row (docs/ai-policy.md)', () => {
  it('row 1: ai_attestation absent or not an object is unknown', () => {
    for (const v of [undefined, null, [], 'human', 0, true]) {
      const r = of(v)
      expect(outcomes(r), JSON.stringify(v)).toEqual(ANY_ONLY)
      expect(classifyAiInvolvement(r)).toEqual({
        kind: 'none',
        attributions: [],
        unattributed: [],
        inconsistencies: [
          {
            kind: v === undefined ? 'missing' : 'wrong-type',
            field: 'ai_attestation',
            expected: 'an object',
            actual: v === undefined ? 'absent' : JSON.stringify(v)
          }
        ]
      })
    }
  })

  it('row 2: a key other than the eight AIIR fields is unknown', () => {
    for (const key of ['ai_percentage', 'is_agent_authored', 'model', '__proto__', 'constructor']) {
      const r = of(attestation({ [key]: 80 }))
      expect(outcomes(r), key).toEqual(ANY_ONLY)
      expect(classifyAiInvolvement(r).inconsistencies).toEqual([
        { kind: 'unknown-field', field: `ai_attestation.${key}`, expected: 'absent', actual: '80' }
      ])
    }
  })

  it('row 3: detection_method missing or not a string is inconsistent; any string is accepted', () => {
    expect(kinds(of(attestation({ detection_method: undefined })))).toEqual([
      'missing ai_attestation.detection_method'
    ])
    expect(kinds(of(attestation({ detection_method: 2 })))).toEqual([
      'wrong-type ai_attestation.detection_method'
    ])
    expect(
      classifyAiInvolvement(of(attestation({ detection_method: null }))).inconsistencies
    ).toEqual([
      {
        kind: 'wrong-type',
        field: 'ai_attestation.detection_method',
        expected: 'a string',
        actual: 'null'
      }
    ])
    expect(outcomes(of(attestation({ detection_method: undefined })))).toEqual(ANY_ONLY)
    expect(outcomes(of(attestation({ detection_method: null })))).toEqual(ANY_ONLY)
    for (const m of ['heuristic_v1', 'heuristic_v2', 'qprov_markers_v1', 'someone_else_v7', ''])
      expect(outcomes(of(attestation({ detection_method: m }))), m).toEqual(PASS_ALL)
  })

  it('row 4: is_ai_authored true with AI signals is AI involvement', () => {
    const r = of(aiAttestation(['trailer:generated-by']))
    expect(classifyAiInvolvement(r).kind).toBe('ai')
    expect(outcomes(r)).toEqual(FAILS_NO_AI)
    expect(outcomes(of(aiAttestation(['message_match:llm-generated'])))).toEqual(ANY_ONLY)
  })

  it('row 5: is_ai_authored false with no AI signals records no AI', () => {
    const r = of(attestation())
    expect(classifyAiInvolvement(r)).toEqual({
      kind: 'none',
      attributions: [],
      unattributed: [],
      inconsistencies: []
    })
    expect(outcomes(r)).toEqual(PASS_ALL)
  })

  it('row 6: is_ai_authored missing or not a boolean is inconsistent', () => {
    expect(kinds(of(attestation({ is_ai_authored: undefined })))).toEqual([
      'missing ai_attestation.is_ai_authored'
    ])
    for (const v of ['true', 'false', 1, 0, null, []]) {
      const r = of(attestation({ is_ai_authored: v }))
      expect(kinds(r), JSON.stringify(v)).toEqual(['wrong-type ai_attestation.is_ai_authored'])
      expect(outcomes(r), JSON.stringify(v)).toEqual(ANY_ONLY)
    }
  })

  it('row 7: is_ai_authored that disagrees with signals_detected is inconsistent', () => {
    const trueWithNone = of(attestation({ is_ai_authored: true }))
    expect(classifyAiInvolvement(trueWithNone)).toEqual({
      kind: 'ai',
      attributions: [],
      unattributed: [],
      inconsistencies: [
        {
          kind: 'flag-contradicts-signals',
          field: 'ai_attestation.is_ai_authored',
          expected: 'false',
          actual: 'true'
        }
      ]
    })
    expect(outcomes(trueWithNone)).toEqual(ANY_ONLY)
    const falseWithSome = of(aiAttestation(['trailer:tool'], { is_ai_authored: false }))
    expect(classifyAiInvolvement(falseWithSome).inconsistencies).toEqual([
      {
        kind: 'flag-contradicts-signals',
        field: 'ai_attestation.is_ai_authored',
        expected: 'true',
        actual: 'false'
      }
    ])
    expect(classifyAiInvolvement(falseWithSome).kind).toBe('ai')
    expect(outcomes(falseWithSome)).toEqual(ANY_ONLY)
  })

  it('row 8: signals_detected missing, not an array or with a non-string is inconsistent', () => {
    expect(kinds(of(attestation({ signals_detected: undefined })))).toEqual([
      'missing ai_attestation.signals_detected'
    ])
    for (const v of ['message_match:claude code', { 0: 'x' }, [1], ['trailer:tool', null]]) {
      const r = of(attestation({ signals_detected: v, signal_count: 1 }))
      expect(kinds(r), JSON.stringify(v)).toEqual(['wrong-type ai_attestation.signals_detected'])
      expect(outcomes(r), JSON.stringify(v)).toEqual(ANY_ONLY)
    }
  })

  it('row 9: signal_count missing, not a non-negative integer or not the length is inconsistent', () => {
    expect(kinds(of(attestation({ signal_count: undefined })))).toEqual([
      'missing ai_attestation.signal_count'
    ])
    for (const v of [-1, 0.5, '0', null, 2 ** 53]) {
      const r = of(attestation({ signal_count: v }))
      expect(kinds(r), String(v)).toEqual(['wrong-type ai_attestation.signal_count'])
      expect(outcomes(r), String(v)).toEqual(ANY_ONLY)
    }
    expect(classifyAiInvolvement(of(attestation({ signal_count: -1 }))).inconsistencies).toEqual([
      {
        kind: 'wrong-type',
        field: 'ai_attestation.signal_count',
        expected: 'a non-negative integer',
        actual: '-1'
      }
    ])
    const r = of(aiAttestation(['message_match:claude code'], { signal_count: 2 }))
    expect(classifyAiInvolvement(r).inconsistencies).toEqual([
      {
        kind: 'count-mismatch',
        field: 'ai_attestation.signal_count',
        expected: '1 = len(signals_detected)',
        actual: '2'
      }
    ])
    expect(outcomes(r)).toEqual(ANY_ONLY)
    expect(outcomes(of(attestation({ signal_count: 1 })))).toEqual(ANY_ONLY)
  })

  it('row 10: a trailer:<key> signal is AI attributed to a trailer', () => {
    const keys = [
      'generated-by',
      'ai-assisted',
      'ai-model',
      'tool',
      'copilot',
      'assisted-by',
      'ai-tool'
    ]
    for (const key of keys) {
      const r = of(aiAttestation([`trailer:${key}`]))
      expect(classifyAiInvolvement(r).attributions, key).toEqual([
        { source: 'trailer', name: key, evidence: `trailer:${key}`, commitWide: false }
      ])
      expect(outcomes(r), key).toEqual(FAILS_NO_AI)
    }
  })

  it('row 11: a trailer:co-authored-by:<tool> signal (qprov) is AI attributed to the tool', () => {
    const r = of(aiAttestation(['trailer:co-authored-by:claude']))
    expect(classifyAiInvolvement(r).attributions).toEqual([
      {
        source: 'trailer',
        name: 'claude',
        evidence: 'trailer:co-authored-by:claude',
        commitWide: false
      }
    ])
    expect(outcomes(r)).toEqual(FAILS_NO_AI)
  })

  it('row 12: a message_match phrase that names a tool is AI attributed to it', () => {
    expect(REFERENCE_TOOL_PHRASES.size).toBe(44)
    for (const phrase of REFERENCE_TOOL_PHRASES) {
      const r = of(aiAttestation([`message_match:${phrase}`]))
      expect(classifyAiInvolvement(r).attributions, phrase).toEqual([
        {
          source: 'tool-phrase',
          name: phrase,
          evidence: `message_match:${phrase}`,
          commitWide: false
        }
      ])
      expect(outcomes(r), phrase).toEqual(FAILS_NO_AI)
    }
  })

  it('row 13: a message_match phrase that names no tool is AI without attribution', () => {
    expect([...REFERENCE_GENERIC_PHRASES]).toEqual([
      'generated by ai',
      'ai-generated',
      'llm-generated',
      'machine-generated'
    ])
    for (const phrase of REFERENCE_GENERIC_PHRASES) {
      const signal = `message_match:${phrase}`
      const r = of(aiAttestation([signal]))
      expect(classifyAiInvolvement(r)).toEqual({
        kind: 'ai',
        attributions: [],
        unattributed: [signal],
        inconsistencies: []
      })
      expect(outcomes(r), phrase).toEqual(ANY_ONLY)
      // A trailer or a tool phrase names its own tool, not the one behind this phrase.
      expect(
        outcomes(of(aiAttestation([signal, 'trailer:tool', 'message_match:claude code'])))
      ).toEqual(ANY_ONLY)
      // --declare-ai (row 15) and an agent attestation (row 29) name the tool for the commit.
      expect(outcomes(of(aiAttestation([signal, 'declared:copilot'])))).toEqual(FAILS_NO_AI)
      expect(outcomes(of(aiAttestation([signal]), { tool_id: 'cursor' }))).toEqual(FAILS_NO_AI)
    }
  })

  it('row 14: a <field>_bot:<marker> AI signal is AI attributed to the agent', () => {
    for (const field of ['author_name', 'author_email', 'committer_name', 'committer_email'])
      for (const marker of ['copilot', 'devin[bot]', 'claude[bot]', 'dependabot']) {
        const signal = `${field}_bot:${marker}`
        const r = of(aiAttestation([signal]))
        expect(classifyAiInvolvement(r).attributions, signal).toEqual([
          { source: 'agent-identity', name: marker, evidence: signal, commitWide: false }
        ])
        expect(outcomes(r), signal).toEqual(FAILS_NO_AI)
      }
  })

  it('row 15: a declared:<tool> signal (--declare-ai) is AI attributed for the whole commit', () => {
    const r = of(aiAttestation(['declared:Claude Code']))
    expect(classifyAiInvolvement(r).attributions).toEqual([
      {
        source: 'declared',
        name: 'Claude Code',
        evidence: 'declared:Claude Code',
        commitWide: true
      }
    ])
    expect(outcomes(r)).toEqual(FAILS_NO_AI)
  })

  it('row 16: any other AI signal is unknown, even beside a declaration', () => {
    const unknown = [
      'co-authored-by: copilot',
      'signed-off-by: dependabot',
      'message_match:Claude Code',
      'message_match:some new tool',
      'trailer:signed-off-by',
      'trailer:co-authored-by',
      'trailer:co-authored-by:',
      'trailer:co-authored-by: ',
      'declared:',
      'declared:  ',
      'author_name_bot:',
      'author_name_bot: ',
      'reviewer_bot:copilot',
      'ai',
      ''
    ]
    for (const s of unknown) {
      const r = of(aiAttestation([s]))
      expect(classifyAiInvolvement(r).inconsistencies, s).toEqual([
        {
          kind: 'unknown-signal',
          field: 'ai_attestation.signals_detected[0]',
          expected: 'a known signal form',
          actual: JSON.stringify(s)
        }
      ])
      expect(outcomes(r), s).toEqual(ANY_ONLY)
      expect(outcomes(of(aiAttestation(['declared:copilot', s]))), s).toEqual(ANY_ONLY)
    }
  })

  it('row 17: an absent authorship_class makes no claim; flags and signals decide', () => {
    expect(outcomes(of(attestation({ authorship_class: undefined })))).toEqual(PASS_ALL)
    const ai = of(aiAttestation(['trailer:tool'], { authorship_class: undefined }))
    expect(classifyAiInvolvement(ai).kind).toBe('ai')
    expect(outcomes(ai)).toEqual(FAILS_NO_AI)
    // heuristic_v1 receipts (AIIR 1.0.0–1.0.3) have only the four required fields.
    const v1 = {
      is_ai_authored: false,
      signals_detected: [],
      signal_count: 0,
      detection_method: 'heuristic_v1'
    }
    expect(outcomes(of(v1))).toEqual(PASS_ALL)
  })

  it('row 18: class human with no signals records no AI', () => {
    expect(classifyAiInvolvement(of(attestation({ authorship_class: 'human' }))).kind).toBe('none')
    expect(outcomes(of(attestation({ authorship_class: 'human' })))).toEqual(PASS_ALL)
  })

  it('row 19: class ai_assisted or ai-assisted is AI involvement', () => {
    for (const cls of ['ai_assisted', 'ai-assisted']) {
      const named = of(aiAttestation(['message_match:claude code'], { authorship_class: cls }))
      expect(classifyAiInvolvement(named).kind, cls).toBe('ai')
      expect(outcomes(named), cls).toEqual(FAILS_NO_AI)
      const unnamed = of(aiAttestation(['message_match:ai-generated'], { authorship_class: cls }))
      expect(outcomes(unnamed), cls).toEqual(ANY_ONLY)
    }
  })

  it('row 20: class ai_generated or ai-generated is AI involvement, with or without bots', () => {
    for (const cls of ['ai_generated', 'ai-generated']) {
      const alone = of(aiAttestation(['trailer:copilot'], { authorship_class: cls }))
      expect(classifyAiInvolvement(alone).inconsistencies, cls).toEqual([])
      expect(outcomes(alone), cls).toEqual(FAILS_NO_AI)
      const withBot = of(
        aiAttestation(['trailer:copilot'], {
          authorship_class: cls,
          is_bot_authored: true,
          bot_signals_detected: ['author_name_bot:renovate'],
          bot_signal_count: 1
        })
      )
      expect(classifyAiInvolvement(withBot).inconsistencies, cls).toEqual([])
      expect(outcomes(withBot), cls).toEqual(FAILS_NO_AI)
    }
  })

  it('row 21: class bot or bot-generated is automation only', () => {
    for (const cls of ['bot', 'bot-generated']) {
      const r = of(botAttestation(['author_name_bot:dependabot'], { authorship_class: cls }))
      expect(classifyAiInvolvement(r)).toEqual({
        kind: 'bot-only',
        attributions: [],
        unattributed: [],
        inconsistencies: []
      })
      expect(outcomes(r), cls).toEqual(PASS_ALL)
    }
  })

  it('row 22: class ai+bot is AI involvement and automation', () => {
    const r = of(
      aiAttestation(['committer_name_bot:copilot'], {
        authorship_class: 'ai+bot',
        is_bot_authored: true,
        bot_signals_detected: ['author_name_bot:github-actions'],
        bot_signal_count: 1
      })
    )
    expect(classifyAiInvolvement(r).kind).toBe('ai')
    expect(classifyAiInvolvement(r).inconsistencies).toEqual([])
    expect(outcomes(r)).toEqual(FAILS_NO_AI)
  })

  it('row 23: any other authorship_class is unknown', () => {
    for (const cls of [
      'AI_ASSISTED',
      'ai',
      'robot',
      '',
      'human ',
      'constructor',
      '__proto__',
      5,
      null,
      ['human']
    ]) {
      const r = of(attestation({ authorship_class: cls }))
      expect(classifyAiInvolvement(r).inconsistencies, String(cls)).toEqual([
        {
          kind: 'unknown-class',
          field: 'ai_attestation.authorship_class',
          expected: 'an AIIR class',
          actual: JSON.stringify(cls)
        }
      ])
      expect(outcomes(r), String(cls)).toEqual(ANY_ONLY)
    }
  })

  it('row 23: shows at most 60 characters of an unknown value', () => {
    const actual = (cls: string) =>
      classifyAiInvolvement(of(attestation({ authorship_class: cls }))).inconsistencies[0].actual
    expect(actual('y'.repeat(58))).toBe(`"${'y'.repeat(58)}"`)
    expect(actual('y'.repeat(59))).toBe(`"${'y'.repeat(56)}...`)
  })

  it('row 23 (property): every string that is not an AIIR spelling fails no-ai and declared-only', () => {
    fc.assert(
      fc.property(
        fc.string().filter(s => !AUTHORSHIP_CLASS_SPELLINGS.has(s)),
        cls => {
          expect(outcomes(of(attestation({ authorship_class: cls })))).toEqual(ANY_ONLY)
        }
      ),
      runs()
    )
  })

  it('row 24: a class that contradicts the signals is inconsistent', () => {
    const ai = { is_ai_authored: true, signals_detected: ['trailer:tool'], signal_count: 1 }
    const bot = {
      is_bot_authored: true,
      bot_signals_detected: ['author_email_bot:renovate'],
      bot_signal_count: 1
    }
    const cases: [string, Record<string, unknown>, string][] = [
      ['human', ai, 'ai_assisted'],
      ['human', bot, 'bot'],
      ['human', { ...ai, ...bot }, 'ai+bot'],
      ['bot', ai, 'ai_assisted'],
      ['bot', {}, 'human'],
      ['bot-generated', { ...ai, ...bot }, 'ai+bot'],
      ['ai_assisted', {}, 'human'],
      ['ai-assisted', { ...ai, ...bot }, 'ai+bot'],
      ['ai_generated', bot, 'bot'],
      ['ai-generated', {}, 'human'],
      ['ai+bot', ai, 'ai_assisted'],
      ['ai+bot', bot, 'bot']
    ]
    for (const [cls, fields, implied] of cases) {
      const r = of(attestation({ ...fields, authorship_class: cls }))
      expect(classifyAiInvolvement(r).inconsistencies, `${cls} ${implied}`).toEqual([
        {
          kind: 'class-contradicts-signals',
          field: 'ai_attestation.authorship_class',
          expected: implied,
          actual: JSON.stringify(cls)
        }
      ])
      expect(outcomes(r), `${cls} ${implied}`).toEqual(ANY_ONLY)
    }
    // The class still states what it states: AI, or automation.
    const kindOf = (cls: string) =>
      classifyAiInvolvement(of(attestation({ authorship_class: cls }))).kind
    expect(kindOf('ai_assisted')).toBe('ai')
    expect(kindOf('ai-generated')).toBe('ai')
    expect(kindOf('ai+bot')).toBe('ai')
    expect(kindOf('bot')).toBe('bot-only')
    expect(kindOf('bot-generated')).toBe('bot-only')
    expect(kindOf('human')).toBe('none')
  })

  it('row 24: the non-empty signals_detected under class human fails no-ai (issue 15 §1)', () => {
    const r = of(attestation({ signals_detected: ['message_match:claude code'], signal_count: 1 }))
    expect(classifyAiInvolvement(r).kind).toBe('ai')
    expect(kinds(r)).toEqual([
      'flag-contradicts-signals ai_attestation.is_ai_authored',
      'class-contradicts-signals ai_attestation.authorship_class'
    ])
    expect(outcomes(r)).toEqual(ANY_ONLY)
  })

  it('row 25: consistent bot fields are automation only; absent ones count as empty', () => {
    const r = of(botAttestation(['author_name_bot:dependabot', 'author_email_bot:dependabot']))
    expect(classifyAiInvolvement(r).kind).toBe('bot-only')
    expect(outcomes(r)).toEqual(PASS_ALL)
    const absent = attestation({
      is_bot_authored: undefined,
      bot_signals_detected: undefined,
      bot_signal_count: undefined
    })
    expect(classifyAiInvolvement(of(absent)).inconsistencies).toEqual([])
    expect(outcomes(of(absent))).toEqual(PASS_ALL)
    // An automation bot never needs attribution, also under AI involvement.
    const mixed = of(
      aiAttestation(['trailer:ai-model'], {
        authorship_class: 'ai+bot',
        is_bot_authored: true,
        bot_signals_detected: ['committer_email_bot:github-actions[bot]'],
        bot_signal_count: 1
      })
    )
    expect(outcomes(mixed)).toEqual(FAILS_NO_AI)
  })

  it('row 26: is_bot_authored not a boolean or disagreeing with bot_signals_detected is inconsistent', () => {
    for (const v of ['true', 1, null]) {
      const r = of(attestation({ is_bot_authored: v }))
      expect(kinds(r), String(v)).toEqual(['wrong-type ai_attestation.is_bot_authored'])
      expect(outcomes(r), String(v)).toEqual(ANY_ONLY)
    }
    const trueWithNone = of(attestation({ is_bot_authored: true, authorship_class: undefined }))
    expect(classifyAiInvolvement(trueWithNone)).toEqual({
      kind: 'bot-only',
      attributions: [],
      unattributed: [],
      inconsistencies: [
        {
          kind: 'flag-contradicts-signals',
          field: 'ai_attestation.is_bot_authored',
          expected: 'false',
          actual: 'true'
        }
      ]
    })
    expect(outcomes(trueWithNone)).toEqual(ANY_ONLY)
    const falseWithSome = of(
      botAttestation(['author_name_bot:renovate'], { is_bot_authored: false })
    )
    expect(kinds(falseWithSome)).toEqual([
      'flag-contradicts-signals ai_attestation.is_bot_authored'
    ])
    expect(outcomes(falseWithSome)).toEqual(ANY_ONLY)
  })

  it('row 27: malformed bot_signals_detected or bot_signal_count is inconsistent', () => {
    const cases: [Record<string, unknown>, string[]][] = [
      [{ bot_signals_detected: 'dependabot' }, ['wrong-type ai_attestation.bot_signals_detected']],
      [{ bot_signals_detected: [7] }, ['wrong-type ai_attestation.bot_signals_detected']],
      [{ bot_signals_detected: null }, ['wrong-type ai_attestation.bot_signals_detected']],
      [{ bot_signal_count: -1 }, ['wrong-type ai_attestation.bot_signal_count']],
      [{ bot_signal_count: '0' }, ['wrong-type ai_attestation.bot_signal_count']],
      [{ bot_signal_count: 1 }, ['count-mismatch ai_attestation.bot_signal_count']],
      [
        { bot_signals_detected: undefined, bot_signal_count: 1 },
        ['count-mismatch ai_attestation.bot_signal_count']
      ]
    ]
    for (const [fields, expected] of cases) {
      const r = of(attestation(fields))
      expect(kinds(r), JSON.stringify(fields)).toEqual(expected)
      expect(outcomes(r), JSON.stringify(fields)).toEqual(ANY_ONLY)
    }
    const entry = of(botAttestation(['dependabot[bot]']))
    expect(classifyAiInvolvement(entry).inconsistencies).toEqual([
      {
        kind: 'unknown-signal',
        field: 'ai_attestation.bot_signals_detected[0]',
        expected: '<field>_bot:<marker>',
        actual: '"dependabot[bot]"'
      }
    ])
    expect(outcomes(entry)).toEqual(ANY_ONLY)
    const mismatch = of(botAttestation(['author_name_bot:renovate'], { bot_signal_count: 3 }))
    expect(classifyAiInvolvement(mismatch).inconsistencies[0].expected).toBe(
      '1 = len(bot_signals_detected)'
    )
  })

  it('row 28: an AI agent recorded as an automation bot is inconsistent', () => {
    for (const marker of [
      'copilot',
      'devin[bot]',
      'gitlab-duo',
      'claude[bot]',
      'copilot-swe-agent'
    ]) {
      const signal = `author_name_bot:${marker}`
      const r = of(botAttestation([signal]))
      expect(classifyAiInvolvement(r).inconsistencies, marker).toEqual([
        {
          kind: 'ai-agent-as-bot',
          field: 'ai_attestation.bot_signals_detected[0]',
          expected: 'an automation bot marker',
          actual: JSON.stringify(signal)
        }
      ])
      expect(outcomes(r), marker).toEqual(ANY_ONLY)
    }
  })

  it('row 29: an agent_attestation naming an agent is AI attributed for the whole commit', () => {
    const cases = [
      { tool_id: 'claude-code', confidence: 'declared' },
      { tool_id: 'copilot', run_context: 'github-actions', confidence: 'environment' },
      { model_class: 'gpt-4o' },
      { tool_id: 'dependabot[bot]', model_class: 'gpt-4o' }
    ]
    for (const agent of cases) {
      const r = of(attestation(), agent)
      const name = agent.tool_id ?? agent.model_class
      expect(classifyAiInvolvement(r), name).toEqual({
        kind: 'ai',
        attributions: [
          {
            source: 'agent-attestation',
            name,
            evidence: 'extensions.agent_attestation',
            commitWide: true
          }
        ],
        unattributed: [],
        inconsistencies: []
      })
      expect(outcomes(r), name).toEqual(FAILS_NO_AI)
    }
    // It stands on its own even when ai_attestation itself is unreadable.
    expect(classifyAiInvolvement(of(undefined, { tool_id: 'cursor' })).kind).toBe('ai')
  })

  it('row 30: an agent_attestation of an automation bot is automation only', () => {
    for (const tool_id of [
      'dependabot[bot]',
      'GitHub-Actions[bot]',
      'renovate[bot]',
      'gitlab-bot'
    ]) {
      const r = of(attestation(), { tool_id, run_context: 'ci', confidence: 'environment' })
      expect(classifyAiInvolvement(r), tool_id).toEqual({
        kind: 'bot-only',
        attributions: [],
        unattributed: [],
        inconsistencies: []
      })
      expect(outcomes(r), tool_id).toEqual(PASS_ALL)
    }
  })

  it('row 31: an agent_attestation without tool_id or model_class makes no claim', () => {
    for (const agent of [{}, { run_context: 'ci', confidence: 'declared' }, { tool_id: ' ' }]) {
      const r = of(attestation(), agent)
      expect(classifyAiInvolvement(r).kind, JSON.stringify(agent)).toBe('none')
      expect(outcomes(r), JSON.stringify(agent)).toEqual(PASS_ALL)
    }
    // extensions other than an object carry no agent attestation.
    expect(outcomes({ ai_attestation: attestation(), extensions: ['x'] })).toEqual(PASS_ALL)
    expect(outcomes({ ai_attestation: attestation() })).toEqual(PASS_ALL)
  })

  it('row 32: a malformed agent_attestation is unknown', () => {
    const cases: [unknown, string][] = [
      ['copilot', 'wrong-type extensions.agent_attestation'],
      [null, 'wrong-type extensions.agent_attestation'],
      [['copilot'], 'wrong-type extensions.agent_attestation'],
      [{ tool: 'copilot' }, 'unknown-field extensions.agent_attestation.tool'],
      [{ tool_id: 5 }, 'wrong-type extensions.agent_attestation.tool_id'],
      [
        { tool_id: 'copilot', confidence: true },
        'wrong-type extensions.agent_attestation.confidence'
      ]
    ]
    for (const [agent, finding] of cases) {
      const r = of(attestation(), agent)
      expect(kinds(r), finding).toEqual([finding])
      expect(outcomes(r), finding).toEqual(ANY_ONLY)
    }
    const found = (agent: unknown) =>
      classifyAiInvolvement(of(attestation(), agent)).inconsistencies.map(i => [
        i.expected,
        i.actual
      ])
    expect(found(7)).toEqual([['an object', '7']])
    expect(found({ tool: 'x' })).toEqual([['absent', '"x"']])
    expect(found({ tool_id: 5 })).toEqual([['a string', '5']])
  })
})

describe('the AI policy decision', () => {
  const involvement = (over: Partial<AiInvolvement>): AiInvolvement => ({
    kind: 'none',
    attributions: [],
    unattributed: [],
    inconsistencies: [],
    ...over
  })
  const problem = {
    kind: 'unknown-class' as const,
    field: 'ai_attestation.authorship_class',
    expected: 'an AIIR class',
    actual: '"x"'
  }

  it('lists every inconsistency as a finding, then the policy finding', () => {
    const inv = involvement({ kind: 'ai', inconsistencies: [problem, problem] })
    expect(decideAiPolicy('no-ai', inv)).toEqual({
      policy: 'no-ai',
      ok: false,
      findings: [
        { kind: 'inconsistent-attestation', inconsistency: problem },
        { kind: 'inconsistent-attestation', inconsistency: problem },
        { kind: 'ai-involved' }
      ],
      involvement: inv
    })
    expect(decideAiPolicy('any', inv)).toEqual({
      policy: 'any',
      ok: true,
      findings: [],
      involvement: inv
    })
  })

  it('declared-only reports each unattributed signal unless a commit-wide attribution covers it', () => {
    const inv = involvement({ kind: 'ai', unattributed: ['message_match:ai-generated', 'x'] })
    expect(decideAiPolicy('declared-only', inv).findings).toEqual([
      { kind: 'unattributed-ai', signal: 'message_match:ai-generated' },
      { kind: 'unattributed-ai', signal: 'x' }
    ])
    const phrase = { source: 'tool-phrase' as const, name: 'n', evidence: 'e', commitWide: false }
    expect(decideAiPolicy('declared-only', { ...inv, attributions: [phrase] }).ok).toBe(false)
    const declared = { ...phrase, source: 'declared' as const, commitWide: true }
    expect(decideAiPolicy('declared-only', { ...inv, attributions: [phrase, declared] })).toEqual({
      policy: 'declared-only',
      ok: true,
      findings: [],
      involvement: { ...inv, attributions: [phrase, declared] }
    })
    expect(decideAiPolicy('no-ai', { ...inv, attributions: [declared] }).findings).toEqual([
      { kind: 'ai-involved' }
    ])
  })

  it('notes nothing after the sentence when no signal describes the involvement', () => {
    expect(aiPolicyFindingNote(decideAiPolicy('no-ai', involvement({ kind: 'ai' })))).toBe('')
  })

  it('no-ai passes automation-only and no involvement; declared-only ignores the kind', () => {
    for (const kind of ['none', 'bot-only'] as const) {
      expect(decideAiPolicy('no-ai', involvement({ kind })).ok).toBe(true)
      expect(decideAiPolicy('declared-only', involvement({ kind })).ok).toBe(true)
    }
    expect(decideAiPolicy('declared-only', involvement({ kind: 'ai' })).ok).toBe(true)
  })
})
