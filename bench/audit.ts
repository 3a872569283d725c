// `qprov audit` over 1,000 emulator jobs with their bundles in a local directory (--from), a
// quarter of them missing or tampered, against `qprov verify --workers 1` over the same bundles,
// measured in the same run; and audit --workers 1 against --workers 2. Both run as the shipped
// bundle (dist/cli.js), start-up included, as separate processes talking to this process's sandbox.
import { spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { planSigning } from '../src/attest/sign.js'
import { bindProofBundle } from '../src/binding/bind.js'
import { jobRecord, writeJobRecord } from '../src/binding/job-record.js'
import { signingFromOptions } from '../src/cli/signing-options.js'
import { bindingBytes } from '../src/proof/binding-document.js'
import { PROOF_FILES } from '../src/proof/layout.js'
import { parseTags } from '../src/proof/tags.js'
import { makeBenchProof, verdictsOf } from './proof.js'
import { compare, type BenchRow } from './table.js'

const progress = (m: string) => process.stderr.write(`bench: ${m}\n`)

/** Async: the sandbox answering the CLI lives in this process's event loop. */
function run(args: string[]): Promise<{ code: number; stdout: string; seconds: number }> {
  const t = performance.now()
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    child.on('error', reject)
    child.on('close', code => {
      if (code !== 0 && code !== 1) reject(new Error(`${args.join(' ')} exited ${code}: ${stderr}`))
      else resolve({ code: code ?? -1, stdout, seconds: (performance.now() - t) / 1000 })
    })
  })
}

/**
 * Three rows: audit jobs/s with workers 1 against verify over the same bundles (goal: at most
 * 1.25x its time), and workers 2 against workers 1.
 */
export async function runAuditBench(quick = false): Promise<BenchRow[]> {
  const JOBS = quick ? 80 : 1000
  const work = mkdtempSync(join(tmpdir(), 'qprov-audit-bench-'))
  const { sandbox, bundle: one, dist } = await makeBenchProof(work)
  try {
    const emu = sandbox.runtime
    const jobA = JSON.parse(readFileSync(join(one, PROOF_FILES.binding), 'utf8')).runtime.job_id
    const source = emu.job(jobA)
    if (!source) throw new Error('the bench job is not in the emulator')
    const tags = source.tags
    const refs = parseTags(tags).refs
    const bundles = join(work, 'bundles')
    mkdirSync(bundles)
    const quarter = Math.floor(JOBS / 4)
    const ids = emu.seedJobs(
      Array.from({ length: JOBS - 1 }, (_, i) => ({
        backend: source.backend,
        params: source.params,
        tags,
        createdMs: Date.parse('2026-01-05T00:00:00Z') + i * 3_600_000,
        status: 'Completed' as const
      }))
    )
    const verified = [jobA, ...ids.slice(0, JOBS - quarter - 1)]
    const tampered = ids.slice(JOBS - quarter - 1, JOBS - quarter - 1 + Math.floor(quarter / 2))
    // Only the verified jobs' bindings are signed (each names its own job); the rest reuse bytes.
    // The build inside makeBenchProof idles the sandbox's sockets past their keep-alive: a reused
    // one may be reset, so the first token request is tried twice.
    const signing = signingFromOptions({ sandbox: sandbox.dir }).signing
    const plan = await planSigning(signing, {}).catch(() => planSigning(signing, {}))
    const conn = sandbox.config
    progress(`audit: signing ${verified.length - 1} bindings…`)
    let next = 1
    const sign = async () => {
      while (next < verified.length) {
        const id = verified[next++] as string
        const dir = join(bundles, id)
        writeJobRecord(
          dir,
          jobRecord(
            {
              jobId: id,
              backend: source.backend,
              program: source.program,
              created: new Date(emu.job(id)?.createdMs ?? 0).toISOString(),
              instanceCRN: conn.instanceCRN as string,
              runtimeURL: conn.runtimeURL as string,
              tags,
              backendSource: 'runtime'
            },
            refs
          ),
          () => id
        )
        await bindProofBundle({ attestationDir: one, outDir: dir, plan })
      }
    }
    const t0 = performance.now()
    await Promise.all(Array.from({ length: 4 }, sign))
    progress(`audit: signed in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    cpSync(one, join(bundles, jobA), { recursive: true })
    // Tampered: a genuine bundle whose binding.json now names the job (its signature does not).
    for (const id of tampered) {
      const dir = join(bundles, id)
      cpSync(one, dir, { recursive: true })
      const b = JSON.parse(readFileSync(join(dir, PROOF_FILES.binding), 'utf8'))
      b.runtime.job_id = id
      writeFileSync(join(dir, PROOF_FILES.binding), bindingBytes(b))
    }
    const cli = join(dist, 'cli.js')
    const policy = [
      '--trusted-root',
      sandbox.config.trustedRoot,
      '--certificate-identity',
      sandbox.config.identity,
      '--certificate-oidc-issuer',
      sandbox.config.issuer
    ]
    const audit = async (workers: number) => {
      const r = await run([
        cli,
        'audit',
        '--sandbox',
        sandbox.dir,
        '--from',
        bundles,
        ...policy,
        '--json',
        '--workers',
        String(workers)
      ])
      const report = JSON.parse(r.stdout) as { total: number; counts: Record<string, number> }
      const want = { verified: verified.length, failed: tampered.length }
      if (
        r.code !== 1 ||
        report.total !== JOBS ||
        report.counts.verified !== want.verified ||
        report.counts.failed !== want.failed ||
        report.counts.missing !== JOBS - want.verified - want.failed
      )
        throw new Error(
          `audit --workers ${workers} classified wrongly: ${JSON.stringify(report.counts)}`
        )
      return r.seconds
    }
    const verify = async () => {
      const r = await run([cli, 'verify', bundles, ...policy, '--json', '--workers', '1'])
      const { verdicts } = verdictsOf(r.stdout)
      if (verdicts.length !== verified.length + tampered.length)
        throw new Error(`qprov verify read ${verdicts.length} bundles`)
      return r.seconds
    }
    // One round: a round of 1,000 jobs takes minutes (three would not keep the bench short).
    const rounds = 1
    const a1s: number[] = []
    const a2s: number[] = []
    const vs: number[] = []
    for (let i = 0; i < rounds; i++) {
      progress(`audit: round ${i + 1} of ${rounds}`)
      vs.push(await verify())
      a1s.push(await audit(1))
      a2s.push(await audit(2))
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!
    const [v, a1, a2] = [median(vs), median(a1s), median(a2s)]
    const jobs = { amount: JOBS, unit: 'jobs' }
    const bundlesWork = { amount: verified.length + tampered.length, unit: 'bundles' }
    progress(`audit: ${(a1 / v).toFixed(2)}x the time of verify (goal <= 1.25x)`)
    return [
      compare(
        'audit: 1 worker vs verify',
        { label: 'qprov audit --workers 1', seconds: a1, work: jobs },
        { label: 'qprov verify --workers 1, same bundles', seconds: v, work: bundlesWork },
        `${(JOBS / a1).toFixed(0)} jobs/s; time ratio ${(a1 / v).toFixed(2)}x (goal <= 1.25x)`
      ),
      compare(
        'audit: 2 workers vs 1',
        { label: 'qprov audit --workers 2', seconds: a2, work: jobs },
        { label: 'qprov audit --workers 1', seconds: a1, work: jobs },
        `speed-up ${(a1 / a2).toFixed(2)}x`
      )
    ]
  } finally {
    await sandbox.close()
    rmSync(work, { recursive: true, force: true })
  }
}
