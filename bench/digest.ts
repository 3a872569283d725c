// Workload digest throughput against openssl and sha256sum, measured in the same run.
// qprov's side runs as a fresh Node process (start-up included) from an esbuild bundle of the
// manifest module, i.e. the same code path dist/cli.js ships. A last row times `qprov digest`
// through the whole CLI bundle, whose start-up loads every command.
import { spawnSync } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import {
  mkdirSync,
  mkdtempSync,
  openSync,
  closeSync,
  rmSync,
  writeFileSync,
  writeSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const GIB = 1024 ** 3
const SMALL_FILES = 20_000
const SMALL_SIZE = 4096
const RUNS = 5

interface Seconds {
  qprov: number
  openssl: number
  sha256sum: number
  qprovOneThread?: number
  qprovTwoWorkers?: number
  /** `qprov digest` through the whole CLI bundle, as dist/cli.js ships it. */
  qprovCli?: number
}

export interface DigestBenchResult {
  case: string
  bytes: number
  /** Median wall-clock seconds over RUNS interleaved rounds; the ratios use these. */
  seconds: Seconds
  /** Fastest round of each contender, for reference. */
  best: Seconds
  ratio: { openssl: number; sha256sum: number }
}

async function bundleDigestScript(dir: string): Promise<string> {
  const manifest = fileURLToPath(new URL('../src/workload/manifest.ts', import.meta.url))
  const out = join(dir, 'digest-bench.mjs')
  await build({
    stdin: {
      contents:
        `import { buildManifest } from ${JSON.stringify(manifest)}\n` +
        'const threads = process.argv[4] ? Number(process.argv[4]) : undefined\n' +
        'const m = await buildManifest([process.argv[3]], { cwd: process.argv[2], threads })\n' +
        'process.stdout.write(m.digest + "\\n")\n',
      resolveDir: dir,
      loader: 'ts'
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node24',
    outfile: out,
    logLevel: 'error'
  })
  return out
}

/** The CLI bundled by the project's own build script, into `dir` rather than dist/. */
function bundleCli(dir: string): string {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const r = spawnSync(process.execPath, ['scripts/build.mjs', dir], {
    cwd: root,
    stdio: ['ignore', 'ignore', 'pipe']
  })
  if (r.status !== 0) throw new Error(`CLI build failed: ${r.stderr?.toString() ?? r.error}`)
  // As shipped: dist/ sits in a "type": "module" package, so Node does not have to sniff the format.
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n')
  return join(dir, 'cli.js')
}

interface Command {
  cmd: string
  args: string[]
  cwd?: string
  shell?: boolean
}

function once(c: Command): number {
  const t0 = process.hrtime.bigint()
  const r = spawnSync(c.cmd, c.args, {
    cwd: c.cwd,
    shell: c.shell,
    stdio: ['ignore', 'ignore', 'pipe']
  })
  if (r.status !== 0)
    throw new Error(`${c.cmd} ${c.args.join(' ')} failed: ${r.stderr?.toString() ?? r.error}`)
  return Number(process.hrtime.bigint() - t0) / 1e9
}

interface Timing {
  median: number
  best: number
}

function median(xs: number[]): number {
  const sorted = [...xs].sort((a, b) => a - b)
  const mid = sorted.length >> 1
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
}

/**
 * Median and best wall-clock seconds per command over RUNS rounds. Rounds interleave the commands,
 * after one untimed warm-up each, so page cache state and machine load hit every contender alike.
 */
function race(commands: Command[]): Timing[] {
  spawnSync('sync')
  for (const c of commands) once(c)
  const runs: number[][] = commands.map(() => [])
  for (let round = 0; round < RUNS; round++) commands.forEach((c, i) => runs[i].push(once(c)))
  return runs.map(r => ({ median: median(r), best: Math.min(...r) }))
}

function writeBigFile(path: string): void {
  const chunk = randomBytes(4 * 1024 * 1024)
  const fd = openSync(path, 'w')
  try {
    for (let written = 0; written < GIB; written += chunk.length) writeSync(fd, chunk)
  } finally {
    closeSync(fd)
  }
}

function writeSmallFiles(dir: string): void {
  const data = randomBytes(SMALL_SIZE)
  for (let d = 0; d < SMALL_FILES / 1000; d++) {
    const sub = join(dir, `d${d}`)
    mkdirSync(sub, { recursive: true })
    for (let f = 0; f < 1000; f++) {
      data.writeUInt32LE(d * 1000 + f, 0)
      writeFileSync(join(sub, `f${f}.bin`), data)
    }
  }
}

function report(r: DigestBenchResult): void {
  const line = (label: string, key: keyof Seconds): void => {
    const med = r.seconds[key]
    const best = r.best[key]
    if (med === undefined || best === undefined) return
    const mbps = `${(r.bytes / med / 1e6).toFixed(0)} MB/s`
    console.log(
      `  ${label.padEnd(28)}${med.toFixed(3)} s  ${mbps.padStart(10)}  (best ${best.toFixed(3)} s)`
    )
  }
  console.log(`digest: ${r.case} (median of ${RUNS} interleaved rounds)`)
  line('qprov (node start-up incl.)', 'qprov')
  line('openssl dgst -sha256', 'openssl')
  line('sha256sum', 'sha256sum')
  line('qprov, one thread', 'qprovOneThread')
  line('qprov, 2 threads (1 worker)', 'qprovTwoWorkers')
  line('qprov digest (whole CLI)', 'qprovCli')
  const cli = r.seconds.qprovCli
  const cliRatio =
    cli === undefined ? '' : `; whole CLI vs sha256sum ${(r.seconds.sha256sum / cli).toFixed(2)}x`
  console.log(
    `  ratio vs openssl ${r.ratio.openssl.toFixed(2)}x, vs sha256sum ${r.ratio.sha256sum.toFixed(2)}x${cliRatio}`
  )
}

function result(
  name: string,
  bytes: number,
  qprov: Timing,
  openssl: Timing,
  sha256sum: Timing
): DigestBenchResult {
  // Throughput ratio on the medians: >1 means qprov is faster than the reference.
  return {
    case: name,
    bytes,
    seconds: { qprov: qprov.median, openssl: openssl.median, sha256sum: sha256sum.median },
    best: { qprov: qprov.best, openssl: openssl.best, sha256sum: sha256sum.best },
    ratio: { openssl: openssl.median / qprov.median, sha256sum: sha256sum.median / qprov.median }
  }
}

export async function runDigestBench(): Promise<DigestBenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'qprov-bench-digest-'))
  try {
    const script = await bundleDigestScript(dir)
    const cli = bundleCli(join(dir, 'cli'))
    const node = process.execPath
    const results: DigestBenchResult[] = []

    const bigDir = join(dir, 'big')
    mkdirSync(bigDir)
    writeBigFile(join(bigDir, 'one.bin'))
    const big = join(bigDir, 'one.bin')
    const [q1, o1, s1] = race([
      { cmd: node, args: [script, bigDir, 'one.bin'] },
      { cmd: 'openssl', args: ['dgst', '-sha256', big] },
      { cmd: 'sha256sum', args: [big] }
    ])
    results.push(result('one 1 GiB file', GIB, q1, o1, s1))
    rmSync(bigDir, { recursive: true, force: true })

    const smallDir = join(dir, 'small')
    writeSmallFiles(smallDir)
    const all = `find . -type f -print0 | xargs -0`
    const [q2, o2, s2, q2one, q2two, q2cli] = race([
      { cmd: node, args: [script, smallDir, '.'] },
      { cmd: `${all} openssl dgst -sha256 >/dev/null`, args: [], cwd: smallDir, shell: true },
      { cmd: `${all} sha256sum >/dev/null`, args: [], cwd: smallDir, shell: true },
      { cmd: node, args: [script, smallDir, '.', '1'] },
      { cmd: node, args: [script, smallDir, '.', '2'] },
      { cmd: node, args: [cli, 'digest', '.'], cwd: smallDir }
    ])
    const small = result(`${SMALL_FILES} files of 4 KiB`, SMALL_FILES * SMALL_SIZE, q2, o2, s2)
    small.seconds.qprovOneThread = q2one.median
    small.seconds.qprovTwoWorkers = q2two.median
    small.best.qprovOneThread = q2one.best
    small.best.qprovTwoWorkers = q2two.best
    small.seconds.qprovCli = q2cli.median
    small.best.qprovCli = q2cli.best
    results.push(small)
    for (const r of results) report(r)
    return results
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
