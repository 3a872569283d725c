import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { writeFileAtomic } from '../atomic-file.js'
import { checkOutputDir } from '../output-dir.js'
import { encodeSidecar } from './cbor-sidecar.js'
import type { Receipt } from './types.js'

/** AIIR's file name: `receipt_<sha[:12]>_<hash16>.json`; hash16 keeps the `a256` of `sha256`. */
export function receiptFileName(receipt: Receipt): string {
  const commit = receipt.commit as { sha?: unknown } | undefined
  const sha = typeof commit?.sha === 'string' ? commit.sha : 'unknown'
  const hash = typeof receipt.content_hash === 'string' ? receipt.content_hash.replace(':', '') : ''
  return `receipt_${sha.slice(0, 12)}_${hash.slice(2, 18)}.json`
}

/** The exact file bytes AIIR writes (and signs): indent 2, non-ASCII kept, trailing newline. */
export function receiptFileText(receipt: Receipt): string {
  return `${JSON.stringify(receipt, null, 2)}\n`
}

/** Writes `<name>.json` and its `.cbor` sidecar into dir; returns the JSON file paths. */
export async function writeReceipts(dir: string, receipts: Receipt[]): Promise<string[]> {
  checkOutputDir(dir, { what: 'receipt directory' })
  await mkdir(dir, { recursive: true })
  const paths: string[] = []
  for (const r of receipts) {
    const path = join(dir, receiptFileName(r))
    await writeFileAtomic(path, receiptFileText(r))
    await writeFileAtomic(`${path.slice(0, -'.json'.length)}.cbor`, encodeSidecar(r))
    paths.push(path)
  }
  return paths
}
