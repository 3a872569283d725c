import { lstat, readdir, readFile } from 'node:fs/promises'
import { basename, join } from 'node:path'
import { QprovError } from '../errors.js'
import { JsonSyntaxError, parseJsonLiteral } from './json-literal.js'
import type { Receipt } from './types.js'

/**
 * Reads receipts from everything the AIIR action leaves behind: a receipt file, a JSON array, a
 * `.jsonl` ledger, a directory of `receipt_*.json` (its output dir / downloaded artifact), or the
 * `receipts_json` step output string.
 */

export interface LoadedReceipt {
  path: string
  index: number
  receipt: unknown
}

export const MAX_FILE_BYTES = 52_428_800
export const MAX_ARRAY_ITEMS = 1000
/** The AIIR action's `receipts_json` output holds this instead of JSON above 1 MB. */
export const OVERFLOW_MARKER = 'OVERFLOW'

/** Reads a file the way the reference does: no symlinks, ≤ 50 MB, strict UTF-8. */
export async function readReceiptText(path: string): Promise<{ text: string; bytes: Buffer }> {
  let st
  try {
    st = await lstat(path)
  } catch {
    throw new QprovError('INPUT_NOT_FOUND', `File not found: ${path}`)
  }
  if (st.isSymbolicLink())
    throw new QprovError('INPUT_SYMLINK', `Receipt file is a symlink (refusing to verify): ${path}`)
  if (!st.isFile()) throw new QprovError('INPUT_INVALID', `Not a regular file: ${path}`)
  if (st.size > MAX_FILE_BYTES)
    throw new QprovError(
      'INPUT_TOO_LARGE',
      `File too large (${st.size} bytes, max ${MAX_FILE_BYTES})`
    )
  const bytes = await readFile(path)
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bytes }
  } catch {
    throw new QprovError('INPUT_NOT_JSON', `Invalid JSON: ${path} is not valid UTF-8`)
  }
}

/** Parses JSON text, mapping syntax errors to the reference's `Invalid JSON: …` input error. */
export function parseReceiptJson(text: string, where: string): unknown {
  try {
    return parseJsonLiteral(text)
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e
    throw new QprovError('INPUT_NOT_JSON', `Invalid JSON: ${where}: ${e.message}`)
  }
}

/** One parsed document (object or array) as receipts, enforcing the 1000-item array cap. */
export function receiptsFromDocument(doc: unknown, path: string): LoadedReceipt[] {
  if (!Array.isArray(doc)) return [{ path, index: 0, receipt: doc }]
  if (doc.length > MAX_ARRAY_ITEMS)
    throw new QprovError(
      'INPUT_INVALID',
      `Receipt array too large (${doc.length} items, max ${MAX_ARRAY_ITEMS})`
    )
  return doc.map((receipt, index) => ({ path, index, receipt }))
}

/** A `.jsonl` ledger: one receipt per non-blank line; `index` is the 0-based receipt position. */
export function receiptsFromLedger(text: string, path: string): LoadedReceipt[] {
  const out: LoadedReceipt[] = []
  text.split('\n').forEach((line, n) => {
    if (line.trim() === '') return
    out.push({ path, index: out.length, receipt: parseReceiptJson(line, `${path}:${n + 1}`) })
  })
  return out
}

/** Loads receipts from a file, a JSON array, a .jsonl ledger or a directory of receipt_*.json. */
export async function loadReceipts(path: string): Promise<LoadedReceipt[]> {
  let st
  try {
    st = await lstat(path)
  } catch {
    throw new QprovError('INPUT_NOT_FOUND', `File not found: ${path}`)
  }
  if (st.isDirectory()) return loadDirectory(path)
  const { text } = await readReceiptText(path)
  if (path.endsWith('.jsonl')) return receiptsFromLedger(text, path)
  return receiptsFromDocument(parseReceiptJson(text, path), path)
}

/** `receipt_*.json` in name order; without any, the directory's `.aiir/receipts.jsonl` ledger. */
async function loadDirectory(dir: string): Promise<LoadedReceipt[]> {
  const names = (await readdir(dir)).filter(n => /^receipt_.*\.json$/.test(n)).sort()
  if (names.length === 0) {
    for (const ledger of [join(dir, 'receipts.jsonl'), join(dir, '.aiir', 'receipts.jsonl')]) {
      const found = await lstat(ledger).then(
        () => true,
        () => false
      )
      if (found) return loadReceipts(ledger)
    }
    throw new QprovError('INPUT_NOT_FOUND', `No receipt_*.json files in directory: ${dir}`)
  }
  const out: LoadedReceipt[] = []
  for (const n of names) out.push(...(await loadReceipts(join(dir, n))))
  return out
}

/**
 * The AIIR action's `receipts_json` output. `OVERFLOW` means the array did not fit in an output;
 * then the receipts are read from `fallbackDir` (its output directory or artifact), if given.
 */
export async function receiptsFromActionOutput(
  value: string,
  fallbackDir?: string
): Promise<LoadedReceipt[]> {
  if (value.trim() === OVERFLOW_MARKER) {
    if (fallbackDir === undefined)
      throw new QprovError(
        'INPUT_INVALID',
        'receipts_json is OVERFLOW (more than 1 MB); pass the AIIR output directory instead'
      )
    return loadReceipts(fallbackDir)
  }
  const doc = parseReceiptJson(value, 'receipts_json')
  if (!Array.isArray(doc))
    throw new QprovError('INPUT_INVALID', 'receipts_json must be a JSON array of receipts')
  return receiptsFromDocument(doc, 'receipts_json')
}

export function isReceiptFileName(path: string): boolean {
  return /^receipt_.*\.json$/.test(basename(path))
}

export type { Receipt }
