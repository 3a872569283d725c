import { AI_AGENT_IDENTITIES, AI_TRAILER_KEYS, AUTOMATION_BOTS } from './ai-markers.js'
import {
  IDENTITY_FIELDS,
  REFERENCE_AGENT_MARKERS,
  REFERENCE_BOT_MARKERS,
  REFERENCE_GENERIC_PHRASES,
  REFERENCE_TOOL_PHRASES,
  REFERENCE_TRAILER_KEYS
} from './aiir-vocabulary.js'

/**
 * How one entry of `signals_detected` or `bot_signals_detected` reads, in the formats of both
 * writers: the AIIR reference (`trailer:<key>`, `message_match:<phrase>`, `<field>_bot:<marker>`)
 * and qprov (`trailer:co-authored-by:<tool>`, `declared:<tool>`, plus the same trailer and
 * identity formats). Anything else is `unknown`.
 */
export type AiSignalReading =
  | { form: 'trailer'; key: string }
  | { form: 'co-author-trailer'; tool: string }
  | { form: 'tool-phrase'; phrase: string }
  | { form: 'generic-phrase'; phrase: string }
  | { form: 'agent-identity'; field: string; marker: string }
  | { form: 'declared'; tool: string }
  | { form: 'unknown' }

const TRAILER_KEYS = new Set([...REFERENCE_TRAILER_KEYS, ...AI_TRAILER_KEYS])

/** Markers either writer records for an AI agent's own identity. */
export const AGENT_MARKERS: ReadonlySet<string> = new Set([
  ...REFERENCE_AGENT_MARKERS,
  ...AI_AGENT_IDENTITIES
])

/** Markers either writer records for an automation bot. */
export const BOT_MARKERS: readonly string[] = [...REFERENCE_BOT_MARKERS, ...AUTOMATION_BOTS]

/** A name must have at least one visible character. */
export const named = (s: string): boolean => /\S/.test(s)

/** `<field>_bot:<marker>`, the identity format of both signal lists. */
export function readIdentitySignal(signal: string): { field: string; marker: string } | undefined {
  for (const field of IDENTITY_FIELDS) {
    const prefix = `${field}_bot:`
    const marker = signal.slice(prefix.length)
    if (signal.startsWith(prefix) && named(marker)) return { field, marker }
  }
  return undefined
}

export function readAiSignal(signal: string): AiSignalReading {
  const after = (prefix: string): string | undefined =>
    signal.startsWith(prefix) ? signal.slice(prefix.length) : undefined
  const declared = after('declared:')
  if (declared !== undefined && named(declared)) return { form: 'declared', tool: declared }
  const coAuthor = after('trailer:co-authored-by:')
  if (coAuthor !== undefined && named(coAuthor))
    return { form: 'co-author-trailer', tool: coAuthor }
  const trailer = after('trailer:')
  if (trailer !== undefined && TRAILER_KEYS.has(trailer)) return { form: 'trailer', key: trailer }
  const phrase = after('message_match:')
  if (phrase !== undefined && REFERENCE_TOOL_PHRASES.has(phrase))
    return { form: 'tool-phrase', phrase }
  if (phrase !== undefined && REFERENCE_GENERIC_PHRASES.has(phrase))
    return { form: 'generic-phrase', phrase }
  const identity = readIdentitySignal(signal)
  return identity === undefined ? { form: 'unknown' } : { form: 'agent-identity', ...identity }
}
