import { Command, CommanderError } from 'commander'
import { QprovError, oneLine } from '../errors.js'
import { QPROV_VERSION } from '../version.js'
import { exitStatusOf } from './exit-status.js'
import { nodeVersionError } from './node-version.js'
import { printErr, terminalText } from './io.js'
import { registerReceiptCommands } from './commands/receipt.js'
import { registerDigestCommand } from './commands/digest.js'
import { registerVerifyBundleCommand } from './commands/verify-bundle.js'
import { registerAttestCommand } from './commands/attest.js'
import { registerSandboxCommand } from './commands/sandbox.js'
import { registerEmulatorCommand } from './commands/emulator.js'
import { registerRuntimeCommands } from './commands/runtime.js'
import { registerVerifyCommand } from './commands/verify.js'
import { registerBundleCommand } from './commands/bundle.js'
import { registerFetchCommand } from './commands/fetch.js'
import { registerAuditCommand } from './commands/audit.js'
import { registerResultsCommand } from './commands/results.js'

export function buildProgram(): Command {
  const program = new Command()
  program
    .name('qprov')
    .description(
      'Portable provenance for IBM Qiskit Runtime jobs: AIIR receipts, signed in-toto statements, ' +
        'Runtime job binding and offline, fail-closed verification.'
    )
    .version(QPROV_VERSION)
    .exitOverride()
    // A subcommand's options stay its own (`audit merge --json` is merge's, not audit's).
    .enablePositionalOptions()
    .configureOutput({
      // Commander quotes the arguments it refuses: they pass the terminal's escaper too.
      writeErr: s => process.stderr.write(terminalText(s)),
      // Commander's own refusals (unknown option, missing argument) look like every other error.
      outputError: s => printErr(usageLine(s))
    })
  // In workflow order: practise, record, sign, run, collect, verify.
  registerSandboxCommand(program)
  registerEmulatorCommand(program)
  registerReceiptCommands(program)
  registerDigestCommand(program)
  registerAttestCommand(program)
  registerRuntimeCommands(program)
  registerResultsCommand(program)
  registerFetchCommand(program)
  registerBundleCommand(program)
  registerVerifyCommand(program)
  registerVerifyBundleCommand(program)
  registerAuditCommand(program)
  tidyHelp(program)
  program.addHelpText('after', EXAMPLES)
  return program
}

/**
 * Commander wraps help text itself, so hard line breaks inside descriptions only make ragged
 * paragraphs; the command list shows a one-sentence summary instead of the whole description.
 */
function tidyHelp(cmd: Command): void {
  for (const c of cmd.commands) {
    c.exitOverride()
    // A numeric default is kept as text (each command checks its numbers) but shown as a number.
    for (const o of c.options)
      if (typeof o.defaultValue === 'string' && /^[0-9]+$/.test(o.defaultValue))
        o.defaultValueDescription ??= o.defaultValue
    const text = c.description().replace(/([^\n])\n(?!\n)/g, '$1 ')
    c.description(text)
    const summary = SUMMARIES[c.name()]
    if (summary && cmd.parent === null) c.summary(summary)
    tidyHelp(c)
  }
}

const SUMMARIES: Record<string, string> = {
  receipt: 'create and verify AIIR commit receipts',
  digest: 'digest a workload package',
  'verify-bundle': 'verify a Sigstore bundle offline (fail closed)',
  attest: 'sign an in-toto statement over a workload and its receipt',
  sandbox: 'run a local Sigstore + Runtime sandbox (not for production)',
  submit: 'attest, then submit a Runtime job with provenance tags',
  tag: 'add provenance tags to an existing Runtime job',
  job: 'inspect Runtime jobs',
  emulator: 'run only the local IBM Runtime emulator',
  verify: 'verify proof bundles offline with named checks (fail closed)',
  bundle: 'pack or unpack the single-file proof bundle',
  fetch: 'rebuild the proof bundle of a Runtime job from its tags',
  audit: 'classify every job of an instance by whether its provenance verifies'
}

const EXAMPLES = `
Examples:
  qprov sandbox --dir /tmp/qs &            # local Fulcio, Rekor, TSA, OIDC, Runtime
  qprov receipt create --commit HEAD --out .receipts
  qprov digest examples/bell --json
  qprov attest --workload examples/bell --sandbox /tmp/qs --out out/att
  qprov submit --workload examples/bell --sandbox /tmp/qs --out out/job
  qprov verify out/job --sandbox /tmp/qs    # practice only: the sandbox's root and signer
  qprov verify out/job --trusted-root <trusted_root.json> \\
    --certificate-identity <SAN> --certificate-oidc-issuer <URL>
  qprov verify-bundle --bundle out/att/statement.sigstore.json \\
    --trusted-root /tmp/qs/trusted_root.json \\
    --certificate-identity <SAN> --certificate-oidc-issuer <URL> \\
    --predicate-type https://invariantsystems.io/predicates/aiir/commit_receipt/v2 \\
    sha256:<package digest>

Exit codes: 0 success, 1 verification or remote failure, 2 usage or input error.
Docs: README.md and docs/ in the qprov repository.`

/**
 * `error: unknown option '--jsn'\n(Did you mean --json?)` becomes
 * `qprov: error [USAGE]: unknown option '--jsn' (Did you mean --json?); see --help`.
 */
function usageLine(commanderText: string): string {
  // Only commander's own suggestion line is joined: a line break inside a quoted argument is
  // left to the terminal's escaper, which keeps it from starting a line of its own.
  const text = commanderText
    .replace(/^error: /, '')
    .replace(/\n\(Did you mean /, ' (Did you mean ')
    .replace(/\n+$/, '')
  return `qprov: error [USAGE]: ${text}; see --help`
}

/** The one failure site of the CLI: every error becomes one line and an exit code (1 or 2). */
export async function main(argv: string[]): Promise<number> {
  const tooOld = nodeVersionError(process.versions.node, process.execPath, process.argv[1])
  if (tooOld) {
    printErr(`qprov: error [${tooOld.code}]: ${oneLine(tooOld)}`)
    return tooOld.exitCode
  }
  const program = buildProgram()
  try {
    await program.parseAsync(argv, { from: 'user' })
    return exitStatusOf(program)
  } catch (e) {
    if (e instanceof CommanderError) {
      // --help and --version exit through here with code 0.
      if (
        e.exitCode === 0 ||
        e.code === 'commander.helpDisplayed' ||
        e.code === 'commander.version'
      )
        return 0
      return 2
    }
    if (e instanceof QprovError) {
      printErr(`qprov: error [${e.code}]: ${oneLine(e)}`)
      return e.exitCode
    }
    printErr(`qprov: error [INTERNAL]: ${oneLine(e)}`)
    return 1
  }
}
