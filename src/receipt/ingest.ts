import { constants } from 'node:fs'
import { lstat, open, readdir, type FileHandle } from 'node:fs/promises'
import { join } from 'node:path'
import { QprovError, oneLine } from '../errors.js'
import { JsonSyntaxError, parseJsonLiteral } from './json-literal.js'

/**
 * Reads receipts from everything the AIIR action leaves behind: a receipt file, a JSON array, a
 * `.jsonl` ledger, a directory of `receipt_*.json` (its output dir / downloaded artifact), or the
 * `receipts_json` step output string.
 */

export interface LoadedReceipt {
  path: string
  index: number
  receipt: unknown
  /** What held it: a file that is one JSON object, a JSON array, or a `.jsonl` ledger line. */
  container: 'object' | 'array' | 'ledger'
}

export const MAX_FILE_BYTES = 52_428_800
export const MAX_ARRAY_ITEMS = 1000
/** The AIIR action's `receipts_json` output holds this instead of JSON above 1 MB. */
export const OVERFLOW_MARKER = 'OVERFLOW'

/**
 * Reads a file the way the reference does: no symlinks, ≤ 50 MB, strict UTF-8. The checks and the
 * read go through one descriptor, so the bytes returned are the bytes of the file that was checked.
 * O_NONBLOCK keeps a FIFO from blocking the open; fstat then refuses it as not a regular file.
 */
export async function readReceiptText(path: string): Promise<{ text: string; bytes: Buffer }> {
  let fh: FileHandle
  try {
    fh = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK)
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code
    if (code === 'ELOOP')
      throw new QprovError(
        'INPUT_SYMLINK',
        `Receipt file is a symlink (refusing to verify): ${path}`
      )
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new QprovError('INPUT_NOT_FOUND', `File not found: ${path}`)
    throw new QprovError('INPUT_INVALID', `Cannot open ${path}: ${oneLine(e)}`)
  }
  let bytes: Buffer
  try {
    const st = await fh.stat()
    if (!st.isFile()) throw new QprovError('INPUT_INVALID', `Not a regular file: ${path}`)
    if (st.size > MAX_FILE_BYTES) throw tooLarge(st.size)
    bytes = await readCapped(fh, st.size)
  } finally {
    await fh.close()
  }
  try {
    // ignoreBOM keeps a leading U+FEFF in the text, so JSON parsing refuses it like json.loads
    const text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes)
    return { text, bytes }
  } catch {
    throw new QprovError('INPUT_NOT_JSON', `Invalid JSON: ${path} is not valid UTF-8`)
  }
}

function tooLarge(size: number): QprovError {
  return new QprovError('INPUT_TOO_LARGE', `File too large (${size} bytes, max ${MAX_FILE_BYTES})`)
}

/** Reads to end of file, refusing a file that grew past the cap after it was measured. */
async function readCapped(fh: FileHandle, size: number): Promise<Buffer> {
  const chunks: Buffer[] = []
  let total = 0
  let want = size + 1
  for (;;) {
    const buf = Buffer.allocUnsafe(Math.min(Math.max(want, 65_536), MAX_FILE_BYTES + 1 - total))
    const { bytesRead } = await fh.read(buf, 0, buf.length, null)
    if (bytesRead === 0) break
    chunks.push(buf.subarray(0, bytesRead))
    total += bytesRead
    if (total > MAX_FILE_BYTES) throw tooLarge(total)
    want = 65_536
  }
  return Buffer.concat(chunks, total)
}

/** What Python's json.loads says about a str that starts with U+FEFF. */
const BOM_MESSAGE = 'Unexpected UTF-8 BOM (decode using utf-8-sig): line 1 column 1 (char 0)'

/** Parses JSON text, mapping syntax errors to the reference's `Invalid JSON: …` input error. */
export function parseReceiptJson(text: string, where: string): unknown {
  if (text.startsWith('\uFEFF'))
    throw new QprovError('INPUT_NOT_JSON', `Invalid JSON: ${where}: ${BOM_MESSAGE}`)
  try {
    return parseJsonLiteral(text)
  } catch (e) {
    if (!(e instanceof JsonSyntaxError)) throw e
    throw new QprovError('INPUT_NOT_JSON', `Invalid JSON: ${where}: ${e.message}`)
  }
}

/** One parsed document (object or array) as receipts, enforcing the 1000-item array cap. */
export function receiptsFromDocument(doc: unknown, path: string): LoadedReceipt[] {
  if (!Array.isArray(doc)) return [{ path, index: 0, receipt: doc, container: 'object' }]
  if (doc.length > MAX_ARRAY_ITEMS)
    throw new QprovError(
      'INPUT_INVALID',
      `Receipt array too large (${doc.length} items, max ${MAX_ARRAY_ITEMS})`
    )
  return doc.map((receipt, index) => ({ path, index, receipt, container: 'array' as const }))
}

/** A `.jsonl` ledger: one receipt per non-blank line; `index` is the 0-based receipt position. */
export function receiptsFromLedger(text: string, path: string): LoadedReceipt[] {
  const out: LoadedReceipt[] = []
  text.split('\n').forEach((line, n) => {
    if (isBlankLine(line)) return
    const receipt = parseReceiptJson(line, `${path}:${n + 1}`)
    out.push({ path, index: out.length, receipt, container: 'ledger' })
  })
  return out
}

/** JS trim() drops U+FEFF but Python's strip() does not: a BOM line is JSON to refuse, not blank. */
function isBlankLine(line: string): boolean {
  return !line.includes('\uFEFF') && line.trim() === ''
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
  return (await loadReceiptFile(path)).receipts
}

/** Reads one receipt file once; `bytes` are exactly the bytes the receipts were parsed from. */
export async function loadReceiptFile(
  path: string
): Promise<{ receipts: LoadedReceipt[]; bytes: Buffer }> {
  const { text, bytes } = await readReceiptText(path)
  return { receipts: receiptsFromText(text, path), bytes }
}

/** A `.jsonl` path is a ledger; anything else is one JSON document. */
export function receiptsFromText(text: string, path: string): LoadedReceipt[] {
  if (path.endsWith('.jsonl')) return receiptsFromLedger(text, path)
  return receiptsFromDocument(parseReceiptJson(text, path), path)
}

/**
 * `receipt_*.json` in name order; without any, the directory's `.aiir/receipts.jsonl` ledger.
 * Subdirectories are never entered, whatever their name; any other non-regular entry (a symlink,
 * a FIFO) is refused by readReceiptText rather than skipped.
 */
async function loadDirectory(dir: string): Promise<LoadedReceipt[]> {
  const names = (await readdir(dir, { withFileTypes: true }))
    .filter(d => !d.isDirectory() && /^receipt_.*\.json$/.test(d.name))
    .map(d => d.name)
    .sort()
  if (names.length === 0) {
    for (const ledger of [join(dir, 'receipts.jsonl'), join(dir, '.aiir', 'receipts.jsonl')]) {
      const found = await lstat(ledger).then(
        () => true,
        () => false
      )
      if (found) return (await loadReceiptFile(ledger)).receipts
    }
    throw new QprovError('INPUT_NOT_FOUND', `No receipt_*.json files in directory: ${dir}`)
  }
  const out: LoadedReceipt[] = []
  for (const n of names) out.push(...(await loadReceiptFile(join(dir, n))).receipts)
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
