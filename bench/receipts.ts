import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { generateReceipts } from '../src/receipt/generate.js'
import { git } from '../src/receipt/git.js'
import { compare, type BenchRow } from './table.js'

export interface ReceiptBenchSizes {
  commits: number
  naiveSample: number
}
export const RECEIPTS_FULL: ReceiptBenchSizes = { commits: 1001, naiveSample: 150 }
export const RECEIPTS_QUICK: ReceiptBenchSizes = { commits: 101, naiveSample: 20 }

/** A throwaway repository of `COMMITS` linear commits, each changing one of 50 files, via fast-import. */
function buildRepo(COMMITS: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'qprov-bench-receipts-'))
  const env = { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' }
  spawnSync('git', ['init', '-q', '-b', 'main', dir], { env })
  const parts: string[] = []
  for (let i = 1; i <= COMMITS; i++) {
    const msg = `commit ${i}\n\nBody of commit ${i}.\n${i % 10 === 0 ? '\nCo-authored-by: Claude <noreply@anthropic.com>\n' : ''}`
    const content = `file ${i % 50} revision ${i}\n${'x'.repeat(200)}\n`
    parts.push(
      'commit refs/heads/main',
      `mark :${i}`,
      `author Bench <bench@example.com> ${1_700_000_000 + i * 60} +0000`,
      `committer Bench <bench@example.com> ${1_700_000_000 + i * 60} +0000`,
      `data ${Buffer.byteLength(msg)}`,
      msg,
      ...(i > 1 ? [`from :${i - 1}`] : []),
      `M 100644 inline src/f${i % 50}.txt`,
      `data ${Buffer.byteLength(content)}`,
      content,
      ''
    )
  }
  const r = spawnSync('git', ['fast-import', '--quiet'], { cwd: dir, env, input: parts.join('\n') })
  if (r.status !== 0) throw new Error(`fast-import failed: ${r.stderr.toString()}`)
  return dir
}

/** The reference's shape: ~8 git processes per commit, one after another. */
async function naiveCommit(repo: string, sha: string): Promise<string> {
  const fmt = '--format=%H%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%s'
  await git(repo, ['log', '-1', '--no-mailmap', fmt, sha])
  await git(repo, ['rev-parse', `${sha}^{tree}`])
  await git(repo, ['rev-parse', `${sha}^@`])
  await git(repo, ['log', '-1', '--no-mailmap', '--format=%B', sha])
  const base = (await git(repo, ['rev-parse', '--verify', `${sha}~1`])).toString().trim()
  const diff = await git(repo, ['diff', '--no-ext-diff', '--no-textconv', base, sha])
  await git(repo, ['diff', '--no-ext-diff', '--no-textconv', '--name-only', base, sha])
  await git(repo, ['remote', 'get-url', 'origin']).catch(() => null)
  return createHash('sha256').update(diff).digest('hex')
}

export async function runReceiptBench(
  size: ReceiptBenchSizes = RECEIPTS_FULL
): Promise<BenchRow[]> {
  const repo = buildRepo(size.commits)
  try {
    const root = (await git(repo, ['rev-list', '--max-parents=0', 'HEAD'])).toString().trim()
    const t0 = performance.now()
    const receipts = await generateReceipts({ repoDir: repo, range: `${root}..HEAD` })
    const batchedSec = (performance.now() - t0) / 1000
    const shas = (await git(repo, ['rev-list', `--max-count=${size.naiveSample}`, 'HEAD']))
      .toString()
      .trim()
      .split('\n')
    const t1 = performance.now()
    for (const sha of shas) await naiveCommit(repo, sha)
    const naiveSec = (performance.now() - t1) / 1000
    return [
      compare(
        `receipts: ${receipts.length} commits`,
        {
          label: 'qprov receipt create (batched)',
          seconds: batchedSec,
          work: { amount: receipts.length, unit: 'commits' }
        },
        {
          label: 'per-commit git (8 processes each)',
          seconds: naiveSec,
          work: { amount: shas.length, unit: 'commits' }
        },
        `reference timed on a ${shas.length}-commit sample; ratio compares commits/s`
      )
    ]
  } finally {
    rmSync(repo, { recursive: true, force: true })
  }
}
