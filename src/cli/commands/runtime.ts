import { resolve } from 'node:path'
import { verifyAfterSigning } from '../next-command.js'
import type { Command } from 'commander'
import type { BoundProof } from '../../binding/bind.js'
import { QprovError, oneLine } from '../../errors.js'
import type { RuntimeApi } from '../../runtime/client.js'
import type { RetagFlags } from '../../binding/retag-command.js'
import type { RuntimeTarget } from '../../binding/runtime-target.js'
import type { ProvenanceRefs } from '../../proof/tags.js'
import {
  addConnectionOptions,
  connectionFromOptions,
  type ConnectionFlags
} from '../connection-options.js'
import { printErr, printJson, printOut, progress } from '../io.js'
import { addSigningOptions, signingFromOptions } from '../signing-options.js'

export interface RuntimeFlags extends ConnectionFlags, Record<string, unknown> {
  timeoutMs?: string
  json?: boolean
}

/** The Runtime client and job code, loaded only by the commands that talk to Runtime. */
export async function loadRuntime() {
  const [
    { createRuntimeClient },
    { resolveConnection },
    { retagCommand },
    { tagJob },
    { checkJobId, parseTimeoutMs }
  ] = await Promise.all([
    import('../../runtime/client.js'),
    import('../../runtime/connection.js'),
    import('../../binding/retag-command.js'),
    import('../../binding/tag-job.js'),
    import('../../runtime/input-checks.js')
  ])
  return {
    createRuntimeClient,
    resolveConnection,
    retagCommand,
    tagJob,
    checkJobId,
    parseTimeoutMs
  }
}

type RuntimeModules = Awaited<ReturnType<typeof loadRuntime>>

export function client(m: RuntimeModules, flags: RuntimeFlags) {
  const timeoutMs = m.parseTimeoutMs(flags.timeoutMs, 60000)
  const conn = m.resolveConnection(connectionFromOptions(flags))
  return { conn, api: m.createRuntimeClient({ ...conn, http: { timeoutMs } }) as RuntimeApi }
}

function target(m: RuntimeModules, flags: RuntimeFlags): RuntimeTarget {
  const { conn, api } = client(m, flags)
  return { api, instanceCRN: conn.instanceCRN, runtimeURL: conn.runtimeURL }
}

/** The flags the re-bind command repeats, from commander's casing to the project's. */
function retagFlags(flags: RuntimeFlags): RetagFlags {
  const s = (k: string) => (typeof flags[k] === 'string' ? (flags[k] as string) : undefined)
  return {
    sandbox: flags.sandbox,
    runtimeURL: flags.runtimeUrl,
    iamURL: flags.iamUrl,
    apiKeyEnv: flags.apiKeyEnv,
    sigstore: s('sigstore'),
    fulcioURL: s('fulcioUrl'),
    rekorURL: s('rekorUrl'),
    tsaURL: s('tsaUrl'),
    rekorVersion: s('rekorVersion'),
    signingConfig: s('signingConfig'),
    trustedRoot: s('trustedRoot'),
    identityTokenEnv: s('identityTokenEnv')
  }
}

function hintFor(m: RuntimeModules, attestationDir: string, flags: RuntimeFlags) {
  return (jobId: string, crn: string) =>
    `re-bind it with: ${m.retagCommand(jobId, attestationDir, retagFlags(flags), crn)}`
}

interface SubmitFlags extends RuntimeFlags {
  workload: string[]
  backend?: string
  skipTargetCheck?: boolean
  out: string
  attest: boolean
  tag?: string[]
  receipt?: string
  commit?: string
  declareAi?: string[]
  attestation?: string
}

async function submitAction(flags: SubmitFlags): Promise<void> {
  if (flags.attestation !== undefined && !flags.attest)
    throw new QprovError('USAGE', '--attestation and --no-attest exclude each other')
  if (
    flags.attestation !== undefined &&
    (flags.receipt !== undefined || flags.commit !== undefined || flags.declareAi !== undefined)
  )
    throw new QprovError(
      'USAGE',
      '--attestation reuses a receipt: no --receipt, --commit or --declare-ai'
    )
  const m = await loadRuntime()
  const [{ submitWorkload }, { receiptSource }] = await Promise.all([
    import('../../binding/submit-workload.js'),
    import('../../attest/receipt-source.js')
  ])
  const r = await submitWorkload(
    {
      workload: flags.workload,
      cwd: process.cwd(),
      connect: () => target(m, flags),
      backend: flags.backend,
      skipTargetCheck: flags.skipTargetCheck,
      tags: flags.tag,
      attest: flags.attest && {
        signing: () => signingFromOptions(flags).signing,
        receipt: receiptSource(flags),
        ...(flags.attestation !== undefined ? { reuse: flags.attestation } : {})
      },
      outDir: flags.out,
      hint: hintFor(m, flags.out, flags)
    },
    {
      onJobId: (id, sessionId) => {
        if (!flags.json) {
          printOut(`job: ${id}`)
          if (sessionId) printOut(`session: ${sessionId}`)
        } else printErr(`qprov: created job ${id}`)
      },
      onProgress: progress,
      onWarning: m => printErr(`qprov: warning: ${m}`)
    }
  )
  if (flags.json) {
    const { jobId, sessionId, backend, tags, recovered } = r
    printJson({
      jobId,
      sessionId,
      backend,
      tags,
      recovered,
      statementDigest: r.refs?.statementDigest,
      runtimeJob: r.recordPath,
      ...(r.binding ? { binding: bindingReport(r.binding, flags.out) } : {})
    })
    return
  }
  for (const t of r.tags) printOut(`tag: ${t}`)
  printOut(`wrote ${r.recordPath}`)
  if (r.binding) printBinding(r.binding, flags.out, r.jobId, flags)
}

function bindingReport(b: BoundProof, dir: string) {
  return {
    digest: b.bindingDigest,
    ...(b.rekor ? { rekor: b.rekor } : {}),
    proofBundle: resolve(dir)
  }
}

function printBinding(b: BoundProof, dir: string, jobId: string, flags: RuntimeFlags): void {
  printOut(`binding digest: ${b.bindingDigest}`)
  if (b.rekor) printOut(`binding rekor log index: ${b.rekor.logIndex}`)
  else printOut('binding rekor log index: none (signed timestamp only)')
  printOut(`proof bundle: ${resolve(dir)}`)
  const { trustedRoot, sigstore } = retagFlags(flags)
  const next = verifyAfterSigning(dir, jobId, { sandbox: flags.sandbox, trustedRoot, sigstore })
  if (next !== undefined) printOut(next)
}

interface TagFlags extends RuntimeFlags {
  job: string
  attestation?: string
  workload?: string[]
  receipt?: string
  commit?: string
  out: string
}

/**
 * `tag --workload`: attest into --out first, as the action's tag mode does, then tag from there.
 * Exactly one of --attestation and --workload says where the attestation comes from.
 */
async function attestationFor(flags: TagFlags): Promise<string> {
  if ((flags.attestation === undefined) === (flags.workload === undefined))
    throw new QprovError('USAGE', 'give exactly one of --attestation DIR / --workload PATH')
  if (flags.attestation !== undefined) {
    if (flags.receipt !== undefined || flags.commit !== undefined)
      throw new QprovError('USAGE', '--receipt and --commit go with --workload')
    return flags.attestation
  }
  const m = await loadRuntime()
  m.checkJobId(flags.job)
  const [{ attestWorkload }, { planSigning }, { receiptSource }, { attestClosureCheck }] =
    await Promise.all([
      import('../../attest/pipeline.js'),
      import('../../attest/sign.js'),
      import('../../attest/receipt-source.js'),
      import('../../binding/package-closure.js')
    ])
  const { signing } = signingFromOptions(flags)
  await attestWorkload({
    workload: flags.workload ?? [],
    cwd: process.cwd(),
    receipt: receiptSource(flags),
    signing: () => planSigning(signing),
    outDir: flags.out,
    checkManifest: attestClosureCheck(process.cwd()),
    onProgress: progress
  })
  return flags.out
}

async function tagAction(flags: TagFlags): Promise<void> {
  const attestationDir = await attestationFor(flags)
  const m = await loadRuntime()
  const r = await m.tagJob(
    {
      jobId: flags.job,
      attestationDir,
      outDir: flags.out,
      connect: () => target(m, flags),
      hint: hintFor(m, attestationDir, flags),
      signing: () => signingFromOptions(flags).signing
    },
    {
      // --json keeps stdout to the one JSON object, as submit does.
      onJob: id => (flags.json ? printErr(`qprov: found job ${id}`) : printOut(`job: ${id}`)),
      onProgress: progress
    }
  )
  if (flags.json) {
    printJson({
      jobId: r.jobId,
      tags: r.tags,
      runtimeJob: r.recordPath,
      ...(r.binding ? { binding: bindingReport(r.binding, flags.out) } : {})
    })
    return
  }
  for (const t of r.tags) printOut(`tag: ${t}`)
  printOut(`wrote ${r.recordPath}`)
  if (r.binding) printBinding(r.binding, flags.out, r.jobId, flags)
}

async function jobGetAction(flags: RuntimeFlags & { job: string }): Promise<void> {
  const m = await loadRuntime()
  const [{ parseTags }, { describeReason }] = await Promise.all([
    import('../../proof/tags.js'),
    import('../../runtime/job-state.js')
  ])
  m.checkJobId(flags.job)
  const { api } = client(m, flags)
  const job = await api.getJob(flags.job)
  let provenance: ProvenanceRefs | null = null
  let tagError: string | undefined
  try {
    provenance = parseTags(job.tags).refs ?? null
  } catch (e) {
    tagError = oneLine(e)
  }
  if (flags.json) {
    const reason = describeReason(job)
    const state = {
      status: job.statusDetail ?? job.status,
      ranTooLong: job.ranTooLong,
      ...(job.reasonCode !== undefined ? { reasonCode: job.reasonCode } : {}),
      ...(reason ? { reason } : {})
    }
    printJson({ job: job.raw, state, provenance, ...(tagError ? { tagError } : {}) })
    return
  }
  printOut(`job: ${job.id}`)
  printOut(`status: ${job.statusDetail ?? job.status}`)
  const reason = describeReason(job)
  if (reason) printOut(`reason: ${reason}`)
  if (job.backend) printOut(`backend: ${job.backend}`)
  if (job.session_id) printOut(`session: ${job.session_id}`)
  for (const t of job.tags) printOut(`tag: ${t}`)
  if (tagError) printOut(`provenance tags: invalid (${tagError})`)
  else printOut(`provenance: ${provenance ? provenance.statementDigest : 'none'}`)
}

/** `qprov submit`, `qprov tag` and `qprov job get`. */
export function registerRuntimeCommands(program: Command): void {
  const submit = program
    .command('submit')
    .description(
      'Attest a workload package (as `qprov attest` does) and submit its\n' +
        'qprov.job.json to Qiskit Runtime with provenance tags (statement digest,\n' +
        'package digest, Rekor entry). Tag limits, and the circuits against the\n' +
        "backend's configuration and properties (ISA instructions, coupling map, rzz\n" +
        'angles, faulty qubits, parameter values, observable width), are checked\n' +
        'before anything is signed or sent; a backend that is not operational or an\n' +
        'exhausted plan is a warning.\n' +
        'Prints the job ID (and session ID), then signs the runtime binding and writes\n' +
        'the complete proof bundle (docs/binding-spec.md) into --out.\n' +
        'The API key is read from the variable named by --api-key-env (default\n' +
        'QISKIT_IBM_TOKEN), or from DIR/sandbox.json with --sandbox DIR.'
    )
    .requiredOption(
      '--workload <path...>',
      'workload files or directories; one holds qprov.job.json'
    )
    .option('--backend <name>', 'run on this backend instead of the one in the job spec')
    .option(
      '--skip-target-check',
      "submit without checking the circuits against the backend's configuration (recorded in runtime-job.json)"
    )
    .requiredOption('--out <dir>', 'directory for the attestation and runtime-job.json')
    .option('--no-attest', 'submit without attesting (only the --tag values are attached)')
    .option(
      '--attestation <dir>',
      'tag the job with this existing attestation (from `qprov attest`) instead of attesting ' +
        'again: no second statement, no second Rekor entry; --workload must be its files'
    )
    .option('--tag <tag...>', 'extra job tags (at most 8 tags in total, 86 characters each)')
    .option('--receipt <file>', 'an existing AIIR receipt to wrap (passed to attest)')
    .option('--commit <rev>', 'generate the receipt for this commit instead of HEAD')
    .option(
      '--declare-ai <tool>',
      'declare AI involvement in the generated receipt (repeatable)',
      (v: string, prev: string[] = []) => [...prev, v]
    )
    .option('--json', 'print a JSON object instead of text')
  addSigningOptions(submit)
  addConnectionOptions(submit)
  submit.action(submitAction)

  const tag = program
    .command('tag')
    .description(
      'Add the qprov provenance tags of an attestation (the --out directory of\n' +
        '`qprov attest`) to an existing Runtime job, e.g. one submitted from Python.\n' +
        'The job keeps its other tags; limits and conflicts are checked before the\n' +
        'update, and the tags are read back. Then the runtime binding is signed and the\n' +
        'complete proof bundle is written into --out. Running it again for a job that\n' +
        'already carries these tags changes no tag and finishes the binding.'
    )
    .requiredOption('--job <id>', 'Runtime job ID')
    .option(
      '--attestation <dir>',
      'directory with statement.json, statement.sigstore.json and workload.manifest.json'
    )
    .option(
      '--workload <path...>',
      'attest these workload files first (as `qprov attest` does, into --out), instead of --attestation'
    )
    .option('--receipt <file>', 'with --workload: an existing AIIR receipt to wrap')
    .option(
      '--commit <rev>',
      'with --workload: generate the receipt for this commit instead of HEAD'
    )
    .requiredOption('--out <dir>', 'directory for the proof bundle')
    .option('--json', 'print a JSON object instead of text')
  addSigningOptions(tag)
  addConnectionOptions(tag).action(tagAction)

  const job = program.command('job').description('Inspect Qiskit Runtime jobs')
  addConnectionOptions(
    job
      .command('get')
      .description(
        'Show a Runtime job: status, backend, session, tags and the provenance they point at'
      )
      .requiredOption('--job <id>', 'Runtime job ID')
      .option('--json', 'print the job object and the parsed provenance as JSON')
  ).action(jobGetAction)
}
