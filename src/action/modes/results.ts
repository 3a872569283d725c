import { resolve } from 'node:path'
import { QprovError } from '../../errors.js'
import { sha256Digest } from '../../proof/binding-document.js'
import { RESULTS_FILES } from '../../proof/layout.js'
import { readProofDirectory } from '../../proof/proof-bundle.js'
import { decodeResults } from '../../verify/results-decode.js'
import type { GitHubEdges } from '../github-edges.js'
import type { ActionInputs } from '../inputs.js'
import type { Reporter } from '../reporter.js'
import { witnessForAction } from './results-witness.js'
import { connect, publishOrKeep, runLinks } from './runtime.js'

/**
 * Mode results: job-id and the bundle directory of a submit or tag step (input bundle, or
 * out-dir); the completed bundle is published like the other modes.
 */
export async function runResults(
  inputs: ActionInputs,
  report: Reporter,
  gh: GitHubEdges,
  env: NodeJS.ProcessEnv = process.env
): Promise<void> {
  if (!inputs.jobId) throw new QprovError('USAGE', 'input job-id is required for mode results')
  if (inputs.bundle.length > 1)
    throw new QprovError('USAGE', 'mode results takes one bundle directory')
  const dir = resolve(inputs.workspace, inputs.bundle[0] ?? inputs.outDir)
  const w = await witnessForAction(inputs, report, connect(inputs, env), inputs.jobId, dir, env)
  report.output('job-id', w.result.jobId)
  report.output('bundle-path', dir)
  report.output('out-dir', dir)
  // Everything the bundle holds is published, each file checked against what was read here.
  const files = await readProofDirectory(dir)
  const digests = Object.fromEntries(Object.entries(files).map(([n, b]) => [n, sha256Digest(b)]))
  for (const [n, d] of Object.entries(w.digests))
    if (digests[n] !== d)
      throw new QprovError('PUBLISH_FAILED', `${n} changed after this run wrote it`)
  const bindingDigest = digests['binding.json']
  if (bindingDigest === undefined)
    throw new QprovError('INPUT_NOT_FOUND', `${dir} holds no binding.json`)
  const published = await publishOrKeep(
    inputs,
    w.result.jobId,
    dir,
    { bindingDigest, digests } as Parameters<typeof publishOrKeep>[3],
    gh,
    report
  )
  // The top outcomes of the bytes this run stored and signed (checked against w.digests above).
  const resultsBytes = files[RESULTS_FILES.results]
  await report.summary({
    title: 'qprov results',
    rows: [['job ID', w.result.jobId], ...w.rows, ['proof bundle', dir], ...published.rows],
    chain: { jobId: w.result.jobId, bindingDigest },
    ...(resultsBytes ? { results: decodeResults(resultsBytes) } : {}),
    links: [...published.links, ...runLinks(gh)]
  })
}
