import { Option, type Command } from 'commander'
import { attestWorkload } from '../../attest/pipeline.js'
import { QprovError, oneLine } from '../../errors.js'
import { readAttestationRefs } from '../../runtime/attestation-refs.js'
import { createRuntimeClient, type RuntimeApi } from '../../runtime/client.js'
import { resolveConnection, type ConnectionFlags } from '../../runtime/connection.js'
import { findJobSpec, loadJobSpec, renderJobBody } from '../../runtime/job-spec.js'
import { jobRecord, refsOfAttestation, writeJobRecord } from '../../runtime/job-record.js'
import { submitJob } from '../../runtime/submit.js'
import {
  assertTagLimits,
  formatProvenanceTags,
  mergeProvenanceTags,
  parseTags,
  type ProvenanceRefs
} from '../../runtime/tags.js'
import { printErr, printJson, printOut, progress } from '../io.js'
import { addSigningOptions, signingFromOptions } from '../signing-options.js'
import { registerEmulatorCommand } from './emulator.js'

interface RuntimeFlags extends ConnectionFlags, Record<string, unknown> {
  timeoutMs?: string
  json?: boolean
}

function addConnectionOptions(cmd: Command): Command {
  cmd
    .option('--instance <crn>', 'Qiskit Runtime instance CRN (its region picks the API host)')
    .option('--runtime-url <url>', 'Runtime API base URL (default: from the CRN region)')
    .option('--iam-url <url>', 'IAM host for the API-key exchange (default: from the CRN)')
    .option(
      '--api-key-env <var>',
      'environment variable holding the IBM Cloud API key (default QISKIT_IBM_TOKEN); never pass the key itself'
    )
    .addOption(new Option('--timeout-ms <n>', 'timeout of each HTTP request').default('60000'))
  if (!cmd.options.some(o => o.long === '--sandbox'))
    cmd.option(
      '--sandbox <dir>',
      'take the endpoints, API key and instance from DIR/sandbox.json (or DIR/emulator.json)'
    )
  return cmd
}

function client(flags: RuntimeFlags) {
  const conn = resolveConnection(flags)
  const timeoutMs = Number(flags.timeoutMs ?? 60000)
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1)
    throw new QprovError('USAGE', '--timeout-ms must be a positive integer')
  return { conn, api: createRuntimeClient({ ...conn, http: { timeoutMs } }) as RuntimeApi }
}

function shellQuote(s: string): string {
  return /^[A-Za-z0-9_/.:=@,+-]+$/.test(s) ? s : `'${s.replace(/'/g, `'\\''`)}'`
}

/** The exact command that binds the job to the attestation again. */
function retagCommand(jobId: string, attestationDir: string, flags: RuntimeFlags, crn: string) {
  const args = ['qprov', 'tag', '--job', jobId, '--attestation', attestationDir]
  args.push('--instance', crn)
  if (flags.sandbox) args.push('--sandbox', flags.sandbox)
  if (flags.runtimeUrl) args.push('--runtime-url', flags.runtimeUrl)
  if (flags.iamUrl) args.push('--iam-url', flags.iamUrl)
  if (flags.apiKeyEnv) args.push('--api-key-env', flags.apiKeyEnv)
  args.push('--out', attestationDir)
  return args.map(shellQuote).join(' ')
}

function withJobId(e: unknown, jobId: string, hint: string): QprovError {
  const q = e instanceof QprovError ? e : new QprovError('INTERNAL', oneLine(e))
  return new QprovError(q.code, `${oneLine(q)}. Job ${jobId} exists; ${hint}`, {
    cause: e,
    exitCode: q.exitCode,
    details: { ...q.details, jobId }
  })
}

interface SubmitFlags extends RuntimeFlags {
  workload: string[]
  backend?: string
  out: string
  attest: boolean
  tag?: string[]
  receipt?: string
  commit?: string
}

async function submitAction(flags: SubmitFlags): Promise<void> {
  const cwd = process.cwd()
  const { conn, api } = client(flags)
  const loaded = loadJobSpec(findJobSpec(flags.workload, cwd))
  const userTags = [...(loaded.spec.tags ?? []), ...(flags.tag ?? [])]
  parseTags(userTags)
  // qprov adds at least three tags; say so now rather than after signing.
  if (flags.attest) assertTagLimits([...userTags, 'qprov:v1', 'stmt', 'pkg'], userTags.length)
  let refs: ProvenanceRefs | undefined
  if (flags.attest) {
    const { signing } = signingFromOptions(flags)
    const attested = await attestWorkload({
      workload: flags.workload,
      cwd,
      ...(flags.receipt ? { receiptFile: flags.receipt } : {}),
      ...(flags.commit ? { commit: flags.commit } : {}),
      signing,
      outDir: flags.out,
      onProgress: progress
    })
    refs = refsOfAttestation(attested)
  }
  const tags = [...userTags, ...(refs ? formatProvenanceTags(refs) : [])]
  const parsed = parseTags(tags)
  assertTagLimits(tags, parsed.userTags.length)
  const body = renderJobBody(loaded, { backend: flags.backend, tags })
  const stmtTag = refs ? formatProvenanceTags(refs)[1] : undefined
  progress(`submitting the ${body.program_id} job to ${body.backend}`)
  let jobId: string | undefined
  const submitted = await submitJob(
    api,
    { body, mode: loaded.spec.mode, recoveryTag: stmtTag },
    {
      onJobId: (id, sessionId) => {
        jobId = id
        if (!flags.json) {
          printOut(`job: ${id}`)
          if (sessionId) printOut(`session: ${sessionId}`)
        } else printErr(`qprov: created job ${id}`)
      },
      onProgress: progress,
      onWarning: m => printErr(`qprov: warning: ${m}`)
    }
  ).catch(e => {
    if (jobId === undefined) throw e
    const hint = refs
      ? `re-bind it with: ${retagCommand(jobId, flags.out, flags, conn.instanceCRN)}`
      : 'its tags could not be confirmed'
    throw withJobId(e, jobId, hint)
  })
  const path = writeJobRecord(
    flags.out,
    jobRecord(
      {
        jobId: submitted.jobId,
        ...(submitted.sessionId ? { sessionId: submitted.sessionId } : {}),
        backend: submitted.backend,
        program: body.program_id,
        instanceCRN: conn.instanceCRN,
        runtimeURL: conn.runtimeURL,
        tags: submitted.tags
      },
      refs
    )
  )
  if (flags.json) {
    printJson({ ...submitted, statementDigest: refs?.statementDigest, runtimeJob: path })
    return
  }
  for (const t of submitted.tags) printOut(`tag: ${t}`)
  printOut(`wrote ${path}`)
}

interface TagFlags extends RuntimeFlags {
  job: string
  attestation: string
  out: string
}

async function tagAction(flags: TagFlags): Promise<void> {
  const refs = readAttestationRefs(flags.attestation)
  const { conn, api } = client(flags)
  const job = await api.getJob(flags.job)
  printOut(`job: ${job.id}`)
  // Limits and conflicts are checked here, before any PUT.
  const merged = mergeProvenanceTags(job.tags, refs)
  const already = merged.length === job.tags.length && merged.every(t => job.tags.includes(t))
  let tags = job.tags
  if (already) progress('the job already carries these tags')
  else {
    try {
      tags = await api.replaceTags(job.id, merged)
    } catch (e) {
      throw withJobId(
        e,
        job.id,
        `re-bind it with: ${retagCommand(job.id, flags.attestation, flags, conn.instanceCRN)}`
      )
    }
    const missing = merged.filter(t => !tags.includes(t))
    if (missing.length > 0)
      throw withJobId(
        new QprovError(
          'RUNTIME_TAGS_REJECTED',
          `tags missing after the update: ${missing.join(', ')}`
        ),
        job.id,
        `re-bind it with: ${retagCommand(job.id, flags.attestation, flags, conn.instanceCRN)}`
      )
  }
  const path = writeJobRecord(
    flags.out,
    jobRecord(
      {
        jobId: job.id,
        ...(job.session_id ? { sessionId: job.session_id } : {}),
        ...(job.backend ? { backend: job.backend } : {}),
        ...(job.program ? { program: job.program } : {}),
        instanceCRN: conn.instanceCRN,
        runtimeURL: conn.runtimeURL,
        tags
      },
      refs
    )
  )
  if (flags.json) {
    printJson({ jobId: job.id, tags, runtimeJob: path })
    return
  }
  for (const t of tags) printOut(`tag: ${t}`)
  printOut(`wrote ${path}`)
}

async function jobGetAction(flags: RuntimeFlags & { job: string }): Promise<void> {
  const { api } = client(flags)
  const job = await api.getJob(flags.job)
  let provenance: ProvenanceRefs | null = null
  let tagError: string | undefined
  try {
    provenance = parseTags(job.tags).refs ?? null
  } catch (e) {
    tagError = oneLine(e)
  }
  if (flags.json) {
    printJson({ job: job.raw, provenance, ...(tagError ? { tagError } : {}) })
    return
  }
  printOut(`job: ${job.id}`)
  printOut(`status: ${job.status}`)
  if (job.backend) printOut(`backend: ${job.backend}`)
  if (job.session_id) printOut(`session: ${job.session_id}`)
  for (const t of job.tags) printOut(`tag: ${t}`)
  if (tagError) printOut(`provenance tags: invalid (${tagError})`)
  else printOut(`provenance: ${provenance ? provenance.statementDigest : 'none'}`)
}

/** `qprov submit`, `qprov tag`, `qprov job get` and `qprov emulator`. */
export function registerRuntimeCommands(program: Command): void {
  const submit = program
    .command('submit')
    .description(
      'Attest a workload package (as `qprov attest` does) and submit its\n' +
        'qprov.job.json to Qiskit Runtime with provenance tags (statement digest,\n' +
        'package digest, Rekor entry). Tag limits are checked before anything is sent.\n' +
        'Prints the job ID (and session ID) and writes runtime-job.json into --out.\n' +
        'The API key is read from the variable named by --api-key-env (default\n' +
        'QISKIT_IBM_TOKEN), or from DIR/sandbox.json with --sandbox DIR.'
    )
    .requiredOption(
      '--workload <paths...>',
      'workload files or directories; one holds qprov.job.json'
    )
    .option('--backend <name>', 'run on this backend instead of the one in the job spec')
    .requiredOption('--out <dir>', 'directory for the attestation and runtime-job.json')
    .option('--no-attest', 'submit without attesting (only the --tag values are attached)')
    .option('--tag <tags...>', 'extra job tags (at most 8 tags in total, 86 characters each)')
    .option('--receipt <file>', 'an existing AIIR receipt to wrap (passed to attest)')
    .option('--commit <rev>', 'generate the receipt for this commit instead of HEAD')
    .option('--json', 'print a JSON object instead of text')
  addSigningOptions(submit)
  addConnectionOptions(submit)
  submit.action(submitAction)

  addConnectionOptions(
    program
      .command('tag')
      .description(
        'Add the qprov provenance tags of an attestation (the --out directory of\n' +
          '`qprov attest`) to an existing Runtime job, e.g. one submitted from Python.\n' +
          'The job keeps its other tags; limits and conflicts are checked before the\n' +
          'update, and the tags are read back. Writes runtime-job.json into --out.'
      )
      .requiredOption('--job <id>', 'Runtime job ID')
      .requiredOption(
        '--attestation <dir>',
        'directory with statement.json, statement.sigstore.json and workload.manifest.json'
      )
      .requiredOption('--out <dir>', 'directory for runtime-job.json')
      .option('--json', 'print a JSON object instead of text')
  ).action(tagAction)

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

  registerEmulatorCommand(program)
}
