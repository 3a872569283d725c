import type { Command } from 'commander'
import { QprovError } from '../../errors.js'
import { printJson, printOut, progress } from '../io.js'
import { addConnectionOptions } from '../connection-options.js'
import { client, loadRuntime, type RuntimeFlags } from './runtime.js'

interface FetchFlags extends RuntimeFlags {
  job: string
  from?: string[]
  repo?: string
  out: string
  json?: boolean
}

async function fetchAction(flags: FetchFlags): Promise<void> {
  if (flags.repo !== undefined)
    throw new QprovError(
      'MODE_NOT_IMPLEMENTED',
      '--repo: the GitHub sources (attestation store, workflow artifacts, release assets) are not in this build; use --from DIR'
    )
  if (!flags.from?.length) throw new QprovError('USAGE', 'give at least one source: --from DIR')
  const m = await loadRuntime()
  m.checkJobId(flags.job)
  const [{ fetchProof }, { LocalDirectorySource }] = await Promise.all([
    import('../../binding/fetch-proof.js'),
    import('../../binding/proof-sources.js')
  ])
  const r = await fetchProof({
    jobId: flags.job,
    api: client(m, flags).api,
    sources: [new LocalDirectorySource(flags.from)],
    outDir: flags.out,
    onProgress: progress
  })
  if (flags.json) {
    printJson({
      jobId: r.query.jobId,
      statementDigest: r.query.statementDigest,
      source: r.found.source,
      location: r.found.location,
      rejected: r.rejected,
      out: flags.out
    })
    return
  }
  printOut(`job: ${r.query.jobId}`)
  printOut(`found in ${r.found.source}: ${r.found.location}`)
  for (const x of r.rejected) printOut(`rejected ${x.location}: ${x.reason}`)
  printOut(`wrote the proof bundle into ${flags.out}; check it with qprov verify ${flags.out}`)
}

export function registerFetchCommand(program: Command): void {
  const cmd = program
    .command('fetch')
    .description(
      'Rebuild the proof bundle of a Runtime job: read the job, parse its qprov tags, find\n' +
        'the bundle in the sources (in order: --from directories, then the GitHub sources of\n' +
        '--repo) and write it into --out. A bundle whose binding disagrees with the tags is\n' +
        'refused. Nothing is verified here: run qprov verify on --out.'
    )
    .requiredOption('--job <id>', 'Runtime job ID')
    .option(
      '--from <dirs...>',
      'directories holding proof bundle directories or *.qprov.json files'
    )
    .option(
      '--repo <owner/repo>',
      'GitHub repository to search (attestations, artifacts, releases)'
    )
    .requiredOption('--out <dir>', 'directory for the proof bundle')
    .option('--json', 'print a JSON object instead of text')
  addConnectionOptions(cmd).action(fetchAction)
}
