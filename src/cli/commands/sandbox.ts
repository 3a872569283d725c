import { Option, type Command } from 'commander'
import { QprovError } from '../../errors.js'
import { printOut, progress, untilSignal } from '../io.js'

interface SandboxFlags {
  dir: string
  logPrefill: string
  instance: string
  rekorVersion: '1' | '2'
}

/** `qprov sandbox`: local Sigstore services until SIGTERM/SIGINT. */
export function registerSandboxCommand(program: Command): void {
  program
    .command('sandbox')
    .description(
      [
        'Start a local Sigstore test instance (Fulcio, Rekor v1 beside a Rekor v2 shard, TSA and a',
        'GitHub-Actions-style OIDC token endpoint; with --instance github Fulcio, TSA and the OIDC',
        "endpoint only, as GitHub's instance for private repositories) and the IBM Runtime emulator",
        'on 127.0.0.1, write DIR/sandbox.json',
        'and DIR/trusted_root.json, print "ready", and run until SIGTERM or SIGINT. NOT FOR',
        'PRODUCTION: its root is trusted only where you pass it explicitly (--sandbox DIR,',
        '--trusted-root DIR/trusted_root.json).'
      ].join(' ')
    )
    .option('--dir <dir>', 'directory for sandbox.json and trusted_root.json', '.qprov-sandbox')
    .option(
      '--instance <name>',
      'public-good (Fulcio with a CT log, Rekor, TSA) or github (Fulcio and TSA only: no Rekor, no CT log)',
      'public-good'
    )
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
      if (flags.instance !== 'public-good' && flags.instance !== 'github')
        throw new QprovError('USAGE', '--instance must be public-good or github')
      if (flags.instance === 'github' && flags.logPrefill !== '0')
        throw new QprovError('USAGE', '--log-prefill needs a Rekor; the github instance has none')
      if (flags.instance === 'github' && flags.rekorVersion === '2')
        throw new QprovError(
          'USAGE',
          '--rekor-version 2 needs a Rekor; the github instance has none'
        )
      const { checkOutputDir } = await import('../../output-dir.js')
      checkOutputDir(flags.dir, { what: '--dir', files: ['sandbox.json', 'trusted_root.json'] })
      const { startSandbox } = await import('../../sandbox/index.js')
      const sandbox = await startSandbox({
        dir: flags.dir,
        instance: flags.instance,
        logPrefill: Number(flags.logPrefill),
        rekorVersion: flags.rekorVersion === '2' ? 2 : 1
      })
      const c = sandbox.config
      progress(`sandbox config: ${sandbox.dir}/sandbox.json (${c.instance} instance)`)
      const logs = c.rekorURL
        ? `Rekor v1 ${c.rekorURL}, Rekor v2 ${c.rekorV2URL} (default v${c.rekorVersion ?? 1})`
        : 'no Rekor'
      progress(`Fulcio ${c.fulcioURL}, ${logs}, TSA ${c.tsaURL}`)
      printOut('ready')
      await untilSignal()
      await sandbox.close()
    })
}
