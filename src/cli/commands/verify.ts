import { mkdir } from 'node:fs/promises'
import { basename, dirname, resolve } from 'node:path'
import type { Command } from 'commander'
import { QprovError } from '../../errors.js'
import { checkJobId } from '../../runtime/input-checks.js'
import type { AiPolicy } from '../../verify/options.js'
import { addConnectionOptions } from '../connection-options.js'
import {
  addVerificationOptions,
  verificationFromFlags,
  type VerificationFlags
} from '../verification-options.js'
import { printJson, printLines, progress } from '../io.js'
import { client, loadRuntime, type RuntimeFlags } from './runtime.js'
import { actionReturningStatus } from '../exit-status.js'

interface VerifyFlags extends RuntimeFlags, VerificationFlags {
  workload?: string[]
  workloadRoot?: string
  job?: string
  aiPolicy: string
  online?: boolean
  json?: boolean
  html?: string
  workers?: string
  requireResults?: boolean
}

const AI = ['any', 'declared-only', 'no-ai']

function parseWorkers(v: string | undefined): number | undefined {
  if (v === undefined) return undefined
  if (!/^[1-9][0-9]{0,2}$/.test(v))
    throw new QprovError('USAGE', `--workers takes an integer from 1 to 999, got ${v}`)
  return Number(v)
}

/** `--workload` once per path: a variadic option would swallow the bundle argument after it. */
const collect = (value: string, previous: string[] = []): string[] => [...previous, value]

async function verifyAction(paths: string[], flags: VerifyFlags): Promise<number> {
  const settings = verificationFromFlags(flags)
  const { policy, trustedRoot, profile } = settings
  if (flags.job !== undefined) checkJobId(flags.job, '--job')
  if (flags.workloadRoot !== undefined && !flags.workload?.length)
    throw new QprovError('USAGE', '--workload-root needs --workload')
  if (!AI.includes(flags.aiPolicy))
    throw new QprovError('USAGE', `--ai-policy must be one of ${AI.join(', ')}`)
  const workers = parseWorkers(flags.workers)
  if (flags.html !== undefined) {
    // Checked before verifying, so a batch is not verified only to find the report unwritable.
    const { checkOutputDir } = await import('../../output-dir.js')
    checkOutputDir(dirname(flags.html), { what: '--html', files: [basename(flags.html)] })
  }
  let online
  if (flags.online) {
    const m = await loadRuntime()
    online = { api: client(m, flags).api }
  }
  const [{ verifyProofBundles }, { renderText }, doc] = await Promise.all([
    import('../../verify/index.js'),
    import('../../verify/render.js'),
    import('../../verify/verification-document.js')
  ])
  const verdicts = await verifyProofBundles(paths, {
    ...(trustedRoot !== undefined ? { trustedRoot } : {}),
    policy,
    profile,
    ...(flags.workload?.length
      ? { workload: { paths: flags.workload, cwd: resolve(flags.workloadRoot ?? '.') } }
      : {}),
    ...(flags.job !== undefined ? { jobId: flags.job } : {}),
    aiPolicy: flags.aiPolicy as AiPolicy,
    ...(online ? { online } : {}),
    ...(workers !== undefined ? { workers } : {}),
    ...(flags.requireResults ? { requireResults: true } : {})
  })
  const document = doc.verificationDocument(
    verdicts,
    doc.verificationPolicy({
      policy,
      profile,
      aiPolicy: flags.aiPolicy as AiPolicy,
      ...(flags.job !== undefined ? { jobId: flags.job } : {}),
      ...(flags.workload?.length ? { workload: flags.workload } : {}),
      online: flags.online === true
    }),
    doc.trustedRootRef(trustedRoot, settings.trustedRootSource, settings.sandboxRoot)
  )
  if (flags.json) printJson(document)
  else printLines(renderText(verdicts))
  if (flags.html !== undefined) {
    const [{ renderHtmlReport }, { writeFileAtomic }, { verifiedResultsOf }] = await Promise.all([
      import('../../verify/html-report.js'),
      import('../../atomic-file.js'),
      import('../../verify/verified-results.js')
    ])
    const results = await verifiedResultsOf(verdicts)
    await mkdir(dirname(flags.html), { recursive: true })
    await writeFileAtomic(flags.html, renderHtmlReport(verdicts, { context: document, results }))
    progress(`HTML report: ${flags.html}`)
  }
  return document.ok ? 0 : 1
}

export function registerVerifyCommand(program: Command): void {
  const cmd = program
    .command('verify')
    .description(
      'Verify proof bundles offline and fail closed: both signed statements against the\n' +
        'pinned trusted root, signer policy and profile, the AIIR receipt, the commit, the Rekor\n' +
        'entry (none under --profile github, which requires a signed timestamp instead),\n' +
        'binding.json and the Runtime job record, as a list of named checks. Exit 0 only if\n' +
        'every bundle verified, 1 if any did not, 2 on usage or input errors.'
    )
    .argument(
      '<bundles...>',
      'proof bundle directories, <job-id>.qprov.json files, or directories of them'
    )
  addVerificationOptions(cmd)
    .option(
      '--job <id>',
      'the Runtime job every bundle must bind (runtime-record fails for any other job)'
    )
    .option(
      '--workload <path>',
      're-hash this workload file or directory and require the signed manifest (repeatable)',
      collect
    )
    .option(
      '--workload-root <dir>',
      'the directory --workload paths and the manifest paths are relative to (default: .)'
    )
    .option(
      '--ai-policy <policy>',
      'any; declared-only: every AI signal in the receipt names its tool or agent; no-ai: no AI ' +
        'involvement; both fail on anything unknown or inconsistent (docs/ai-policy.md)',
      'any'
    )
    .option(
      '--online',
      'also read each job from the Runtime API and compare ID, tags, backend and circuits, ' +
        'and its results with the signed digest (results-online)'
    )
    .option(
      '--require-results',
      'fail a bundle without a results layer (`qprov results`) instead of skipping its checks'
    )
    .option(
      '--json',
      'print the verification document as JSON (schemas/verification.v1.schema.json)'
    )
    .option('--html <file>', 'also write a self-contained HTML report (verdict, chain, checks)')
    .option('--workers <n>', 'worker threads for a batch (default: the CPU count)')
    .option(
      '--sandbox <dir>',
      'practice only, NOT FOR PRODUCTION: the trusted root, identity and issuer of ' +
        'DIR/sandbox.json, where not given (and its Runtime with --online)'
    )
  actionReturningStatus(addConnectionOptions(cmd), verifyAction)
}
