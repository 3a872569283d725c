// Cold start to verdict on one proof bundle: the action's verify mode (dist/index.js, as the runner
// starts it) and `qprov verify` (dist/cli.js), each against a fresh Node process that only runs
// raw @sigstore/verify over the bundle's two signatures, bundled the same way. Medians of
// interleaved runs, process start to exit. Also the bundle sizes, and the bytes each run loads.
import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { build } from 'esbuild'
import { makeBenchProof, ROOT } from './proof.js'
import { bundleSizes, loadedModulesHook, loadedSize, type SizeRow } from './sizes.js'
import { compare, type BenchRow, type Measure } from './table.js'

interface Cmd {
  args: string[]
  env?: Record<string, string>
}

function once(c: Cmd): number {
  const t = performance.now()
  const r = spawnSync(process.execPath, c.args, {
    env: c.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8'
  })
  const s = (performance.now() - t) / 1000
  if (r.status !== 0) {
    const why = `${r.stderr}${r.stdout}`.split('\n').filter(l => /error/i.test(l))[0] ?? r.stderr
    throw new Error(`${c.args[0]} exited ${r.status}: ${why}`)
  }
  return s
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b)
  const m = s.length >> 1
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2
}

function race(cmds: Cmd[], runs: number): number[] {
  for (const c of cmds) once(c)
  const times: number[][] = cmds.map(() => [])
  for (let i = 0; i < runs; i++) cmds.forEach((c, k) => times[k]?.push(once(c)))
  return times.map(median)
}

/** stderr of one run with the module-load hook. */
function loadLog(c: Cmd, hook: string): string {
  const r = spawnSync(process.execPath, ['--import', hook, ...c.args], {
    env: c.env ?? process.env,
    encoding: 'utf8'
  })
  return r.stderr
}

export async function runActionBench(
  quick = false
): Promise<{ rows: BenchRow[]; sizes: SizeRow[] }> {
  const runs = quick ? 3 : 11
  const work = mkdtempSync(join(tmpdir(), 'qprov-action-bench-'))
  const { sandbox, bundle, dist, metafile } = await makeBenchProof(work)
  try {
    const raw = join(work, 'raw-verify.mjs')
    await build({
      entryPoints: [join(ROOT, 'bench/raw-verify.ts')],
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node24',
      outfile: raw,
      logLevel: 'error',
      // sigstore's CommonJS dependencies require() Node builtins; give the ESM bundle a require.
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);"
      }
    })
    const { trustedRoot, identity, issuer } = sandbox.config
    const runner = join(work, 'runner')
    mkdirSync(runner)
    for (const f of ['output', 'summary']) writeFileSync(join(runner, f), '')
    const actionEnv: Record<string, string> = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      HOME: runner,
      GITHUB_ACTIONS: 'true',
      GITHUB_WORKSPACE: work,
      RUNNER_TEMP: runner,
      GITHUB_OUTPUT: join(runner, 'output'),
      GITHUB_STEP_SUMMARY: join(runner, 'summary'),
      INPUT_MODE: 'verify',
      INPUT_BUNDLE: bundle,
      'INPUT_TRUSTED-ROOT': trustedRoot,
      'INPUT_CERTIFICATE-IDENTITY': identity,
      'INPUT_CERTIFICATE-OIDC-ISSUER': issuer,
      'INPUT_OUT-DIR': join(work, 'action-out')
    }
    const policy = ['--trusted-root', trustedRoot, '--certificate-identity', identity]
    const actionCmd: Cmd = { args: [join(dist, 'index.js')], env: actionEnv }
    const cliCmd: Cmd = {
      args: [join(dist, 'cli.js'), 'verify', bundle, ...policy, '--certificate-oidc-issuer', issuer]
    }
    const rawCmd: Cmd = { args: [raw, bundle, trustedRoot, identity, issuer] }
    const [action, cli, reference] = race([actionCmd, cliCmd, rawCmd], runs)
    const hook = join(work, 'load-hook.mjs')
    writeFileSync(hook, loadedModulesHook)
    const sizes = [
      ...bundleSizes(dist, metafile),
      loadedSize(loadLog(cliCmd, hook), 'qprov verify, 1 bundle (loaded)'),
      loadedSize(loadLog(actionCmd, hook), 'action, mode verify (loaded)'),
      loadedSize(loadLog(rawCmd, hook), 'node + raw @sigstore/verify (loaded)')
    ]
    const ref: Measure = {
      label: 'node + raw @sigstore/verify (2 signatures)',
      seconds: reference as number
    }
    const times = (s: number) => `${(s / (reference as number)).toFixed(2)}x the reference's time`
    return {
      rows: [
        compare(
          'action cold start, verify mode (1 bundle)',
          { label: 'node dist/index.js, mode verify', seconds: action as number },
          ref,
          `process start to verdict, job summary and report included: ${times(action as number)}`
        ),
        compare(
          'CLI cold start, qprov verify (1 bundle)',
          { label: 'node dist/cli.js verify', seconds: cli as number },
          ref,
          `process start to verdict: ${times(cli as number)} (target <= 1.5x)`
        )
      ],
      sizes
    }
  } finally {
    await sandbox.close()
    rmSync(work, { recursive: true, force: true })
  }
}
