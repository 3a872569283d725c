import { lstat } from 'node:fs/promises'
import { readBoundedSync } from '../read-file.js'
import { sidecarMatches } from './cbor-sidecar.js'
import { QprovError } from '../errors.js'
import { loadReceiptFile, loadReceipts, type LoadedReceipt } from './ingest.js'
import { verifyReceipt, type ReceiptVerdict } from './verify.js'

export const MAX_SIDECAR_BYTES = 10 * 1024 * 1024

export type SidecarStatus = 'ok' | 'failed' | 'absent'

export interface FileReceiptVerdict extends ReceiptVerdict {
  path: string
  index: number
  cbor_sidecar: SidecarStatus
}

/**
 * Verifies every receipt found at a path. Input problems (missing, symlink, too large, not JSON,
 * no receipts at all) throw QprovError; verification failures are data in the returned verdicts.
 */
export async function verifyReceiptPath(path: string): Promise<FileReceiptVerdict[]> {
  return verifyLoadedReceipts(await loadReceipts(path), path)
}

/**
 * Verifies the receipts of one file and returns the bytes they were read from, so that a
 * signature over the file can be checked against the same read (no second open).
 */
export async function verifyReceiptFile(
  path: string
): Promise<{ verdicts: FileReceiptVerdict[]; bytes: Buffer }> {
  const { receipts, bytes } = await loadReceiptFile(path)
  return { verdicts: await verifyLoadedReceipts(receipts, path), bytes }
}

async function verifyLoadedReceipts(
  loaded: LoadedReceipt[],
  path: string
): Promise<FileReceiptVerdict[]> {
  if (loaded.length === 0) throw new QprovError('INPUT_INVALID', `No receipts found in ${path}`)
  const out: FileReceiptVerdict[] = []
  for (const item of loaded) out.push(await verifyLoaded(item))
  return out
}

async function verifyLoaded(item: LoadedReceipt): Promise<FileReceiptVerdict> {
  const v: FileReceiptVerdict = {
    path: item.path,
    index: item.index,
    ...verifyReceipt(item.receipt),
    cbor_sidecar: 'absent'
  }
  // only a file that is one JSON object has a sidecar; an array of one does not
  if (item.container !== 'object' || !item.path.endsWith('.json')) return v
  if (item.receipt === null || typeof item.receipt !== 'object') return v
  v.cbor_sidecar = await checkSidecar(
    `${item.path.slice(0, -'.json'.length)}.cbor`,
    item.receipt as Record<string, unknown>
  )
  if (v.cbor_sidecar === 'failed') {
    v.errors.push('CBOR sidecar verification failed')
    v.valid = false
    delete v.expected_content_hash
    delete v.expected_receipt_id
  }
  return v
}

async function checkSidecar(
  path: string,
  receipt: Record<string, unknown>
): Promise<SidecarStatus> {
  try {
    await lstat(path)
  } catch {
    return 'absent'
  }
  let bytes: Buffer
  try {
    // One checked descriptor: a sidecar swapped for a FIFO after the lstat cannot block the read.
    const limit = { what: 'CBOR sidecar', maxBytes: MAX_SIDECAR_BYTES }
    bytes = readBoundedSync(path, limit, { noFollow: true, allowPipe: false })
  } catch {
    return 'failed'
  }
  return sidecarMatches(bytes, receipt) ? 'ok' : 'failed'
}

/** Verifies several paths in order; the first input error aborts (the CLI maps it to exit 2). */
export async function verifyReceiptPaths(paths: string[]): Promise<FileReceiptVerdict[]> {
  const out: FileReceiptVerdict[] = []
  for (const p of paths) out.push(...(await verifyReceiptPath(p)))
  return out
}
