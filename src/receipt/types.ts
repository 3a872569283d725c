/** An AIIR commit receipt as parsed JSON; its structure is checked by verify.ts and schema.ts. */
export type Receipt = Record<string, unknown>

export interface Identity {
  name: string
  email: string
  date: string
}

/** The `commit` object, field for field as the AIIR reference builds it (v2). */
export interface CommitObject {
  sha: string
  tree_sha: string
  parent_shas: string[]
  author: Identity
  committer: Identity
  subject: string
  message_hash: string
  diff_hash: string
  files_changed: number
  files: string[]
  files_capped?: true
}

export interface AiAttestation {
  is_ai_authored: boolean
  signals_detected: string[]
  signal_count: number
  is_bot_authored: boolean
  bot_signals_detected: string[]
  bot_signal_count: number
  authorship_class: 'human' | 'ai_assisted' | 'bot' | 'ai+bot'
  detection_method: string
}
