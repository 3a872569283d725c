import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { readAiSignal, readIdentitySignal } from '../../src/receipt/ai-signals.js'
import {
  REFERENCE_GENERIC_PHRASES,
  REFERENCE_TOOL_PHRASES
} from '../../src/receipt/aiir-vocabulary.js'
import { runs } from '../helpers/property.js'

describe('reading one AI signal', () => {
  it.each([
    ['declared:copilot', { form: 'declared', tool: 'copilot' }],
    ['declared: Claude Code ', { form: 'declared', tool: ' Claude Code ' }],
    ['declared:trailer:tool', { form: 'declared', tool: 'trailer:tool' }],
    ['trailer:co-authored-by:claude', { form: 'co-author-trailer', tool: 'claude' }],
    ['trailer:co-authored-by:a:b', { form: 'co-author-trailer', tool: 'a:b' }],
    ['trailer:generated-by', { form: 'trailer', key: 'generated-by' }],
    ['trailer:tool', { form: 'trailer', key: 'tool' }],
    ['trailer:assisted-by', { form: 'trailer', key: 'assisted-by' }],
    ['message_match:claude code', { form: 'tool-phrase', phrase: 'claude code' }],
    ['message_match:aider:', { form: 'tool-phrase', phrase: 'aider:' }],
    [
      'message_match:suggested by: gitlab duo',
      { form: 'tool-phrase', phrase: 'suggested by: gitlab duo' }
    ],
    ['message_match:ai-generated', { form: 'generic-phrase', phrase: 'ai-generated' }],
    [
      'author_name_bot:copilot',
      { form: 'agent-identity', field: 'author_name', marker: 'copilot' }
    ],
    ['author_email_bot:aider', { form: 'agent-identity', field: 'author_email', marker: 'aider' }],
    ['committer_name_bot:x:y', { form: 'agent-identity', field: 'committer_name', marker: 'x:y' }],
    [
      'committer_email_bot:noreply@anthropic.com',
      { form: 'agent-identity', field: 'committer_email', marker: 'noreply@anthropic.com' }
    ],
    ['declared:', { form: 'unknown' }],
    ['declared:\t', { form: 'unknown' }],
    ['declaredcopilot', { form: 'unknown' }],
    ['Declared:copilot', { form: 'unknown' }],
    ['trailer:co-authored-by:', { form: 'unknown' }],
    ['trailer:co-authored-by', { form: 'unknown' }],
    ['trailer:Generated-By', { form: 'unknown' }],
    ['trailer:', { form: 'unknown' }],
    ['message_match:', { form: 'unknown' }],
    ['message_match:claude', { form: 'unknown' }],
    ['author_name_bot:', { form: 'unknown' }],
    ['author_bot:copilot', { form: 'unknown' }],
    ['xauthor_name_bot:copilot', { form: 'unknown' }],
    ['', { form: 'unknown' }]
  ])('%j reads as %j', (signal, reading) => {
    expect(readAiSignal(signal)).toEqual(reading)
  })

  it('reads the identity format alone, for the bot list', () => {
    expect(readIdentitySignal('author_email_bot:dependabot')).toEqual({
      field: 'author_email',
      marker: 'dependabot'
    })
    expect(readIdentitySignal('author_email_bot: ')).toBeUndefined()
    expect(readIdentitySignal('message_match:dependabot')).toBeUndefined()
  })

  it('reads every string outside the known prefixes as unknown (property)', () => {
    const known = /^(declared:|trailer:|message_match:|(author|committer)_(name|email)_bot:)/
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme-ascii' }).filter(s => !known.test(s)),
        s => {
          expect(readAiSignal(s)).toEqual({ form: 'unknown' })
        }
      ),
      runs()
    )
  })

  it('reads every message phrase neither list has as unknown (property)', () => {
    fc.assert(
      fc.property(
        fc
          .string()
          .filter(p => !REFERENCE_TOOL_PHRASES.has(p) && !REFERENCE_GENERIC_PHRASES.has(p)),
        p => {
          expect(readAiSignal(`message_match:${p}`)).toEqual({ form: 'unknown' })
        }
      ),
      runs()
    )
  })
})
