import {
  AGENT_ATTESTATION_KEYS,
  AI_ATTESTATION_KEYS,
  AUTHORSHIP_CLASS_SPELLINGS,
  type AuthorshipMeaning
} from './aiir-vocabulary.js'
import {
  AGENT_MARKERS,
  BOT_MARKERS,
  named,
  readAiSignal,
  readIdentitySignal
} from './ai-signals.js'

/**
 * What a receipt says about AI involvement, as data: one reading of the whole `ai_attestation`,
 * plus `extensions.agent_attestation`, in every form the AIIR reference or qprov writes. Pure;
 * docs/ai-policy.md is the table this implements, row for row.
 */

export type InvolvementKind = 'none' | 'bot-only' | 'ai'

export type AttributionSource =
  'trailer' | 'tool-phrase' | 'agent-identity' | 'declared' | 'agent-attestation'

/** AI involvement attributed to a named tool or agent; a commit-wide one covers every signal. */
export interface Attribution {
  source: AttributionSource
  /** The tool, agent, phrase or trailer key named. */
  name: string
  /** Where it is stated: the signal, or `extensions.agent_attestation`. */
  evidence: string
  commitWide: boolean
}

export type InconsistencyKind =
  | 'missing'
  | 'wrong-type'
  | 'unknown-field'
  | 'count-mismatch'
  | 'flag-contradicts-signals'
  | 'unknown-class'
  | 'class-contradicts-signals'
  | 'unknown-signal'
  | 'ai-agent-as-bot'

/** Something the receipt says that qprov cannot read, or that contradicts the rest of it. */
export interface Inconsistency {
  kind: InconsistencyKind
  field: string
  expected: string
  actual: string
}

export interface AiInvolvement {
  kind: InvolvementKind
  attributions: Attribution[]
  /** AI signals that name no tool (`message_match:ai-generated`, …). */
  unattributed: string[]
  inconsistencies: Inconsistency[]
}

/** What each class asserts: AI signals present, and bot signals present (undefined: either). */
const CLASS_ASSERTS: Record<AuthorshipMeaning, { ai: boolean; bot?: boolean }> = {
  human: { ai: false, bot: false },
  ai_assisted: { ai: true, bot: false },
  ai_generated: { ai: true },
  bot: { ai: false, bot: true },
  'ai+bot': { ai: true, bot: true }
}

/** The class the reference derives from the two signal lists. */
function impliedClass(ai: boolean, bot: boolean): AuthorshipMeaning {
  if (ai) return bot ? 'ai+bot' : 'ai_assisted'
  return bot ? 'bot' : 'human'
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  v !== null && typeof v === 'object' && !Array.isArray(v)

/** A short JSON rendering of a receipt value, for people; no decision reads it. */
function shown(v: unknown): string {
  if (v === undefined) return 'absent'
  const s = JSON.stringify(v)
  return s.length > 60 ? `${s.slice(0, 57)}...` : s
}

class Reading {
  readonly attributions: Attribution[] = []
  readonly unattributed: string[] = []
  readonly inconsistencies: Inconsistency[] = []
  agentIsAi = false
  agentIsBot = false

  result(kind: InvolvementKind): AiInvolvement {
    const { attributions, unattributed, inconsistencies } = this
    return { kind, attributions, unattributed, inconsistencies }
  }

  problem(kind: InconsistencyKind, field: string, expected: string, actual: string): void {
    this.inconsistencies.push({ kind, field, expected, actual })
  }

  /** A value of the wrong type, or a required one that is missing. */
  badValue(field: string, expected: string, v: unknown): void {
    this.problem(v === undefined ? 'missing' : 'wrong-type', field, expected, shown(v))
  }

  flag(att: Record<string, unknown>, key: string, required: boolean): boolean | undefined {
    const v = att[key]
    if (typeof v === 'boolean') return v
    if (required || v !== undefined) this.badValue(`ai_attestation.${key}`, 'a boolean', v)
    return undefined
  }

  /** The list; `[]` when an optional one is absent; undefined when it is not a list of strings. */
  list(att: Record<string, unknown>, key: string, required: boolean): string[] | undefined {
    const v = att[key]
    if (v === undefined && !required) return []
    if (Array.isArray(v) && v.every(s => typeof s === 'string')) return v as string[]
    this.badValue(`ai_attestation.${key}`, 'a list of strings', v)
    return undefined
  }

  /** `<key>` must be the length of `<of>`; a list that did not read is not compared. */
  count(att: Record<string, unknown>, key: string, required: boolean, of: string, list?: string[]) {
    const v = att[key]
    if (v === undefined && !required) return
    if (typeof v !== 'number' || !Number.isSafeInteger(v) || v < 0)
      this.badValue(`ai_attestation.${key}`, 'a non-negative integer', v)
    else if (list !== undefined && v !== list.length)
      this.problem('count-mismatch', `ai_attestation.${key}`, `${list.length} = len(${of})`, `${v}`)
  }
}

function readAiSignals(r: Reading, signals: string[]): void {
  signals.forEach((signal, i) => {
    const s = readAiSignal(signal)
    const attribute = (source: AttributionSource, name: string, commitWide = false) =>
      r.attributions.push({ source, name, evidence: signal, commitWide })
    if (s.form === 'unknown')
      r.problem(
        'unknown-signal',
        `ai_attestation.signals_detected[${i}]`,
        'a known signal form',
        shown(signal)
      )
    else if (s.form === 'generic-phrase') r.unattributed.push(signal)
    else if (s.form === 'declared') attribute('declared', s.tool, true)
    else if (s.form === 'co-author-trailer') attribute('trailer', s.tool)
    else if (s.form === 'trailer') attribute('trailer', s.key)
    else if (s.form === 'tool-phrase') attribute('tool-phrase', s.phrase)
    else attribute('agent-identity', s.marker)
  })
}

function readBotSignals(r: Reading, signals: string[]): void {
  signals.forEach((signal, i) => {
    const field = `ai_attestation.bot_signals_detected[${i}]`
    const id = readIdentitySignal(signal)
    if (id === undefined) r.problem('unknown-signal', field, '<field>_bot:<marker>', shown(signal))
    else if (AGENT_MARKERS.has(id.marker))
      r.problem('ai-agent-as-bot', field, 'an automation bot marker', shown(signal))
  })
}

/** `extensions.agent_attestation`: outside the receipt hash, but signed with the statement. */
function readAgentAttestation(r: Reading, receipt: Record<string, unknown>): void {
  const ext = receipt.extensions
  if (!isRecord(ext) || ext.agent_attestation === undefined) return
  const field = 'extensions.agent_attestation'
  const a = ext.agent_attestation
  if (!isRecord(a)) return r.badValue(field, 'an object', a)
  for (const [k, v] of Object.entries(a))
    if (!AGENT_ATTESTATION_KEYS.has(k))
      r.problem('unknown-field', `${field}.${k}`, 'absent', shown(v))
    else if (typeof v !== 'string') r.badValue(`${field}.${k}`, 'a string', v)
  const name = [a.tool_id, a.model_class].find(
    (v): v is string => typeof v === 'string' && named(v)
  )
  if (name === undefined) return
  const lower = name.toLowerCase()
  // The reference also records its CI actor here when that actor is an automation bot.
  if (a.model_class === undefined && BOT_MARKERS.some(m => lower.includes(m))) r.agentIsBot = true
  else {
    r.agentIsAi = true
    r.attributions.push({ source: 'agent-attestation', name, evidence: field, commitWide: true })
  }
}

function readClass(r: Reading, cls: unknown): AuthorshipMeaning | undefined {
  if (cls === undefined) return undefined
  const meaning = typeof cls === 'string' ? AUTHORSHIP_CLASS_SPELLINGS.get(cls) : undefined
  if (meaning === undefined)
    r.problem('unknown-class', 'ai_attestation.authorship_class', 'an AIIR class', shown(cls))
  return meaning
}

export function classifyAiInvolvement(receipt: Record<string, unknown>): AiInvolvement {
  const r = new Reading()
  readAgentAttestation(r, receipt)
  const att = receipt.ai_attestation
  if (!isRecord(att)) {
    r.badValue('ai_attestation', 'an object', att)
    return r.result(r.agentIsAi ? 'ai' : 'none')
  }
  for (const [k, v] of Object.entries(att))
    if (!AI_ATTESTATION_KEYS.has(k))
      r.problem('unknown-field', `ai_attestation.${k}`, 'absent', shown(v))
  const isAi = r.flag(att, 'is_ai_authored', true)
  const isBot = r.flag(att, 'is_bot_authored', false)
  const aiList = r.list(att, 'signals_detected', true)
  const botList = r.list(att, 'bot_signals_detected', false)
  r.count(att, 'signal_count', true, 'signals_detected', aiList)
  r.count(att, 'bot_signal_count', false, 'bot_signals_detected', botList)
  if (typeof att.detection_method !== 'string')
    r.badValue('ai_attestation.detection_method', 'a string', att.detection_method)
  const meaning = readClass(r, att.authorship_class)
  readAiSignals(r, aiList ?? [])
  readBotSignals(r, botList ?? [])

  const hasAi = (aiList ?? []).length > 0
  const hasBot = (botList ?? []).length > 0
  const flagField = (key: string) => `ai_attestation.${key}`
  if (isAi !== undefined && isAi !== hasAi)
    r.problem('flag-contradicts-signals', flagField('is_ai_authored'), `${hasAi}`, `${isAi}`)
  if (isBot !== undefined && isBot !== hasBot)
    r.problem('flag-contradicts-signals', flagField('is_bot_authored'), `${hasBot}`, `${isBot}`)
  const asserts = meaning === undefined ? undefined : CLASS_ASSERTS[meaning]
  if (asserts !== undefined && (asserts.ai !== hasAi || (asserts.bot ?? hasBot) !== hasBot))
    r.problem(
      'class-contradicts-signals',
      flagField('authorship_class'),
      impliedClass(hasAi, hasBot),
      shown(att.authorship_class)
    )
  const ai = isAi === true || hasAi || asserts?.ai === true || r.agentIsAi
  const bot = isBot === true || hasBot || asserts?.bot === true || r.agentIsBot
  return r.result(ai ? 'ai' : bot ? 'bot-only' : 'none')
}
