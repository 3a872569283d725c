import { resolve } from 'node:path'
import { OUTPUT_NAMES, attestWorkload, type AttestResult } from '../../attest/pipeline.js'
import { receiptSource, type ReceiptSource } from '../../attest/receipt-source.js'
import { planSigning } from '../../attest/sign.js'
import { QprovError } from '../../errors.js'
import { checkOutputDir } from '../../output-dir.js'
import { formatProvenanceTags } from '../../proof/tags.js'
import { rekorTagRefs } from '../../sigstore/rekor-entry.js'
import { rekorSearchURL, type SummaryLink } from '../../github/summary.js'
import type { ActionInputs } from '../inputs.js'
import type { Reporter } from '../reporter.js'
import { actionSigning } from '../signing.js'
import { outputPath } from '../../confined-path.js'
import { attestClosureCheck } from '../../binding/package-closure.js'

export { actionSigning }

/**
 * The receipt to wrap: the given file, the commit's entry of receipts-json, or one generated for
 * the commit with the action's generator id; the latter two are kept in out-dir beside the
 * attestation.
 */
export function actionReceipt(inputs: ActionInputs): ReceiptSource {
  return receiptSource(
    {
      ...(inputs.receipt ? { receipt: resolve(inputs.workspace, inputs.receipt) } : {}),
      receiptsJson: inputs.receiptsJson,
      commit: inputs.commit,
      declareAi: inputs.declareAi,
      generator: 'qprov.action',
      keep: true
    },
    'action'
  )
}

export function requireWorkload(inputs: ActionInputs): void {
  if (inputs.workload.length === 0)
    throw new QprovError('USAGE', `input workload is required for mode ${inputs.mode}`)
}

/** Mode attest: workload → receipt → signed statement, three files in out-dir. */
export async function runAttest(inputs: ActionInputs, report: Reporter): Promise<void> {
  requireWorkload(inputs)
  const signing = actionSigning(inputs)
  const outDir = outputPath(inputs.outDir, inputs.workspace, 'out-dir')
  // Before the receipt is read and the token requested: out-dir must take the attestation.
  checkOutputDir(outDir, { what: 'out-dir', files: Object.values(OUTPUT_NAMES) })
  const receipt = actionReceipt(inputs)
  const result = await attestWorkload({
    workload: inputs.workload,
    cwd: inputs.workspace,
    receipt,
    signing: () => planSigning(signing),
    outDir,
    checkManifest: attestClosureCheck(inputs.workspace),
    onProgress: m => report.info(m)
  })
  reportAttestation(result, report)
  report.output('job-tags', JSON.stringify(attestationTags(result)))
  report.output('out-dir', outDir)
  await report.summary({
    title: 'qprov attest',
    rows: attestationRows(result),
    chain: chainOf(result),
    links: rekorLinks(inputs, result)
  })
}

/** The provenance tags a job submitted elsewhere (qiskit-ibm-runtime `job_tags`) should carry. */
export function attestationTags(result: AttestResult): string[] {
  return formatProvenanceTags({
    statementDigest: result.statementDigest,
    packageDigest: result.packageDigest,
    ...rekorTagRefs(result.rekor)
  })
}

export function chainOf(result: AttestResult) {
  return {
    packageDigest: result.packageDigest,
    statementDigest: result.statementDigest,
    rekorLogIndex: result.rekor ? result.rekor.logIndex : null
  }
}

/** search.sigstore.dev shows public-good Rekor v1 entries only. */
export function rekorLinks(inputs: ActionInputs, result: AttestResult): SummaryLink[] {
  const url =
    result.rekor?.apiVersion === 1 &&
    inputs.sigstore === 'public-good' &&
    !inputs.sandbox &&
    !inputs.rekorURL
      ? rekorSearchURL(result.rekor.logIndex)
      : undefined
  return url ? [{ label: `Rekor entry ${result.rekor?.logIndex}`, url }] : []
}

export function reportAttestation(result: AttestResult, report: Reporter): void {
  report.output('statement-digest', result.statementDigest)
  report.output('package-digest', result.packageDigest)
  report.output('rekor-log-index', result.rekor?.logIndex ?? '')
  report.output('rekor-uuid', result.rekor?.apiVersion === 1 ? result.rekor.uuid : '')
  report.output('rekor-log-id', result.rekor?.apiVersion === 2 ? result.rekor.logId : '')
  report.output('bundle-path', result.files.bundle)
}

export function attestationRows(result: AttestResult): [string, string][] {
  return [
    ['statement digest', result.statementDigest],
    ['workload package digest', result.packageDigest],
    ['Rekor log index', result.rekor?.logIndex ?? '(none: signed timestamp only)'],
    ...(result.rekor?.apiVersion === 2
      ? ([
          ['Rekor v2 shard', result.rekor.url],
          ['Rekor log ID', result.rekor.logId]
        ] as [string, string][])
      : ([['Rekor entry UUID', result.rekor?.uuid ?? '(none: signed timestamp only)']] as [
          string,
          string
        ][])),
    ['bundle', result.files.bundle]
  ]
}
