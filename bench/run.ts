// `npm run bench`: one table of ratios, each against a reference measured in the same run, with the
// absolute numbers and the machine. `--json [FILE]` writes the same table as JSON (stdout without
// FILE). QPROV_BENCH_QUICK=1 shrinks every size for a smoke run; its numbers are not comparable.
import { existsSync, writeFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { DIGEST_FULL, DIGEST_QUICK, runDigestBench } from './digest.js'
import { RECEIPTS_FULL, RECEIPTS_QUICK, runReceiptBench } from './receipts.js'
import { machine, renderTable, unavailable, type BenchRow, type BenchTable } from './table.js'

const quick = process.env.QPROV_BENCH_QUICK === '1'
const args = process.argv.slice(2)
const jsonAt = args.indexOf('--json')
const jsonFile =
  jsonAt >= 0 && args[jsonAt + 1] && !args[jsonAt + 1]?.startsWith('--')
    ? args[jsonAt + 1]
    : undefined
const only = args.filter((a, i) => !a.startsWith('--') && !(jsonAt >= 0 && i === jsonAt + 1))[0]

const here = (p: string) => fileURLToPath(new URL(p, import.meta.url))
const progress = (m: string) => process.stderr.write(`bench: ${m}\n`)

/** The verifier rows come from bench/verify.ts once `qprov verify` exists; until then, say so. */
async function verifyRows(): Promise<BenchRow[]> {
  if (!existsSync(here('./verify.ts')))
    return [
      unavailable('verify: 1 worker', 'verify not built (bench/verify.ts missing)'),
      unavailable('verify: 2 workers', 'verify not built (bench/verify.ts missing)')
    ]
  const path = './verify.js'
  const mod = (await import(path)) as { runVerifyBench?: (quick: boolean) => Promise<BenchRow[]> }
  if (typeof mod.runVerifyBench !== 'function')
    return [unavailable('verify', 'bench/verify.ts does not export runVerifyBench(quick)')]
  return mod.runVerifyBench(quick)
}

/** Process start to verdict on one bundle in the action's verify mode, when that mode exists. */
async function actionRows(): Promise<BenchRow[]> {
  if (!existsSync(here('../src/action/modes/verify.ts')))
    return [unavailable('action cold start, verify mode', 'verify mode not built')]
  const path = './action.js'
  if (!existsSync(here('./action.ts')))
    return [
      unavailable(
        'action cold start, verify mode',
        'verify mode exists; bench/action.ts not written yet'
      )
    ]
  const mod = (await import(path)) as { runActionBench?: (quick: boolean) => Promise<BenchRow[]> }
  return typeof mod.runActionBench === 'function'
    ? mod.runActionBench(quick)
    : [
        unavailable(
          'action cold start, verify mode',
          'bench/action.ts does not export runActionBench'
        )
      ]
}

const rows: BenchRow[] = []
if (!only || only === 'digest') {
  progress('digest (openssl, sha256sum)…')
  rows.push(...(await runDigestBench(quick ? DIGEST_QUICK : DIGEST_FULL)))
}
if (!only || only === 'receipts') {
  progress('receipts (per-commit git)…')
  rows.push(...(await runReceiptBench(quick ? RECEIPTS_QUICK : RECEIPTS_FULL)))
}
if (!only || only === 'verify') {
  progress('verify (raw @sigstore/verify)…')
  rows.push(...(await verifyRows()))
}
if (!only || only === 'action') rows.push(...(await actionRows()))

const table: BenchTable = { machine: machine(), quick, rows }
if (jsonAt < 0) console.log(renderTable(table))
else if (jsonFile) {
  writeFileSync(jsonFile, `${JSON.stringify(table, null, 2)}\n`)
  console.log(renderTable(table))
  progress(`wrote ${jsonFile}`)
} else console.log(JSON.stringify(table, null, 2))
