import type { Command } from 'commander'
import type { FetchedProof, FetchPolicy } from '../../binding/fetch-proof.js'
import type { ProofSource } from '../../binding/proof-sources.js'
import { describeRejection } from '../../binding/rejection.js'
import { QprovError } from '../../errors.js'
import { checkEndpointURL } from '../../url-credentials.js'
import { printJson, printOut, progress } from '../io.js'
import { verifyAfterFetch } from '../next-command.js'
import { addConnectionOptions } from '../connection-options.js'
import {
  addVerificationOptions,
  verificationFromFlags,
  type VerificationFlags
} from '../verification-options.js'
import { client, loadRuntime, type RuntimeFlags } from './runtime.js'

interface FetchFlags extends RuntimeFlags, VerificationFlags {
  job: string
  from?: string[]
  repo?: string
  githubApiUrl?: string
  out: string
  json?: boolean
}

async function githubSources(
  flags: FetchFlags,
  repo: string,
  signer: FetchPolicy
): Promise<ProofSource[]> {
  const { githubProofSources } = await import('../../github/fetch-sources.js')
  return githubProofSources({
    repository: repo,
    apiURL: flags.githubApiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
    // From the environment only: a token on the command line would sit in shell history and ps.
    token: process.env.GITHUB_TOKEN || process.env.GH_TOKEN,
    signer
  })
}

function report(r: FetchedProof, flags: FetchFlags): void {
  const where = (c: FetchedProof['chosen']) => ({
    source: c.found.source,
    location: c.found.location,
    signedAt: c.signedAt.toISOString(),
    completedFrom: c.found.completedFrom ?? []
  })
  if (flags.json) {
    printJson({
      jobId: r.query.jobId,
      statementDigest: r.query.statementDigest,
      ...where(r.chosen),
      valid: r.valid.map(where),
      rejected: r.rejected.map(x => ({
        source: x.source,
        location: x.location,
        ...x.rejection,
        detail: x.detail
      })),
      skipped: r.skipped,
      out: flags.out
    })
    return
  }
  printOut(`job: ${r.query.jobId}`)
  const c = r.chosen
  printOut(`found in ${c.found.source}: ${c.found.location} (signed ${c.signedAt.toISOString()})`)
  for (const x of c.found.completedFrom ?? []) printOut(`completed from ${x}`)
  for (const v of r.valid.slice(1))
    printOut(
      `also verified, not taken (signed ${v.signedAt.toISOString()}): ${v.found.source}: ${v.found.location}`
    )
  for (const x of r.skipped) printOut(`skipped ${x.location}: ${x.reason}`)
  for (const x of r.rejected) printOut(`rejected ${x.location}: ${describeRejection(x)}`)
  printOut(`wrote the verified proof bundle into ${flags.out}`)
  printOut(verifyAfterFetch(flags.out, r.query.jobId, flags))
}

async function fetchAction(flags: FetchFlags): Promise<void> {
  if (!flags.from?.length && flags.repo === undefined)
    throw new QprovError('USAGE', 'give at least one source: --from DIR or --repo OWNER/REPO')
  // Fetch verifies every candidate: without a policy it would have nothing to pick by.
  const verification = verificationFromFlags(flags)
  const m = await loadRuntime()
  m.checkJobId(flags.job)
  if (flags.githubApiUrl !== undefined) checkEndpointURL(flags.githubApiUrl, '--github-api-url')
  const [{ fetchProof }, { LocalDirectorySource }, { checkOutputDir }, { PROOF_FILES }] =
    await Promise.all([
      import('../../binding/fetch-proof.js'),
      import('../../binding/proof-sources.js'),
      import('../../output-dir.js'),
      import('../../proof/layout.js')
    ])
  // Before any source or the job is read: an --out that cannot take the bundle costs no request.
  checkOutputDir(flags.out, { what: '--out', files: Object.values(PROOF_FILES) })
  const sources: ProofSource[] = [
    ...(flags.from?.length ? [new LocalDirectorySource(flags.from)] : []),
    ...(flags.repo !== undefined ? await githubSources(flags, flags.repo, verification) : [])
  ]
  const r = await fetchProof({
    jobId: flags.job,
    api: client(m, flags).api,
    sources,
    verification,
    outDir: flags.out,
    onProgress: progress
  })
  report(r, flags)
}

export function registerFetchCommand(program: Command): void {
  const cmd = program
    .command('fetch')
    .description(
      'Rebuild the verified proof bundle of a Runtime job: read the job, parse its qprov tags,\n' +
        'search the sources (in order: --from directories, then with --repo the GitHub\n' +
        'attestation store, release assets <job-id>.qprov.json and workflow artifacts), verify\n' +
        'every candidate as qprov verify --online would (same policy flags; required), pinned\n' +
        'to --job, report each rejected one with the checks it failed, and write the one whose\n' +
        'binding was signed last into --out. The GitHub token is read from GITHUB_TOKEN or\n' +
        'GH_TOKEN. Exit 1 if no candidate verifies, 2 on usage errors.'
    )
    .requiredOption('--job <id>', 'Runtime job ID')
    .option('--from <dir...>', 'directories holding proof bundle directories or *.qprov.json files')
    .option(
      '--repo <owner/repo>',
      'GitHub repository to search (attestations, release assets, artifacts)'
    )
    .option(
      '--github-api-url <url>',
      'GitHub REST API URL (default: $GITHUB_API_URL or https://api.github.com)'
    )
  addVerificationOptions(cmd)
    .requiredOption('--out <dir>', 'directory for the proof bundle')
    .option('--json', 'print a JSON object instead of text')
  addConnectionOptions(cmd).action(fetchAction)
}
