import { optionName, type Caller } from '../option-names.js'
import { QprovError } from '../errors.js'
import { encodeSidecar } from '../receipt/cbor-sidecar.js'
import { generateReceipts } from '../receipt/generate.js'
import { git } from '../receipt/git.js'
import { loadReceipts, receiptsFromActionOutput } from '../receipt/ingest.js'
import { predicateValue } from '../proof/predicate-value.js'
import { checkRef } from '../receipt/refs.js'
import type { Receipt } from '../receipt/types.js'
import { verifyReceipt } from '../receipt/verify.js'
import { receiptFileName, receiptFileText } from '../receipt/writer.js'

/**
 * Where the one receipt an attestation wraps comes from: a file, generated from git, or picked
 * out of the AIIR action's receipts_json output. A generated or picked receipt is kept in the
 * output directory (with its CBOR sidecar) when `keep` is set.
 */
export type ReceiptSource =
  | { from: 'file'; path: string }
  | { from: 'git'; commit: string; declareAi?: string[]; generator?: string; keep?: boolean }
  | { from: 'receipts-json'; json: string; commit: string; keep?: boolean }

/** What the user chose, as the CLI flags or action inputs gave it. */
export interface ReceiptChoice {
  receipt?: string
  receiptsJson?: string
  commit?: string
  declareAi?: string[]
  generator?: string
  keep?: boolean
}

/** The one place that turns a choice into a source and refuses contradictory ones. */
export function receiptSource(c: ReceiptChoice, caller: Caller = 'cli'): ReceiptSource {
  const names = {
    receipt: optionName('receipt', caller),
    receiptsJson: optionName('receipts-json', caller),
    commit: optionName('commit', caller)
  }
  const declareAi = c.declareAi?.length ? { declareAi: c.declareAi } : {}
  const keep = c.keep ? { keep: true } : {}
  if (c.receipt) {
    if (c.receiptsJson)
      throw new QprovError(
        'USAGE',
        `give either ${names.receipt} or ${names.receiptsJson}, not both`
      )
    if (c.commit)
      throw new QprovError('USAGE', `give either ${names.receipt} or ${names.commit}, not both`)
    if (c.declareAi?.length)
      throw new QprovError(
        'USAGE',
        `AI involvement is declared when a receipt is generated, not with ${names.receipt}`
      )
    return { from: 'file', path: c.receipt }
  }
  const commit = c.commit || 'HEAD'
  if (c.receiptsJson) return { from: 'receipts-json', json: c.receiptsJson, commit, ...keep }
  return {
    from: 'git',
    commit,
    ...declareAi,
    ...(c.generator ? { generator: c.generator } : {}),
    ...keep
  }
}

function only(loaded: { receipt: unknown }[], what: string): unknown {
  if (loaded.length !== 1)
    throw new QprovError(
      'INPUT_INVALID',
      `${what} holds ${loaded.length} receipts; attest wraps exactly one`
    )
  return loaded[0]?.receipt
}

/** The receipt of `commit` in the AIIR action's receipts_json output. */
async function fromActionOutput(json: string, commit: string, cwd: string): Promise<unknown> {
  const ref = checkRef(commit)
  const sha = (await git(cwd, ['rev-parse', '--verify', '--end-of-options', `${ref}^{commit}`]))
    .toString('utf8')
    .trim()
  const loaded = await receiptsFromActionOutput(json)
  const mine = loaded.filter(l => (l.receipt as { commit?: { sha?: unknown } }).commit?.sha === sha)
  if (mine.length === 0)
    throw new QprovError(
      'INPUT_INVALID',
      `receipts-json holds ${loaded.length} receipts, none for commit ${sha}`
    )
  if (mine.length > 1)
    throw new QprovError(
      'INPUT_INVALID',
      `receipts-json holds ${mine.length} receipts for commit ${sha}; expected one`
    )
  return mine[0]?.receipt
}

export interface ObtainedReceipt {
  /** The receipt as the statement's predicate. */
  predicate: Record<string, unknown>
  /** Files to write beside the attestation: the receipt and its CBOR sidecar, when kept. */
  files: [name: string, bytes: Buffer][]
}

/** Loads, generates or picks the one receipt, and refuses anything that does not verify. */
export async function obtainReceipt(
  source: ReceiptSource,
  cwd: string,
  onProgress?: (message: string) => void
): Promise<ObtainedReceipt> {
  let receipt: unknown
  let origin: string
  if (source.from === 'file') {
    receipt = only(await loadReceipts(source.path), source.path)
    origin = source.path
  } else if (source.from === 'receipts-json') {
    receipt = await fromActionOutput(source.json, source.commit, cwd)
    origin = `the receipts-json entry for ${source.commit}`
  } else {
    onProgress?.(`generating an AIIR receipt for ${source.commit}`)
    const generated = await generateReceipts({
      repoDir: cwd,
      commit: source.commit,
      ...(source.declareAi ? { declareAi: source.declareAi } : {}),
      ...(source.generator ? { generator: source.generator } : {})
    })
    if (generated.length !== 1)
      throw new QprovError(
        'INTERNAL',
        `expected one receipt for ${source.commit}, got ${generated.length}`
      )
    receipt = generated[0]
    origin = `the receipt generated for ${source.commit}`
  }
  const verdict = verifyReceipt(receipt)
  if (!verdict.valid)
    throw new QprovError(
      'RECEIPT_INVALID',
      `refusing to attest ${origin}: it does not verify (${verdict.errors.join('; ') || 'hash mismatch'})`,
      { details: { errors: verdict.errors } }
    )
  const predicate = predicateValue(receipt) as Record<string, unknown>
  if (source.from === 'file' || !source.keep) return { predicate, files: [] }
  const name = receiptFileName(predicate as Receipt)
  return {
    predicate,
    files: [
      [name, Buffer.from(receiptFileText(predicate as Receipt))],
      [`${name.slice(0, -'.json'.length)}.cbor`, Buffer.from(encodeSidecar(predicate as Receipt))]
    ]
  }
}
