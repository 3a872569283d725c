import type { Receipt } from './types.js'

/** Placeholder signature; implemented by the AIIR kernel work. */
export interface LoadedReceipt {
  path: string
  index: number
  receipt: unknown
}

/** Loads receipts from a file, a JSON array, a .jsonl ledger or a directory of receipt_*.json. */
export async function loadReceipts(_path: string): Promise<LoadedReceipt[]> {
  throw new Error('receipt ingest not implemented yet')
}

export type { Receipt }
