import { Command, CommanderError } from 'commander'
import { QprovError, oneLine } from '../errors.js'
import { QPROV_VERSION } from '../version.js'
import { printErr } from './io.js'
import { registerReceiptCommands } from './commands/receipt.js'
import { registerDigestCommand } from './commands/digest.js'
import { registerVerifyBundleCommand } from './commands/verify-bundle.js'
import { registerAttestCommand } from './commands/attest.js'
import { registerSandboxCommand } from './commands/sandbox.js'
import { registerRuntimeCommands } from './commands/runtime.js'

export function buildProgram(): Command {
  const program = new Command()
  program
    .name('qprov')
    .description(
      'Portable provenance for IBM Qiskit Runtime jobs: AIIR receipts, signed in-toto statements,\n' +
        'Runtime job binding and offline, fail-closed verification.'
    )
    .version(QPROV_VERSION)
    .showHelpAfterError('(run with --help for usage)')
    .exitOverride()
    .configureOutput({ writeErr: s => process.stderr.write(s) })
  registerReceiptCommands(program)
  registerDigestCommand(program)
  registerVerifyBundleCommand(program)
  registerAttestCommand(program)
  registerSandboxCommand(program)
  registerRuntimeCommands(program)
  for (const c of program.commands) c.exitOverride()
  return program
}

/** The one failure site of the CLI: every error becomes one line and an exit code (1 or 2). */
export async function main(argv: string[]): Promise<number> {
  const program = buildProgram()
  try {
    await program.parseAsync(argv, { from: 'user' })
    return typeof process.exitCode === 'number' ? process.exitCode : 0
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

const invokedDirectly =
  process.argv[1] !== undefined &&
  /(?:^|[\\/])(?:main\.ts|cli\.js|qprov)$/.test(process.argv[1]) &&
  process.env.QPROV_NO_MAIN !== '1'

if (invokedDirectly) {
  main(process.argv.slice(2)).then(
    code => {
      process.exitCode = code
    },
    e => {
      printErr(`qprov: error [INTERNAL]: ${oneLine(e)}`)
      process.exitCode = 1
    }
  )
}
