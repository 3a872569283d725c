// Workload digest throughput against openssl and sha256sum, measured in the same run.
// qprov's side runs as a fresh Node process (start-up included) from an esbuild bundle of the
// manifest module, i.e. the same code path dist/cli.js ships. A last row times `qprov digest`
// through the CLI as built (dist/cli.js and the chunks `qprov digest` loads).
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
import { compare, type BenchRow, type Measure } from './table.js'

const GIB = 1024 ** 3
const SMALL_SIZE = 4096

export interface DigestBenchSizes {
  bigBytes: number
  smallFiles: number
  runs: number
}
export const DIGEST_FULL: DigestBenchSizes = { bigBytes: GIB, smallFiles: 20_000, runs: 5 }
export const DIGEST_QUICK: DigestBenchSizes = {
  bigBytes: 64 * 1024 ** 2,
  smallFiles: 2000,
  runs: 2
}

async function bundleDigestScript(dir: string): Promise<string> {
  const manifest = fileURLToPath(new URL('../src/workload/manifest.ts', import.meta.url))
  const out = join(dir, 'digest-bench.mjs')
  await build({
    stdin: {
      contents:
        `import { buildManifest } from ${JSON.stringify(manifest)}\n` +
        'const m = await buildManifest([process.argv[3]], { cwd: process.argv[2] })\n' +
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
  writeFileSync(join(dir, 'package.json'), '{"type":"module"}\n')
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

const quote = (s: string): string => `'${s.replaceAll("'", `'\\''`)}'`

// The shell's `times` prints its children's user and system time after the command; Node has no
// getrusage(RUSAGE_CHILDREN). Every command runs through the shell, so each pays the same start-up.
const TIMES = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s\s*$/

interface Run {
  wall: number
  /** User plus system CPU seconds of the command and its children. */
  cpu: number
}

function once(c: Command): Run {
  const line = c.shell ? c.cmd : [c.cmd, ...c.args].map(quote).join(' ')
  const t0 = process.hrtime.bigint()
  const r = spawnSync('/bin/sh', ['-c', `${line}\ns=$?; times >&2; exit $s`], {
    cwd: c.cwd,
    stdio: ['ignore', 'ignore', 'pipe']
  })
  const wall = Number(process.hrtime.bigint() - t0) / 1e9
  const stderr = r.stderr?.toString() ?? ''
  if (r.status !== 0) throw new Error(`${line} failed: ${stderr || r.error}`)
  const t = TIMES.exec(stderr)
  if (!t) throw new Error(`no CPU times from the shell after ${line}: ${stderr}`)
  return { wall, cpu: +t[1] * 60 + +t[2] + +t[3] * 60 + +t[4] }
}

interface Timing {
  median: number
  best: number
  /** Median CPU seconds: what decides the ratio when the machine is busy. */
  cpu: number
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
function race(commands: Command[], runs: number): Timing[] {
  spawnSync('sync')
  for (const c of commands) once(c)
  const times: Run[][] = commands.map(() => [])
  for (let round = 0; round < runs; round++) commands.forEach((c, i) => times[i].push(once(c)))
  return times.map(r => {
    const wall = r.map(x => x.wall)
    return { median: median(wall), best: Math.min(...wall), cpu: median(r.map(x => x.cpu)) }
  })
}

/** The CPU time of both sides, for the notes column. */
const cpuNote = (q: Timing, ref: Timing, note?: string): string =>
  `${note ? `${note}; ` : ''}CPU ${q.cpu.toFixed(2)} s vs ${ref.cpu.toFixed(2)} s`

function writeBigFile(path: string, bytes: number): void {
  const chunk = randomBytes(4 * 1024 * 1024)
  const fd = openSync(path, 'w')
  try {
    for (let written = 0; written < bytes; written += chunk.length) writeSync(fd, chunk)
  } finally {
    closeSync(fd)
  }
}

function writeSmallFiles(dir: string, count: number): void {
  const data = randomBytes(SMALL_SIZE)
  for (let d = 0; d < count / 1000; d++) {
    const sub = join(dir, `d${d}`)
    mkdirSync(sub, { recursive: true })
    for (let f = 0; f < 1000; f++) {
      data.writeUInt32LE(d * 1000 + f, 0)
      writeFileSync(join(sub, `f${f}.bin`), data)
    }
  }
}

const measure = (label: string, t: Timing, bytes: number): Measure => ({
  label,
  seconds: t.median,
  work: { amount: bytes, unit: 'B' }
})

export async function runDigestBench(size: DigestBenchSizes = DIGEST_FULL): Promise<BenchRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'qprov-bench-digest-'))
  try {
    const script = await bundleDigestScript(dir)
    const cli = bundleCli(join(dir, 'cli'))
    const node = process.execPath
    const rows: BenchRow[] = []

    const bigDir = join(dir, 'big')
    mkdirSync(bigDir)
    const big = join(bigDir, 'one.bin')
    writeBigFile(big, size.bigBytes)
    const bigBytes = Math.ceil(size.bigBytes / (4 * 1024 * 1024)) * 4 * 1024 * 1024
    const [q1, o1, s1] = race(
      [
        { cmd: node, args: [script, bigDir, 'one.bin'] },
        { cmd: 'openssl', args: ['dgst', '-sha256', big] },
        { cmd: 'sha256sum', args: [big] }
      ],
      size.runs
    )
    const bigName = `digest: one ${(bigBytes / 1024 ** 2).toFixed(0)} MiB file`
    const qBig = measure('qprov (node start-up incl.)', q1, bigBytes)
    rows.push(
      compare(
        bigName,
        qBig,
        measure('openssl dgst -sha256', o1, bigBytes),
        cpuNote(q1, o1, 'floor: ratio >= 0.80x')
      )
    )
    rows.push(compare(bigName, qBig, measure('sha256sum', s1, bigBytes), cpuNote(q1, s1)))
    rmSync(bigDir, { recursive: true, force: true })

    const smallDir = join(dir, 'small')
    writeSmallFiles(smallDir, size.smallFiles)
    const bytes = size.smallFiles * SMALL_SIZE
    const all = `find . -type f -print0 | xargs -0`
    const [q2, o2, s2, q2cli] = race(
      [
        { cmd: node, args: [script, smallDir, '.'] },
        { cmd: `${all} openssl dgst -sha256 >/dev/null`, args: [], cwd: smallDir, shell: true },
        { cmd: `${all} sha256sum >/dev/null`, args: [], cwd: smallDir, shell: true },
        { cmd: node, args: [cli, 'digest', '.'], cwd: smallDir }
      ],
      size.runs
    )
    const name = `digest: ${size.smallFiles} files of 4 KiB`
    const sum = measure('find | xargs sha256sum', s2, bytes)
    const qSmall = measure('qprov (node start-up incl.)', q2, bytes)
    rows.push(
      compare(
        name,
        qSmall,
        measure('find | xargs openssl dgst -sha256', o2, bytes),
        cpuNote(q2, o2)
      )
    )
    rows.push(
      compare(
        name,
        qSmall,
        sum,
        cpuNote(q2, s2, 'floor: ratio >= 1.00x (no slower than sha256sum)')
      )
    )
    rows.push(
      compare(
        `${name}, whole CLI`,
        measure('qprov digest (CLI bundle)', q2cli, bytes),
        sum,
        cpuNote(q2cli, s2, 'dist/cli.js as built, commander included')
      )
    )
    return rows
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
