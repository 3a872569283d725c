import { resolve } from 'node:path'
import type { Command } from 'commander'
import { QprovError } from '../../errors.js'
import { parseJsonText } from '../../read-file.js'
import { cleanDeep } from '../../untrusted-text.js'
import type { SignatureCheck } from '../../attest/receipt-signature.js'
import type { FileReceiptVerdict } from '../../receipt/verify-file.js'
import { printJson, printJsonText, printOut, progress } from '../io.js'
import { actionReturningStatus } from '../exit-status.js'

interface VerifyFlags {
  json?: boolean
  bundle?: string
  certificateIdentity?: string
  certificateOidcIssuer?: string
  trustedRoot?: string
}

interface CreateFlags {
  repo?: string
  commit?: string
  range?: string
  declareAi: string[]
  out?: string
  json?: boolean
}

/** The JSON contract of `qprov receipt verify --json` (one object per receipt, input order). */
export interface VerifyOutput {
  path: string
  index: number
  valid: boolean
  errors: string[]
  schema_errors: string[]
  receipt_id: string | null
  commit_sha: string | null
  signature?: SignatureCheck
}

export function registerReceiptCommands(program: Command): void {
  const receipt = program
    .command('receipt')
    .description('Create and verify AIIR commit receipts (declared AI involvement of commits)')

  const verify = receipt
    .command('verify')
    .description(
      'Verify AIIR receipts: files, JSON arrays, .jsonl ledgers or directories of receipt_*.json.\n' +
        'Exit 0 when all are valid, 1 when any is invalid, 2 on a usage or input error.'
    )
    .argument('<path...>', 'receipt files, arrays, ledgers or directories')
    .option('--json', 'print one JSON array with one object per receipt')
    .option(
      '--bundle <file>',
      'Sigstore bundle (.sigstore) over the exact bytes of the one receipt file'
    )
    .option(
      '--certificate-identity <san>',
      'required signer identity (certificate SAN) for --bundle'
    )
    .option('--certificate-oidc-issuer <url>', 'required OIDC issuer for --bundle')
    .option('--trusted-root <file>', 'Sigstore trusted_root.json for offline verification')
    .exitOverride()
  actionReturningStatus(verify, runVerify)

  receipt
    .command('create')
    .description(
      'Generate AIIR v2 receipts from git for one commit (default HEAD) or a range A..B (max 1000)'
    )
    .option('--repo <dir>', 'git repository', '.')
    .option('--commit <rev>', 'the commit to receipt (default HEAD)')
    .option('--range <A..B>', 'receipt every commit in A..B (newest first, at most 1000)')
    .option(
      '--declare-ai <tool>',
      'declare AI involvement explicitly (repeatable)',
      (v: string, prev: string[]) => [...prev, v],
      [] as string[]
    )
    .option(
      '--out <dir>',
      'write receipt_<sha12>_<hash16>.json (+ .cbor) files into this directory'
    )
    .option('--json', 'print a JSON array of the receipts')
    .exitOverride()
    .action(async (flags: CreateFlags) => runCreate(flags))
}

async function runVerify(paths: string[], flags: VerifyFlags): Promise<number> {
  const wantsSignature =
    flags.bundle !== undefined ||
    flags.certificateIdentity !== undefined ||
    flags.certificateOidcIssuer !== undefined
  if (wantsSignature) {
    if (flags.bundle === undefined || paths.length !== 1)
      throw new QprovError('USAGE', '--bundle verifies exactly one receipt file path')
    if (!flags.certificateIdentity || !flags.certificateOidcIssuer)
      throw new QprovError(
        'USAGE',
        '--bundle requires --certificate-identity and --certificate-oidc-issuer'
      )
  }
  const { verifyReceiptFile, verifyReceiptPaths } = await import('../../receipt/verify-file.js')
  let outputs: VerifyOutput[]
  let signature: SignatureCheck | undefined
  if (wantsSignature) {
    // one read: the receipt verdict and the signature are over the same bytes
    const { verdicts, bytes } = await verifyReceiptFile(paths[0])
    signature = await checkSignature(bytes, flags)
    outputs = verdicts.map(toOutput)
    for (const o of outputs) o.signature = signature
  } else {
    outputs = (await verifyReceiptPaths(paths)).map(toOutput)
  }
  const ok =
    outputs.length > 0 &&
    outputs.every(o => o.valid) &&
    (signature === undefined || signature.verified)
  if (flags.json) printJson(outputs)
  else printVerifyText(outputs)
  return ok ? 0 : 1
}

/** Receipt values and file names enter the report here, cleaned once. */
function toOutput(v: FileReceiptVerdict): VerifyOutput {
  return cleanDeep({
    path: v.path,
    index: v.index,
    valid: v.valid,
    errors: v.errors,
    schema_errors: v.schema_errors,
    receipt_id: v.receipt_id,
    commit_sha: v.commit_sha
  })
}

async function checkSignature(bytes: Buffer, flags: VerifyFlags): Promise<SignatureCheck> {
  const { readReceiptText } = await import('../../receipt/ingest.js')
  const bundleText = (await readReceiptText(flags.bundle as string)).text
  const bundle = parseJsonText(bundleText, 'signature bundle', flags.bundle as string)
  const { verifyReceiptSignature } = await import('../../attest/receipt-signature.js')
  return verifyReceiptSignature(
    bytes,
    bundle,
    {
      identity: flags.certificateIdentity as string,
      issuer: flags.certificateOidcIssuer as string
    },
    flags.trustedRoot
  )
}

function printVerifyText(outputs: VerifyOutput[]): void {
  for (const o of outputs) {
    const where = `${o.path}#${o.index}`
    const sig = o.signature
    const sigText = sig
      ? sig.verified
        ? ' signature ok'
        : ` signature FAILED: ${sig.error ?? ''}`
      : ''
    if (o.valid)
      printOut(`ok    ${where}  ${o.receipt_id ?? ''}  commit ${o.commit_sha ?? '?'}${sigText}`)
    else printOut(`FAIL  ${where}  ${o.errors.join('; ')}${sigText}`)
    // Information, not a warning: the hashes alone decide validity (docs/receipts.md).
    for (const s of o.schema_errors) printOut(`      info: AIIR schema: ${s} (validity unaffected)`)
  }
  const bad = outputs.filter(o => !o.valid || (o.signature && !o.signature.verified)).length
  printOut(`${outputs.length} receipt(s): ${outputs.length - bad} valid, ${bad} invalid`)
}

async function runCreate(flags: CreateFlags): Promise<void> {
  if (flags.commit !== undefined && flags.range !== undefined)
    throw new QprovError('USAGE', '--commit and --range are mutually exclusive')
  if (flags.out !== undefined) {
    const { checkOutputDir } = await import('../../output-dir.js')
    checkOutputDir(flags.out, { what: '--out' })
  }
  const { generateReceipts } = await import('../../receipt/generate.js')
  const { receiptFileText, writeReceipts } = await import('../../receipt/writer.js')
  const receipts = await generateReceipts({
    repoDir: resolve(flags.repo ?? '.'),
    commit: flags.commit,
    range: flags.range,
    declareAi: flags.declareAi,
    generator: 'qprov.cli',
    onProgress: (done, total) => {
      if (total >= 100 && (done % 100 === 0 || done === total))
        progress(`receipts: ${done}/${total} commits`)
    }
  })
  if (flags.out !== undefined) {
    const written = await writeReceipts(flags.out, receipts)
    if (flags.json) printJson(receipts)
    else for (const p of written) printOut(p)
    return
  }
  if (flags.json) printJson(receipts)
  else for (const r of receipts) printJsonText(receiptFileText(r).trimEnd())
}
