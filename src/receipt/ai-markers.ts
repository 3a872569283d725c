import type { AiAttestation } from './types.js'

/**
 * qprov's declared-AI detection (`qprov_markers_v1`). Only markers someone deliberately put
 * there count: no guessing from prose. Documented in docs/receipts.md; keep the two in step.
 */

export const DETECTION_METHOD = 'qprov_markers_v1'

/** AI tools/agents, matched case-insensitively in co-author trailers and assistance trailers. */
export const AI_TOOL_MARKERS = [
  'claude',
  'anthropic',
  'copilot',
  'chatgpt',
  'openai',
  'codex',
  'gpt-4',
  'gpt-5',
  'gemini',
  'cursor',
  'devin',
  'aider',
  'amazon q',
  'codewhisperer',
  'codeium',
  'windsurf',
  'tabnine',
  'cody',
  'jules',
  'qwen',
  'deepseek',
  'mistral',
  'llama'
]

/** Author/committer name or email fragments of AI coding agents that commit themselves. */
export const AI_AGENT_IDENTITIES = [
  'copilot-swe-agent',
  'copilot[bot]',
  'claude[bot]',
  'noreply@anthropic.com',
  'devin-ai-integration',
  'cursoragent',
  'openai-codex',
  'codex[bot]',
  'google-labs-jules',
  'aider'
]

/** Automation bots (not AI): dependency updaters and CI identities. */
export const AUTOMATION_BOTS = [
  'dependabot',
  'renovate',
  'github-actions[bot]',
  'snyk-bot',
  'pre-commit-ci',
  'mergify',
  'greenkeeper'
]

/** Trailer keys that declare AI assistance. `AI-Assisted` takes yes/true/a tool; the others a tool. */
export const AI_TRAILER_KEYS = ['ai-assisted', 'assisted-by', 'generated-by', 'ai-tool', 'ai-model']

const NEGATIVE = new Set(['no', 'false', 'none', '0', 'n/a'])

export interface CommitPeople {
  message: string
  authorName: string
  authorEmail: string
  committerName: string
  committerEmail: string
}

const mentionsAiTool = (s: string): string | undefined => {
  const low = s.toLowerCase()
  return AI_TOOL_MARKERS.find(m => low.includes(m))
}

/** Git trailers: `Key: value` lines of the last paragraph of the message. */
export function trailers(message: string): [string, string][] {
  const paragraphs = message.trim().split(/\n\s*\n/)
  const last = paragraphs.length > 1 ? paragraphs[paragraphs.length - 1] : ''
  const out: [string, string][] = []
  for (const line of last.split('\n')) {
    const m = /^([A-Za-z0-9][A-Za-z0-9-]*):\s*(.*)$/.exec(line.trim())
    if (m) out.push([m[1].toLowerCase(), m[2].trim()])
  }
  return out
}

/** Detects declared AI involvement and automation bots; `declared` are explicit CLI/action declarations. */
export function detectAi(people: CommitPeople, declared: string[] = []): AiAttestation {
  const ai = new Set<string>()
  const bot = new Set<string>()
  for (const [key, value] of trailers(people.message)) {
    if (key === 'co-authored-by') {
      const tool = mentionsAiTool(value)
      if (tool) ai.add(`trailer:co-authored-by:${tool}`)
    } else if (AI_TRAILER_KEYS.includes(key)) {
      const v = value.toLowerCase()
      if (key === 'ai-assisted' ? v !== '' && !NEGATIVE.has(v) : mentionsAiTool(value))
        ai.add(`trailer:${key}`)
    }
  }
  const fields: [string, string][] = [
    ['author_name', people.authorName],
    ['author_email', people.authorEmail],
    ['committer_name', people.committerName],
    ['committer_email', people.committerEmail]
  ]
  for (const [field, value] of fields) {
    const low = value.toLowerCase()
    for (const m of AI_AGENT_IDENTITIES) if (low.includes(m)) ai.add(`${field}_bot:${m}`)
    for (const m of AUTOMATION_BOTS) if (low.includes(m)) bot.add(`${field}_bot:${m}`)
  }
  for (const tool of declared) if (tool.trim() !== '') ai.add(`declared:${tool.trim()}`)
  const signals = [...ai]
  const botSignals = [...bot]
  const isAi = signals.length > 0
  const isBot = botSignals.length > 0
  return {
    is_ai_authored: isAi,
    signals_detected: signals,
    signal_count: signals.length,
    is_bot_authored: isBot,
    bot_signals_detected: botSignals,
    bot_signal_count: botSignals.length,
    authorship_class: isAi && isBot ? 'ai+bot' : isAi ? 'ai_assisted' : isBot ? 'bot' : 'human',
    detection_method: DETECTION_METHOD
  }
}
