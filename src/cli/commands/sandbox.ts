import { Option, type Command } from 'commander'
import { QprovError } from '../../errors.js'
import { printOut, progress, untilSignal } from '../io.js'

interface SandboxFlags {
  dir: string
  logPrefill: string
  rekorVersion: '1' | '2'
}

/** `qprov sandbox`: local Sigstore services until SIGTERM/SIGINT. */
export function registerSandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description(
      [
        'Start a local Sigstore test instance (Fulcio, Rekor v1, a Rekor v2 shard, TSA and a GitHub-Actions-style',
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
    .addOption(
      new Option(
        '--rekor-version <n>',
        'the Rekor API that commands with --sandbox DIR log to by default (both are served)'
      )
        .choices(['1', '2'])
        .default('1')
    )
    .action(async (flags: SandboxFlags) => {
      if (!/^\d{1,5}$/.test(flags.logPrefill) || Number(flags.logPrefill) > 10_000)
        throw new QprovError('INPUT_INVALID', '--log-prefill must be an integer from 0 to 10000')
      const { checkOutputDir } = await import('../../output-dir.js')
      checkOutputDir(flags.dir, { what: '--dir', files: ['sandbox.json', 'trusted_root.json'] })
      const { startSandbox } = await import('../../sandbox/sandbox.js')
      const sandbox = await startSandbox({
        dir: flags.dir,
        logPrefill: Number(flags.logPrefill),
        rekorVersion: flags.rekorVersion === '2' ? 2 : 1
      })
      progress(`sandbox config: ${sandbox.dir}/sandbox.json`)
      progress(
        `Fulcio ${sandbox.config.fulcioURL}, Rekor v1 ${sandbox.config.rekorURL}, ` +
          `Rekor v2 ${sandbox.config.rekorV2URL} (default v${sandbox.config.rekorVersion})`
      )
      printOut('ready')
      await untilSignal()
      await sandbox.close()
    })
}
