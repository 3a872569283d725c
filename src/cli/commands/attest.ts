import type { Command } from 'commander'
import { progress, printJson, printOut } from '../io.js'
import { addSigningOptions, signingFromOptions } from '../signing-options.js'

interface AttestFlags extends Record<string, unknown> {
  workload: string[]
  receipt?: string
  commit?: string
  declareAi?: string[]
  out: string
  json?: boolean
}

/** `qprov attest`: sign an in-toto statement over a workload package and its AIIR receipt. */
export function registerAttestCommand(program: Command): void {
  const cmd = program
    .command('attest')
    .description(
      [
        'Hash a workload package, wrap its AIIR receipt in an in-toto Statement v1, sign it as',
        'DSSE with Sigstore keyless signing, and write statement.json (the exact signed payload),',
        'statement.sigstore.json (bundle v0.3) and workload.manifest.json into --out. Without',
        '--receipt or --commit a receipt is generated for HEAD of the repository holding the',
        'current directory. The OIDC token comes from the GitHub Actions endpoint (permissions:',
        'id-token: write), SIGSTORE_ID_TOKEN, or --identity-token-env VAR.'
      ].join(' ')
    )
    .requiredOption(
      '--workload <path...>',
      'workload files, directories or globs (relative to cwd)'
    )
    .option('--receipt <file>', 'an existing AIIR receipt to wrap (verified first)')
    .option('--commit <rev>', 'generate the receipt for this commit instead of HEAD')
    .option(
      '--declare-ai <tool>',
      'declare AI involvement in the generated receipt (repeatable)',
      (v: string, prev: string[] = []) => [...prev, v]
    )
    .requiredOption('--out <dir>', 'output directory (created if missing)')
    .option('--json', 'print a JSON object with the digests, the Rekor entry and the file paths')
  addSigningOptions(cmd)
  cmd.action(async (flags: AttestFlags) => {
    const { signing } = signingFromOptions(flags)
    const [
      { attestWorkload, OUTPUT_NAMES },
      { planSigning },
      { receiptSource },
      { checkOutputDir },
      { attestClosureCheck }
    ] = await Promise.all([
      import('../../attest/pipeline.js'),
      import('../../attest/sign.js'),
      import('../../attest/receipt-source.js'),
      import('../../output-dir.js'),
      import('../../binding/package-closure.js')
    ])
    const receipt = receiptSource(flags)
    // Before the token request: an --out that cannot be written must cost no network call.
    checkOutputDir(flags.out, { what: 'output directory', files: Object.values(OUTPUT_NAMES) })
    const result = await attestWorkload({
      workload: flags.workload,
      cwd: process.cwd(),
      receipt,
      signing: () => planSigning(signing),
      outDir: flags.out,
      checkManifest: attestClosureCheck(process.cwd()),
      onProgress: progress
    })
    if (flags.json) {
      printJson(result)
      return
    }
    printOut(`statement digest: ${result.statementDigest}`)
    printOut(`package digest:   ${result.packageDigest}`)
    if (result.rekor) {
      printOut(`rekor log index:  ${result.rekor.logIndex}`)
      if (result.rekor.apiVersion === 1) printOut(`rekor entry uuid: ${result.rekor.uuid}`)
      else {
        printOut(`rekor v2 shard:   ${result.rekor.url}`)
        printOut(`rekor log id:     ${result.rekor.logId}`)
      }
    } else printOut('rekor:            none (signed timestamp only)')
    printOut(`wrote ${result.files.statement}`)
    printOut(`wrote ${result.files.bundle}`)
    printOut(`wrote ${result.files.manifest}`)
  })
}
