import { createHash, type Hash } from 'node:crypto'
import { DIFF_FLAGS, git, mapLimit } from './git.js'

/**
 * diff_hash for many commits from a few `git log -p` processes instead of one `git diff` each.
 * `log -p --diff-merges=first-parent --root` prints, per commit, exactly the bytes of
 * `git diff <first parent or empty tree> <sha>` (same pinned flags), after a marker line we
 * choose. Patch lines always start with a prefix (' ', '+', '-', '@', 'diff', …) and paths are
 * C-quoted, so a line starting with \x01 can only be our marker. Streamed: never buffered whole.
 */

const MARK = 0x01

export class PatchStreamHasher {
  readonly hashes = new Map<string, string>()
  private rest: Buffer = Buffer.alloc(0)
  private sha: string | null = null
  private hash: Hash | null = null
  private afterHeader = false

  push(chunk: Buffer): void {
    const data = this.rest.length > 0 ? Buffer.concat([this.rest, chunk]) : chunk
    let start = 0
    for (let nl = data.indexOf(10, start); nl >= 0; nl = data.indexOf(10, start)) {
      this.line(data.subarray(start, nl), true)
      start = nl + 1
    }
    this.rest = Buffer.from(data.subarray(start))
  }

  end(): Map<string, string> {
    if (this.rest.length > 0) this.line(this.rest, false)
    this.rest = Buffer.alloc(0)
    this.finish()
    return this.hashes
  }

  private line(line: Buffer, newline: boolean): void {
    if (line.length > 0 && line[0] === MARK) {
      this.finish()
      this.sha = line.subarray(1).toString('utf8').trim()
      this.hash = createHash('sha256')
      this.afterHeader = true
      return
    }
    // git separates the header line from a non-empty patch with one blank line
    if (this.afterHeader && line.length === 0) {
      this.afterHeader = false
      return
    }
    this.afterHeader = false
    this.hash?.update(line)
    if (newline) this.hash?.update('\n')
  }

  private finish(): void {
    if (this.sha !== null && this.hash !== null)
      this.hashes.set(this.sha, `sha256:${this.hash.digest('hex')}`)
    this.sha = null
    this.hash = null
  }
}

/** diff_hash per sha, running at most `concurrency` log processes over contiguous chunks. */
export async function batchDiffHashes(
  repoDir: string,
  shas: string[],
  concurrency: number,
  onChunk?: (done: number) => void
): Promise<Map<string, string>> {
  const size = Math.max(64, Math.ceil(shas.length / concurrency))
  const chunks: string[][] = []
  for (let i = 0; i < shas.length; i += size) chunks.push(shas.slice(i, i + size))
  const maps = await mapLimit(chunks, concurrency, async chunk => {
    const hasher = new PatchStreamHasher()
    const args = ['log', '-p', '--no-walk=unsorted', '--stdin', '--diff-merges=first-parent']
    await git(repoDir, [...args, '--root', '--format=%x01%H', ...DIFF_FLAGS], {
      input: `${chunk.join('\n')}\n`,
      onData: d => hasher.push(d)
    })
    onChunk?.(chunk.length)
    return hasher.end()
  })
  return new Map(maps.flatMap(m => [...m]))
}
