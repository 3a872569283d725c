import { resolve } from 'node:path'
import { QprovError } from '../errors.js'
import { attestWorkload } from '../attest/pipeline.js'
import type { ActionInputs } from './inputs.js'
import type { Reporter } from './reporter.js'

/** inputs → pipeline → outputs. Each mode is a thin call into domain code. */
export async function runAction(inputs: ActionInputs, report: Reporter): Promise<void> {
  switch (inputs.mode) {
    case 'attest':
      return runAttest(inputs, report)
    default:
      throw new QprovError(
        'MODE_NOT_IMPLEMENTED',
        `mode "${inputs.mode}" is not implemented yet in this version of qprov`
      )
  }
}

async function runAttest(inputs: ActionInputs, report: Reporter): Promise<void> {
  if (inputs.workload.length === 0)
    throw new QprovError('USAGE', 'input workload is required for mode attest')
  const outDir = resolve(inputs.workspace, inputs.outDir)
  const result = await attestWorkload({
    workload: inputs.workload,
    cwd: inputs.workspace,
    receiptFile: inputs.receipt && resolve(inputs.workspace, inputs.receipt),
    commit: inputs.commit,
    signing: {
      instance: inputs.sigstore,
      fulcioURL: inputs.fulcioURL,
      rekorURL: inputs.rekorURL,
      tsaURL: inputs.tsaURL
    },
    outDir,
    onProgress: m => report.info(m)
  })
  report.output('statement-digest', result.statementDigest)
  report.output('package-digest', result.packageDigest)
  report.output('rekor-log-index', result.rekor?.logIndex ?? '')
  report.output('rekor-uuid', result.rekor?.uuid ?? '')
  report.output('bundle-path', result.files.bundle)
  report.output('out-dir', outDir)
  await report.summary('qprov attest', [
    ['statement digest', result.statementDigest],
    ['workload package digest', result.packageDigest],
    ['Rekor log index', result.rekor?.logIndex ?? '(none)'],
    ['Rekor entry UUID', result.rekor?.uuid ?? '(none)'],
    ['bundle', result.files.bundle]
  ])
}
