import type { Command } from 'commander'
import type { ProofSource } from '../../binding/proof-sources.js'
import { QprovError } from '../../errors.js'
import { READ_LIMITS, readBoundedText } from '../../read-file.js'
import { checkEndpointURL, refuseUrlCredentials } from '../../url-credentials.js'
import { printJson, printOut, progress } from '../io.js'
import { addConnectionOptions } from '../connection-options.js'
import { client, loadRuntime, type RuntimeFlags } from './runtime.js'

interface FetchFlags extends RuntimeFlags {
  job: string
  from?: string[]
  repo?: string
  githubApiUrl?: string
  trustedRoot?: string
  certificateIdentity?: string
  certificateIdentityRegexp?: string
  certificateOidcIssuer?: string
  out: string
  json?: boolean
}

/** The signer policy that picks attestations; undefined when none of its flags is given. */
async function signerPolicy(flags: FetchFlags) {
  const id = flags.certificateIdentity
  const re = flags.certificateIdentityRegexp
  const issuer = flags.certificateOidcIssuer
  if (id === undefined && re === undefined && issuer === undefined) {
    if (flags.trustedRoot !== undefined)
      throw new QprovError('USAGE', '--trusted-root needs a signer policy (--certificate-…)')
    return undefined
  }
  if ((id === undefined) === (re === undefined))
    throw new QprovError(
      'USAGE',
      'give exactly one of --certificate-identity / --certificate-identity-regexp'
    )
  if (issuer === undefined) throw new QprovError('USAGE', '--certificate-oidc-issuer is required')
  refuseUrlCredentials(issuer, '--certificate-oidc-issuer')
  let trustedRoot: string | undefined
  if (flags.trustedRoot !== undefined)
    trustedRoot = readBoundedText(flags.trustedRoot, READ_LIMITS.trustedRoot)
  return {
    policy: { ...(id !== undefined ? { identity: id } : { identityRegExp: re }), issuer },
    ...(trustedRoot !== undefined ? { trustedRoot } : {})
  }
}

async function githubSources(flags: FetchFlags, repo: string): Promise<ProofSource[]> {
  const signer = await signerPolicy(flags)
  if (!signer) progress('no signer policy (--certificate-…): the attestation store is not searched')
  const { githubProofSources } = await import('../../github/fetch-sources.js')
  return githubProofSources({
    repository: repo,
    apiURL: flags.githubApiUrl ?? process.env.GITHUB_API_URL ?? 'https://api.github.com',
    // From the environment only: a token on the command line would sit in shell history and ps.
    token: process.env.GITHUB_TOKEN || process.env.GH_TOKEN,
    ...(signer ? { signer } : {})
  })
}

async function fetchAction(flags: FetchFlags): Promise<void> {
  if (!flags.from?.length && flags.repo === undefined)
    throw new QprovError('USAGE', 'give at least one source: --from DIR or --repo OWNER/REPO')
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
    ...(flags.repo !== undefined ? await githubSources(flags, flags.repo) : [])
  ]
  const r = await fetchProof({
    jobId: flags.job,
    api: client(m, flags).api,
    sources,
    outDir: flags.out,
    onProgress: progress
  })
  if (flags.json) {
    printJson({
      jobId: r.query.jobId,
      statementDigest: r.query.statementDigest,
      source: r.found.source,
      location: r.found.location,
      completedFrom: r.found.completedFrom ?? [],
      rejected: r.rejected,
      skipped: r.skipped,
      out: flags.out
    })
    return
  }
  printOut(`job: ${r.query.jobId}`)
  printOut(`found in ${r.found.source}: ${r.found.location}`)
  for (const c of r.found.completedFrom ?? []) printOut(`completed from ${c}`)
  for (const x of r.skipped) printOut(`skipped ${x.location}: ${x.reason}`)
  for (const x of r.rejected) printOut(`rejected ${x.location}: ${x.reason}`)
  printOut(`wrote the proof bundle into ${flags.out}; check it with qprov verify ${flags.out}`)
}

export function registerFetchCommand(program: Command): void {
  const cmd = program
    .command('fetch')
    .description(
      'Rebuild the proof bundle of a Runtime job: read the job, parse its qprov tags, find\n' +
        'the bundle in the sources (in order: --from directories, then with --repo the GitHub\n' +
        'attestation store, release assets <job-id>.qprov.json and workflow artifacts) and\n' +
        'write it into --out. A bundle whose binding disagrees with the tags is refused.\n' +
        'Attestations are picked by predicate type and the signer policy, never by order.\n' +
        'The GitHub token is read from GITHUB_TOKEN or GH_TOKEN. Run qprov verify on --out.'
    )
    .requiredOption('--job <id>', 'Runtime job ID')
    .option(
      '--from <dirs...>',
      'directories holding proof bundle directories or *.qprov.json files'
    )
    .option(
      '--repo <owner/repo>',
      'GitHub repository to search (attestations, release assets, artifacts)'
    )
    .option(
      '--github-api-url <url>',
      'GitHub REST API URL (default: $GITHUB_API_URL or https://api.github.com)'
    )
    .option('--trusted-root <file>', 'trusted_root.json that attestations must chain to')
    .option('--certificate-identity <san>', 'exact signer of the attestations to pick')
    .option('--certificate-identity-regexp <re>', 'regexp the signer SAN must match (anchored)')
    .option('--certificate-oidc-issuer <url>', 'exact OIDC issuer of that signer')
    .requiredOption('--out <dir>', 'directory for the proof bundle')
    .option('--json', 'print a JSON object instead of text')
  addConnectionOptions(cmd).action(fetchAction)
}
