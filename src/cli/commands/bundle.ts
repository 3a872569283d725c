import { mkdir } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import type { Command } from 'commander'
import { QprovError, oneLine } from '../../errors.js'
import { printOut } from '../io.js'

async function packAction(dir: string, flags: { out?: string }): Promise<void> {
  const [pb, { parseRuntimeJob }, { writeFileAtomic }] = await Promise.all([
    import('../../proof/proof-bundle.js'),
    import('../../proof/runtime-job-file.js'),
    import('../../atomic-file.js')
  ])
  const files = await pb.readProofDirectory(dir)
  const missing = pb.REQUIRED_PROOF_FILE_NAMES.filter(n => files[n] === undefined)
  if (missing.length > 0)
    throw new QprovError('PROOF_BUNDLE_INVALID', `${dir} lacks ${missing.join(', ')}`)
  const jobId = parseRuntimeJob(files['runtime-job.json']).jobId
  const out = resolve(flags.out ?? pb.defaultBundleFileName(jobId))
  const { checkOutputDir } = await import('../../output-dir.js')
  checkOutputDir(dirname(out), { what: '--out', files: [basename(out)] })
  try {
    await mkdir(dirname(out), { recursive: true })
    await writeFileAtomic(out, pb.packProofBundle(files, jobId))
  } catch (e) {
    throw new QprovError('OUTPUT_WRITE_FAILED', `cannot write ${out}: ${oneLine(e)}`, { cause: e })
  }
  printOut(`wrote ${out}`)
}

async function unpackAction(file: string, flags: { out: string }): Promise<void> {
  const [pb, { writeFilesAtomically }] = await Promise.all([
    import('../../proof/proof-bundle.js'),
    import('../../atomic-file.js')
  ])
  const { checkOutputDir } = await import('../../output-dir.js')
  checkOutputDir(flags.out, { what: '--out', files: pb.PROOF_FILE_NAMES })
  const bytes = pb.readBoundedFile(file)
  if (bytes === undefined) throw new QprovError('INPUT_NOT_FOUND', `${file} not found`)
  const { files, jobId } = pb.unpackProofBundle(bytes)
  await writeFilesAtomically(flags.out, Object.entries(files))
  printOut(`wrote the proof bundle of job ${jobId} into ${resolve(flags.out)}`)
}

/** `qprov bundle pack|unpack`: directory form <-> single-file form, bytes unchanged. */
export function registerBundleCommand(program: Command): void {
  const bundle = program
    .command('bundle')
    .description('Convert a proof bundle between its directory form and its single-file form')
  bundle
    .command('pack')
    .description('Pack a proof bundle directory into one <job-id>.qprov.json file')
    .argument('<dir>', 'proof bundle directory')
    .option('--out <file>', 'output file (default: ./<job-id>.qprov.json)')
    .action(packAction)
  bundle
    .command('unpack')
    .description('Unpack a <job-id>.qprov.json file into a proof bundle directory')
    .argument('<file>', 'single-file proof bundle')
    .requiredOption('--out <dir>', 'output directory')
    .action(unpackAction)
}
