import { mkdir } from 'node:fs/promises'
import { basename, dirname } from 'node:path'
import type { Command } from 'commander'
import { QprovError } from '../../errors.js'
import { READ_LIMITS, readBoundedText } from '../../read-file.js'
import { refuseUrlCredentials } from '../../url-credentials.js'
import type { BundleVerdict } from '../../verify/verdict.js'
import type { AiPolicy } from '../../verify/options.js'
import { addConnectionOptions } from '../connection-options.js'
import { printJson, printOut, progress } from '../io.js'
import { client, loadRuntime, type RuntimeFlags } from './runtime.js'
import { actionReturningStatus } from '../exit-status.js'

interface VerifyFlags extends RuntimeFlags {
  trustedRoot?: string
  certificateIdentity?: string
  certificateIdentityRegexp?: string
  certificateOidcIssuer?: string
  workload?: string[]
  aiPolicy: string
  online?: boolean
  json?: boolean
  html?: string
  workers?: string
}

const AI = ['any', 'declared-only', 'no-ai']

function parseWorkers(v: string | undefined): number | undefined {
  if (v === undefined) return undefined
  if (!/^[1-9][0-9]{0,2}$/.test(v))
    throw new QprovError('USAGE', `--workers takes an integer from 1 to 999, got ${v}`)
  return Number(v)
}

/** Renders the verdicts; the one seam for further renderers (e.g. an HTML report). */
function emit(
  verdicts: BundleVerdict[],
  flags: VerifyFlags,
  renderers: typeof import('../../verify/render.js')
): void {
  if (flags.json) printJson(renderers.renderJson(verdicts))
  else printOut(renderers.renderText(verdicts))
}

async function verifyAction(paths: string[], flags: VerifyFlags): Promise<number> {
  if ((flags.certificateIdentity === undefined) === (flags.certificateIdentityRegexp === undefined))
    throw new QprovError(
      'USAGE',
      'give exactly one of --certificate-identity / --certificate-identity-regexp'
    )
  if (flags.certificateOidcIssuer === undefined)
    throw new QprovError('USAGE', '--certificate-oidc-issuer is required')
  refuseUrlCredentials(flags.certificateOidcIssuer, '--certificate-oidc-issuer')
  if (!AI.includes(flags.aiPolicy))
    throw new QprovError('USAGE', `--ai-policy must be one of ${AI.join(', ')}`)
  const workers = parseWorkers(flags.workers)
  if (flags.html !== undefined) {
    // Checked before verifying, so a batch is not verified only to find the report unwritable.
    const { checkOutputDir } = await import('../../output-dir.js')
    checkOutputDir(dirname(flags.html), { what: '--html', files: [basename(flags.html)] })
  }
  let trustedRoot: string | undefined
  if (flags.trustedRoot !== undefined)
    trustedRoot = readBoundedText(flags.trustedRoot, READ_LIMITS.trustedRoot)
  let online
  if (flags.online) {
    const m = await loadRuntime()
    online = { api: client(m, flags).api }
  }
  const [{ verifyProofBundles }, renderers] = await Promise.all([
    import('../../verify/index.js'),
    import('../../verify/render.js')
  ])
  const verdicts = await verifyProofBundles(paths, {
    ...(trustedRoot !== undefined ? { trustedRoot } : {}),
    policy: {
      ...(flags.certificateIdentity !== undefined ? { identity: flags.certificateIdentity } : {}),
      ...(flags.certificateIdentityRegexp !== undefined
        ? { identityRegExp: flags.certificateIdentityRegexp }
        : {}),
      issuer: flags.certificateOidcIssuer
    },
    ...(flags.workload?.length ? { workload: { paths: flags.workload, cwd: process.cwd() } } : {}),
    aiPolicy: flags.aiPolicy as AiPolicy,
    ...(online ? { online } : {}),
    ...(workers !== undefined ? { workers } : {})
  })
  emit(verdicts, flags, renderers)
  if (flags.html !== undefined) {
    const [{ renderHtmlReport }, { writeFileAtomic }] = await Promise.all([
      import('../../verify/html-report.js'),
      import('../../atomic-file.js')
    ])
    await mkdir(dirname(flags.html), { recursive: true })
    await writeFileAtomic(flags.html, renderHtmlReport(verdicts))
    progress(`HTML report: ${flags.html}`)
  }
  return verdicts.length > 0 && verdicts.every(v => v.ok) ? 0 : 1
}

export function registerVerifyCommand(program: Command): void {
  const cmd = program
    .command('verify')
    .description(
      'Verify proof bundles offline and fail closed: both signed statements against the\n' +
        'pinned trusted root and signer policy, the AIIR receipt, the commit, the Rekor entry,\n' +
        'binding.json and the Runtime job record, as a list of named checks. Exit 0 only if\n' +
        'every bundle verified, 1 if any did not, 2 on usage or input errors.'
    )
    .argument(
      '<bundles...>',
      'proof bundle directories, <job-id>.qprov.json files, or directories of them'
    )
    .option(
      '--trusted-root <file>',
      'trusted_root.json, one root or JSON lines (default: embedded public-good root)'
    )
    .option(
      '--certificate-identity <san>',
      'exact signer identity (certificate SAN) of both statements'
    )
    .option(
      '--certificate-identity-regexp <re>',
      'regexp the whole SAN must match (always anchored)'
    )
    .option('--certificate-oidc-issuer <url>', 'exact OIDC issuer of both signers')
    .option('--workload <paths...>', 're-hash these workload files and require the signed manifest')
    .option('--ai-policy <policy>', 'any, declared-only or no-ai (docs/binding-spec.md)', 'any')
    .option(
      '--online',
      'also read each job from the Runtime API and compare ID, tags, backend and circuits'
    )
    .option('--json', 'print the verdict as JSON (an array for several bundles)')
    .option('--html <file>', 'also write a self-contained HTML report (verdict, chain, checks)')
    .option('--workers <n>', 'worker threads for a batch (default: the CPU count)')
  actionReturningStatus(addConnectionOptions(cmd), verifyAction)
}
