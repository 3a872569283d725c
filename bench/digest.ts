// Workload digest throughput against openssl and sha256sum, measured in the same run.
// qprov's side runs as a fresh Node process (start-up included) from an esbuild bundle of the
// manifest module, i.e. the same code path dist/cli.js ships.
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
const RUNS = 3

export interface DigestBenchResult {
  case: string
  bytes: number
  seconds: {
    qprov: number
    openssl: number
    sha256sum: number
    qprovOneThread?: number
    qprovTwoWorkers?: number
  }
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

/**
 * Best wall-clock seconds per command over RUNS rounds. Rounds interleave the commands, after one
 * untimed warm-up each, so page cache state and machine load hit every contender alike.
 */
function race(commands: Command[]): number[] {
  spawnSync('sync')
  for (const c of commands) once(c)
  const best = commands.map(() => Infinity)
  for (let round = 0; round < RUNS; round++)
    commands.forEach((c, i) => (best[i] = Math.min(best[i], once(c))))
  return best
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
  const mbps = (s: number): string => `${(r.bytes / s / 1e6).toFixed(0)} MB/s`
  console.log(`digest: ${r.case}`)
  console.log(
    `  qprov (node start-up incl.) ${r.seconds.qprov.toFixed(3)} s  ${mbps(r.seconds.qprov)}`
  )
  console.log(
    `  openssl dgst -sha256        ${r.seconds.openssl.toFixed(3)} s  ${mbps(r.seconds.openssl)}`
  )
  console.log(
    `  sha256sum                   ${r.seconds.sha256sum.toFixed(3)} s  ${mbps(r.seconds.sha256sum)}`
  )
  if (r.seconds.qprovOneThread !== undefined)
    console.log(
      `  qprov, one thread           ${r.seconds.qprovOneThread.toFixed(3)} s  ${mbps(r.seconds.qprovOneThread)}`
    )
  if (r.seconds.qprovTwoWorkers !== undefined)
    console.log(
      `  qprov, 2 threads (1 worker) ${r.seconds.qprovTwoWorkers.toFixed(3)} s  ${mbps(r.seconds.qprovTwoWorkers)}`
    )
  console.log(
    `  ratio vs openssl ${r.ratio.openssl.toFixed(2)}x, vs sha256sum ${r.ratio.sha256sum.toFixed(2)}x`
  )
}

function result(
  name: string,
  bytes: number,
  qprov: number,
  openssl: number,
  sha256sum: number
): DigestBenchResult {
  // Throughput ratio: >1 means qprov is faster than the reference.
  return {
    case: name,
    bytes,
    seconds: { qprov, openssl, sha256sum },
    ratio: { openssl: openssl / qprov, sha256sum: sha256sum / qprov }
  }
}

export async function runDigestBench(): Promise<DigestBenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'qprov-bench-digest-'))
  try {
    const script = await bundleDigestScript(dir)
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
    const [q2, o2, s2, q2one, q2two] = race([
      { cmd: node, args: [script, smallDir, '.'] },
      { cmd: `${all} openssl dgst -sha256 >/dev/null`, args: [], cwd: smallDir, shell: true },
      { cmd: `${all} sha256sum >/dev/null`, args: [], cwd: smallDir, shell: true },
      { cmd: node, args: [script, smallDir, '.', '1'] },
      { cmd: node, args: [script, smallDir, '.', '2'] }
    ])
    const small = result(`${SMALL_FILES} files of 4 KiB`, SMALL_FILES * SMALL_SIZE, q2, o2, s2)
    small.seconds.qprovOneThread = q2one
    small.seconds.qprovTwoWorkers = q2two
    results.push(small)
    for (const r of results) report(r)
    return results
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}
