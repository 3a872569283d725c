import { QprovError } from '../../errors.js'
import { generateReceipts } from '../../receipt/generate.js'
import type { AiAttestation, CommitObject, Receipt } from '../../receipt/types.js'
import { writeReceipts } from '../../receipt/writer.js'
import type { ActionInputs } from '../inputs.js'
import type { Reporter } from '../reporter.js'
import { outputPath } from '../../confined-path.js'

/** The summary lists this many receipts; the rest are counted (a summary is capped at 1 MiB). */
const SUMMARY_ROWS = 50

/** Mode receipt: AIIR receipts for one commit or a range, written into out-dir. */
export async function runReceipt(inputs: ActionInputs, report: Reporter): Promise<void> {
  if (inputs.commit && inputs.commitRange)
    throw new QprovError('USAGE', 'give either input commit or input commit-range, not both')
  const outDir = outputPath(inputs.outDir, inputs.workspace, 'out-dir')
  const what = inputs.commitRange ?? inputs.commit ?? 'HEAD'
  report.info(`generating AIIR receipts for ${what}`)
  const receipts = await generateReceipts({
    repoDir: inputs.workspace,
    ...(inputs.commitRange ? { range: inputs.commitRange } : { commit: inputs.commit ?? 'HEAD' }),
    declareAi: inputs.declareAi,
    generator: 'qprov.action'
  })
  const paths = await writeReceipts(outDir, receipts)
  const ai = receipts.filter(r => aiOf(r)?.is_ai_authored === true).length
  report.info(`wrote ${paths.length} receipts into ${outDir} (${ai} declare AI involvement)`)
  report.output('receipt-count', String(receipts.length))
  report.output('ai-commit-count', String(ai))
  report.output('out-dir', outDir)
  const rows: [string, string][] = receipts
    .slice(0, SUMMARY_ROWS)
    .map(r => [commitOf(r)?.sha.slice(0, 12) ?? '?', describe(r)])
  if (receipts.length > SUMMARY_ROWS)
    rows.push(['…', `${receipts.length - SUMMARY_ROWS} more receipts in ${outDir}`])
  rows.push(['receipts', String(receipts.length)], ['declaring AI involvement', String(ai)])
  await report.summary({ title: `qprov receipts for ${what}`, rows })
}

function aiOf(r: Receipt): AiAttestation | undefined {
  return r.ai_attestation as AiAttestation | undefined
}

function commitOf(r: Receipt): CommitObject | undefined {
  return r.commit as CommitObject | undefined
}

function describe(r: Receipt): string {
  const a = aiOf(r)
  const signals = a && a.signals_detected.length > 0 ? ` (${a.signals_detected.join(', ')})` : ''
  return `${a?.authorship_class ?? 'unknown'}${signals}: ${commitOf(r)?.subject ?? ''}`
}
