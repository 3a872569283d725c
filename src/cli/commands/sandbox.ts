import type { Command } from 'commander'
import { QprovError } from '../../errors.js'
import { printOut, progress, untilSignal } from '../io.js'

interface SandboxFlags {
  dir: string
  logPrefill: string
}

/** `qprov sandbox`: local Sigstore services until SIGTERM/SIGINT. */
export function registerSandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description(
      [
        'Start a local Sigstore test instance (Fulcio, Rekor v1, TSA and a GitHub-Actions-style',
        'OIDC token endpoint) and the IBM Runtime emulator on 127.0.0.1, write DIR/sandbox.json',
        'and DIR/trusted_root.json, print "ready", and run until SIGTERM or SIGINT. NOT FOR',
        'PRODUCTION: its root is trusted only where you pass it explicitly (--sandbox DIR,',
        '--trusted-root DIR/trusted_root.json).'
      ].join(' ')
    )
    .option('--dir <dir>', 'directory for sandbox.json and trusted_root.json', '.qprov-sandbox')
    .option(
      '--log-prefill <n>',
      'labelled filler entries logged at start, so this run signs deep into the Rekor tree (0-10000)',
      '0'
    )
    .action(async (flags: SandboxFlags) => {
      if (!/^\d{1,5}$/.test(flags.logPrefill) || Number(flags.logPrefill) > 10_000)
        throw new QprovError('INPUT_INVALID', '--log-prefill must be an integer from 0 to 10000')
      const { checkOutputDir } = await import('../../output-dir.js')
      checkOutputDir(flags.dir, { what: '--dir', files: ['sandbox.json', 'trusted_root.json'] })
      const { startSandbox } = await import('../../sandbox/index.js')
      const sandbox = await startSandbox({ dir: flags.dir, logPrefill: Number(flags.logPrefill) })
      progress(`sandbox config: ${sandbox.dir}/sandbox.json`)
      progress(`Fulcio ${sandbox.config.fulcioURL}, Rekor ${sandbox.config.rekorURL}`)
      printOut('ready')
      await untilSignal()
      await sandbox.close()
    })
}
