import { resolve } from 'node:path'
import { attestWorkload, type AttestResult } from '../../attest/pipeline.js'
import { receiptSource, type ReceiptSource } from '../../attest/receipt-source.js'
import { planSigning } from '../../attest/sign.js'
import type { SigningConfig } from '../../attest/signing-types.js'
import { QprovError } from '../../errors.js'
import type { ActionInputs } from '../inputs.js'
import type { Reporter } from '../reporter.js'

/** Signing in the action: GitHub OIDC (ACTIONS_ID_TOKEN_REQUEST_*) against the chosen instance. */
export function actionSigning(inputs: ActionInputs): SigningConfig {
  return {
    instance: inputs.sigstore,
    fulcioURL: inputs.fulcioURL,
    rekorURL: inputs.rekorURL,
    tsaURL: inputs.tsaURL
  }
}

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
    { receipt: 'input receipt', receiptsJson: 'input receipts-json', commit: 'input commit' }
  )
}

export function requireWorkload(inputs: ActionInputs): void {
  if (inputs.workload.length === 0)
    throw new QprovError('USAGE', `input workload is required for mode ${inputs.mode}`)
}

/** Mode attest: workload → receipt → signed statement, three files in out-dir. */
export async function runAttest(inputs: ActionInputs, report: Reporter): Promise<void> {
  requireWorkload(inputs)
  const outDir = resolve(inputs.workspace, inputs.outDir)
  const receipt = actionReceipt(inputs)
  const result = await attestWorkload({
    workload: inputs.workload,
    cwd: inputs.workspace,
    receipt,
    signing: await planSigning(actionSigning(inputs)),
    outDir,
    onProgress: m => report.info(m)
  })
  reportAttestation(result, report)
  report.output('out-dir', outDir)
  await report.summary('qprov attest', attestationRows(result))
}

export function reportAttestation(result: AttestResult, report: Reporter): void {
  report.output('statement-digest', result.statementDigest)
  report.output('package-digest', result.packageDigest)
  report.output('rekor-log-index', result.rekor?.logIndex ?? '')
  report.output('rekor-uuid', result.rekor?.uuid ?? '')
  report.output('bundle-path', result.files.bundle)
}

export function attestationRows(result: AttestResult): [string, string][] {
  return [
    ['statement digest', result.statementDigest],
    ['workload package digest', result.packageDigest],
    ['Rekor log index', result.rekor?.logIndex ?? '(none)'],
    ['Rekor entry UUID', result.rekor?.uuid ?? '(none)'],
    ['bundle', result.files.bundle]
  ]
}
