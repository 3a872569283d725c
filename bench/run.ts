// `npm run bench`: one table of ratios, each against a reference measured in the same run, with the
// absolute numbers and the machine. `--json [FILE]` writes the same table as JSON (stdout without
// FILE). QPROV_BENCH_QUICK=1 shrinks every size for a smoke run; its numbers are not comparable.
import { writeFileSync } from 'node:fs'
import { runActionBench } from './action.js'
import { runAuditBench } from './audit.js'
import { DIGEST_FULL, DIGEST_QUICK, runDigestBench } from './digest.js'
import { RECEIPTS_FULL, RECEIPTS_QUICK, runReceiptBench } from './receipts.js'
import { runVerifyBench } from './verify.js'
import { renderSizes, type SizeRow } from './sizes.js'
import { machine, renderTable, unavailable, type BenchRow, type BenchTable } from './table.js'

const quick = process.env.QPROV_BENCH_QUICK === '1'
const args = process.argv.slice(2)
const jsonAt = args.indexOf('--json')
const jsonFile =
  jsonAt >= 0 && args[jsonAt + 1] && !args[jsonAt + 1]?.startsWith('--')
    ? args[jsonAt + 1]
    : undefined
const only = args.filter((a, i) => !a.startsWith('--') && !(jsonAt >= 0 && i === jsonAt + 1))[0]

const progress = (m: string) => process.stderr.write(`bench: ${m}\n`)

/** A benchmark that fails shows as n/a with its reason, never as a number. */
async function rowsOf(names: string[], run: () => Promise<BenchRow[]>): Promise<BenchRow[]> {
  try {
    return await run()
  } catch (e) {
    const why = `failed: ${(e as Error).message.split('\n')[0]}`
    progress(`${names.join(', ')} ${why}`)
    return names.map(n => unavailable(n, why))
  }
}

const rows: BenchRow[] = []
let sizes: SizeRow[] = []
if (!only || only === 'digest') {
  progress('digest (openssl, sha256sum)…')
  rows.push(...(await runDigestBench(quick ? DIGEST_QUICK : DIGEST_FULL)))
}
if (!only || only === 'receipts') {
  progress('receipts (per-commit git)…')
  rows.push(...(await runReceiptBench(quick ? RECEIPTS_QUICK : RECEIPTS_FULL)))
}
if (!only || only === 'verify') {
  progress('verify (raw @sigstore/verify, workers 1 and 2)…')
  rows.push(
    ...(await rowsOf(['verify: 1 worker', 'verify: 2 workers'], () => runVerifyBench(quick)))
  )
}
if (!only || only === 'audit') {
  progress('audit (1,000 emulator jobs, a quarter missing or tampered; verify; workers 1 and 2)…')
  rows.push(
    ...(await rowsOf(['audit: 1 worker vs verify', 'audit: 2 workers vs 1'], () =>
      runAuditBench(quick)
    ))
  )
}
if (!only || only === 'action') {
  progress('cold starts (action and CLI, verify) and bundle sizes…')
  rows.push(
    ...(await rowsOf(
      ['action cold start, verify mode', 'CLI cold start, qprov verify'],
      async () => {
        const r = await runActionBench(quick)
        sizes = r.sizes
        return r.rows
      }
    ))
  )
}

const table: BenchTable & { sizes: SizeRow[] } = { machine: machine(), quick, rows, sizes }
const text = () =>
  [renderTable(table), ...(sizes.length ? ['', renderSizes(sizes)] : [])].join('\n')
if (jsonAt < 0) console.log(text())
else if (jsonFile) {
  writeFileSync(jsonFile, `${JSON.stringify(table, null, 2)}\n`)
  console.log(text())
  progress(`wrote ${jsonFile}`)
} else console.log(JSON.stringify(table, null, 2))
