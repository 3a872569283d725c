// `npm run demo`: the whole proof chain against the local sandbox, through the real CLI, then
// named tamperings, each on a fresh copy and each rejected by a named check. Every step is a
// separate `qprov` process talking HTTP to loopback servers, as a user's CI would. Exits 0 only
// if the valid chain verified and every tampering was rejected.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  cliPath,
  git,
  makeDemoRepo,
  policyFlags,
  runQprov,
  startSandbox,
  type Run
} from './demo-chain.js'
import { tamperingsFor } from './demo-tamperings.js'

const keep = process.argv.includes('--keep')
const versionArg = process.argv.indexOf('--rekor-version')
const rekorArg = versionArg > 0 ? process.argv[versionArg + 1] : '1'
if (rekorArg !== '1' && rekorArg !== '2') {
  console.error('usage: npm run demo -- [--rekor-version 1|2] [--keep]')
  process.exit(2)
}
const rekorVersion = rekorArg === '2' ? 2 : 1
const work = mkdtempSync(join(tmpdir(), 'qprov-demo-'))
const reports = mkdtempSync(join(tmpdir(), 'qprov-demo-report-'))
const repo = join(work, 'repo')
const proofs = join(work, 'proofs')
const t0 = Date.now()

const tty = process.stdout.isTTY
const bold = (s: string): string => (tty ? `\x1b[1m${s}\x1b[0m` : s)
const green = (s: string): string => (tty ? `\x1b[32m${s}\x1b[0m` : s)
const red = (s: string): string => (tty ? `\x1b[31m${s}\x1b[0m` : s)
const step = (n: number | string, title: string): void =>
  console.log(`\n${bold(`[${n}] ${title}`)}`)
const indent = (text: string): void => {
  for (const line of text.trimEnd().split('\n')) console.log(`    ${line}`)
}
const shown = (args: string[]): string =>
  args.map(a => a.replaceAll(work, '$DEMO').replaceAll(reports, '$REPORTS')).join(' ')

const cli = cliPath()

function qprov(args: string[], cwd = repo): Run {
  console.log(`  $ qprov ${shown(args)}`)
  return runQprov(cli, args, cwd)
}

function must(r: Run, what: string): Run {
  if (r.code !== 0) {
    console.error(r.stdout, r.stderr)
    throw new Error(`${what} failed with exit code ${r.code}`)
  }
  return r
}

interface Verdict {
  ok: boolean
  jobId: string | null
  checks: { name: string; status: string; detail: string }[]
}

const TAMPERINGS = tamperingsFor(rekorVersion)

async function main(): Promise<void> {
  console.log(
    bold('qprov demo: workload -> receipt -> signed statement -> Runtime job -> binding -> verify')
  )
  console.log(`working directory: ${work}`)

  step(
    1,
    `Start the local sandbox: Fulcio, Rekor v1 and a v2 shard, TSA, OIDC, IBM Runtime emulator (signing to Rekor v${rekorVersion})`
  )
  // 64 entries of other signers first, so our entries sit deep in the log with real proof paths.
  const sb = await startSandbox(cli, join(work, 'sandbox'), 64, rekorVersion)
  try {
    const log = rekorVersion === 2 ? sb.rekorV2URL : sb.rekorURL
    indent(
      `fulcio  ${sb.fulcioURL}\nrekor   v${rekorVersion} ${log} (64 entries logged before ours)\nruntime ${sb.runtimeURL}`
    )
    const policy = policyFlags(sb)

    step(2, 'A demo commit in a fresh git repository, declaring an AI co-author')
    mkdirSync(repo)
    makeDemoRepo(repo)
    indent(git(repo, ['log', '-1', '--format=%H%n%B']))

    step(3, 'AIIR receipt for HEAD, verified')
    const receipts = JSON.parse(
      must(qprov(['receipt', 'create', '--commit', 'HEAD', '--json']), 'receipt').stdout
    )
    const receiptFile = join(work, 'receipt.json')
    writeFileSync(receiptFile, `${JSON.stringify(receipts[0], null, 2)}\n`)
    indent(
      `receipt ${receipts[0].receipt_id}, authorship_class ${receipts[0].ai_attestation.authorship_class}`
    )
    indent(must(qprov(['receipt', 'verify', receiptFile]), 'receipt verify').stdout)

    step(
      4,
      'Attest and submit: statement signed and logged, job tagged, binding signed, proof bundle written'
    )
    const submit = (out: string) =>
      JSON.parse(
        must(
          qprov([
            'submit',
            '--workload',
            'bell',
            '--receipt',
            receiptFile,
            '--sandbox',
            sb.dir,
            '--out',
            out,
            '--json'
          ]),
          'submit'
        ).stdout
      )
    const run1 = submit(join(proofs, 'run1'))
    indent(
      [
        `job id           ${run1.jobId}`,
        `statement digest ${run1.statementDigest}`,
        `binding digest   ${run1.binding.digest}`,
        `rekor (binding)  v${run1.binding.rekor.apiVersion} index ${run1.binding.rekor.logIndex}${
          run1.binding.rekor.logId ? ` in log ${run1.binding.rekor.logId}` : ''
        }`,
        `tags             ${(run1.tags as string[]).join(' ')}`
      ].join('\n')
    )

    step(5, 'A second, independent run (another job), used below as swap material')
    const run2 = submit(join(proofs, 'run2'))
    indent(`job id ${run2.jobId}`)

    step(
      '5b',
      'Wait for both jobs, store what IBM serves (results, metrics, calibration) and sign a results statement'
    )
    for (const run of [run1, run2]) {
      const r = JSON.parse(
        must(
          qprov([
            'results',
            '--job',
            run.jobId,
            '--bundle',
            join(proofs, run === run1 ? 'run1' : 'run2'),
            '--wait',
            '--timeout',
            '120',
            '--sandbox',
            sb.dir,
            '--json'
          ]),
          'results'
        ).stdout
      )
      indent(
        `job ${r.jobId}: ${r.status} on ${r.backend}, calibration of ${r.calibration}\n` +
          `results.json ${r.files['results.json']}\nresults statement ${r.resultsStatement}`
      )
    }

    step(
      6,
      `Fetch the verified proof bundle of job ${run1.jobId} into a fresh directory, starting from the job ID`
    )
    const fetched = join(work, 'fetched')
    indent(
      must(
        qprov([
          'fetch',
          '--job',
          run1.jobId,
          '--from',
          proofs,
          '--out',
          fetched,
          '--sandbox',
          sb.dir,
          ...policy
        ]),
        'fetch'
      ).stdout
    )

    step(7, 'Verify offline, fail closed, pinned to the sandbox root and signer; HTML report')
    const report = join(reports, 'report.html')
    const verifyArgs = (bundle: string, extra: string[] = []): string[] => [
      'verify',
      bundle,
      ...policy,
      '--workload',
      'bell',
      '--ai-policy',
      'declared-only',
      '--require-results',
      ...extra
    ]
    const valid = qprov(verifyArgs(fetched, ['--html', report]))
    indent(valid.stdout)
    if (valid.code !== 0)
      throw new Error(`the valid chain did not verify (exit ${valid.code}): ${valid.stderr}`)

    step(8, `${TAMPERINGS.length} tamperings, each on a fresh copy, each must be rejected`)
    const rejected: string[] = []
    const escaped: string[] = []
    const copies: string[] = []
    // Tamperings checked under the same flags and workload go to one `qprov verify` of several
    // bundles (a process start each costs more than a verification); verdicts keep input order.
    const groups = new Map<string, { args: string[]; cwd: string; items: number[] }>()
    const contexts = TAMPERINGS.map((t, i) => {
      const dir = join(work, 'tampered', String(i + 1).padStart(2, '0'))
      const ctx = {
        bundle: join(dir, 'bundle'),
        workload: join(dir, 'workload'),
        otherRun: join(proofs, 'run2')
      }
      cpSync(fetched, ctx.bundle, { recursive: true })
      cpSync(join(repo, 'bell'), join(ctx.workload, 'bell'), { recursive: true })
      t.apply(ctx)
      if (t.scope === 'bundle') copies.push(ctx.bundle)
      const key = t.scope === 'workload' ? `workload ${i}` : `${t.identity} ${t.aiPolicy}`
      const group = groups.get(key) ?? { args: [], cwd: ctx.workload, items: [] }
      if (group.items.length === 0) {
        group.args = verifyArgs('', ['--json']).filter(a => a !== '')
        if (t.identity) group.args[group.args.indexOf('--certificate-identity') + 1] = t.identity
        if (t.aiPolicy) group.args[group.args.indexOf('--ai-policy') + 1] = t.aiPolicy
      }
      group.items.push(i)
      groups.set(key, group)
      return ctx
    })
    const outcomes = new Map<
      number,
      { code: number | null; failed: Verdict['checks']; stderr: string }
    >()
    for (const g of groups.values()) {
      const bundles = g.items.map(i => contexts[i]!.bundle)
      const r = runQprov(cli, [g.args[0]!, ...bundles, ...g.args.slice(1)], g.cwd)
      const verdicts =
        r.code === 0 || r.code === 1
          ? (JSON.parse(r.stdout) as { verdicts: Verdict[] }).verdicts
          : []
      g.items.forEach((i, at) => {
        const v = verdicts[at]
        outcomes.set(i, {
          code: v === undefined ? r.code : v.ok ? 0 : 1,
          failed: v?.checks.filter(c => c.status === 'fail') ?? [],
          stderr: r.stderr
        })
      })
    }
    for (const [i, t] of TAMPERINGS.entries()) {
      console.log(`\n  ${bold(`${i + 1}. ${t.name}`)}`)
      const r = outcomes.get(i)!
      const failed = r.failed
      const hit = failed.find(c => c.name === t.expect)
      if (r.code === 1 && hit) {
        rejected.push(t.name)
        console.log(`     ${green('rejected')} by ${bold(t.expect)}: ${hit.detail}`)
        const others = failed.filter(c => c !== hit).map(c => c.name)
        if (others.length > 0) console.log(`     also failed: ${others.join(', ')}`)
      } else {
        escaped.push(t.name)
        const why =
          r.code === 0
            ? 'it VERIFIED'
            : r.code === 1
              ? `failed only ${failed.map(c => c.name).join(', ')}`
              : `exit ${r.code}: ${r.stderr.trim()}`
        console.log(`     ${red('NOT rejected as expected')} by ${t.expect}: ${why}`)
      }
    }

    step(9, 'One batch report: the valid bundle and every copy whose files were tampered with')
    const batch = join(reports, 'batch-report.html')
    const b = qprov([
      'verify',
      fetched,
      ...copies,
      ...policy,
      '--ai-policy',
      'declared-only',
      '--html',
      batch,
      '--json'
    ])
    const { verdicts } = JSON.parse(b.stdout) as { verdicts: Verdict[] }
    indent(
      `${verdicts.filter(v => v.ok).length} of ${verdicts.length} bundles verified (exit ${b.code})`
    )

    const seconds = ((Date.now() - t0) / 1000).toFixed(1)
    console.log(`\n${bold('HTML report')}: ${report}`)
    console.log(`${bold('batch report')}: ${batch}`)
    if (escaped.length > 0) {
      console.log(
        `\n${red(bold('demo FAILED'))}: ${escaped.length} tampering(s) not rejected as expected: ${escaped.join('; ')}`
      )
      process.exitCode = 1
    } else
      console.log(
        `\n${green(bold('demo passed'))}: the chain verified and all ${rejected.length} tamperings were rejected (${seconds} s)`
      )
    if (keep) console.log(`evidence kept in ${work}`)
  } finally {
    await sb.stop()
    if (!keep) rmSync(work, { recursive: true, force: true })
  }
}

main().catch((e: unknown) => {
  console.error(red(`demo failed: ${(e as Error).message}`))
  process.exitCode = 1
})
