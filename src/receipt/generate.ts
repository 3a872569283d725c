import type { Receipt } from './types.js'

/** Placeholder signature; implemented by the AIIR kernel work. */
export interface GenerateOptions {
  repoDir: string
  /** One commit (default HEAD) ... */
  commit?: string
  /** ... or a range A..B of at most 1000 commits. */
  range?: string
  /** Explicitly declared AI tools (CLI --declare-ai / action input). */
  declareAi?: string[]
}

export async function generateReceipts(_opts: GenerateOptions): Promise<Receipt[]> {
  throw new Error('receipt generation not implemented yet')
}
