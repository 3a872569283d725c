import { spawnSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

/** Plain git for fixtures and independent checks: default config, nothing from the host. */
export function plainGitEnv(extra: Record<string, string> = {}): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith('GIT_')) env[k] = v
  return { ...env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null', ...extra }
}

export function sh(
  cwd: string,
  args: string[],
  opts: { input?: string | Buffer; env?: Record<string, string> } = {}
): Buffer {
  const r = spawnSync('git', args, {
    cwd,
    env: opts.env ?? plainGitEnv(),
    input: opts.input,
    maxBuffer: 256 * 1024 * 1024
  })
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.toString()}`)
  return r.stdout
}

let tick = 0
function commit(dir: string, message: string, who = ['Alice Example', 'alice@example.com']): void {
  tick++
  const date = `2026-03-0${1 + (tick % 9)}T1${tick % 10}:00:00+02:00`
  sh(dir, ['commit', '-q', '--allow-empty', '-F', '-'], {
    input: message,
    env: plainGitEnv({
      GIT_AUTHOR_NAME: who[0],
      GIT_AUTHOR_EMAIL: who[1],
      GIT_AUTHOR_DATE: date,
      GIT_COMMITTER_NAME: 'Committer Ç',
      GIT_COMMITTER_EMAIL: 'c@example.com',
      GIT_COMMITTER_DATE: date
    })
  })
}

/**
 * A repository with the awkward cases: root commit, CRLF and Unicode messages, a binary file,
 * a non-ASCII path, >100 files in one commit, a rename, AI co-author trailers, a bot author and
 * a merge commit whose first parent is not its only parent.
 */
export function buildFixtureRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qprov-receipt-repo-'))
  sh(dir, ['init', '-q', '-b', 'main'])
  writeFileSync(join(dir, 'README.md'), 'hello\n')
  sh(dir, ['add', '.'])
  commit(dir, 'root: initial import\n')
  writeFileSync(join(dir, 'notes.txt'), 'line one\r\nline two\r\n')
  sh(dir, ['add', '.'])
  commit(dir, 'crlf: windows message\r\n\r\nBody line\r\nwith CRLF\r\n')
  writeFileSync(join(dir, 'grüße.txt'), 'Grüße, 世界 🌍\n')
  sh(dir, ['add', '.'])
  commit(dir, 'unicode: 世界 ünïcödé ✓\n\n  trailing spaces and tabs\t \n\n\n', [
    'Zoë Ünïcode',
    'zoe@example.com'
  ])
  writeFileSync(join(dir, 'blob.bin'), Buffer.from([0, 1, 2, 255, 254, 0, 10, 13, 0]))
  sh(dir, ['add', '.'])
  commit(dir, 'binary: add a blob\n')
  mkdirSync(join(dir, 'many'))
  for (let i = 0; i < 120; i++)
    writeFileSync(join(dir, 'many', `f${String(i).padStart(3, '0')}.txt`), `${i}\n`)
  sh(dir, ['add', '.'])
  commit(dir, 'many: 120 files\n')
  sh(dir, ['mv', 'notes.txt', 'renamed-notes.txt'])
  commit(dir, 'rename notes\n\nCo-authored-by: Claude <noreply@anthropic.com>\n')
  sh(dir, ['checkout', '-q', '-b', 'side'])
  writeFileSync(join(dir, 'side.txt'), 'from the side branch\n')
  sh(dir, ['add', '.'])
  commit(dir, 'side: work\n', [
    'dependabot[bot]',
    '49699333+dependabot[bot]@users.noreply.github.com'
  ])
  sh(dir, ['checkout', '-q', 'main'])
  writeFileSync(join(dir, 'README.md'), 'hello\nmain moved on\n')
  sh(dir, ['add', '.'])
  commit(dir, 'main: edit readme\n\nAI-Assisted: yes\n')
  sh(dir, ['merge', '-q', '--no-ff', '--no-edit', 'side'], {
    env: plainGitEnv({
      GIT_AUTHOR_NAME: 'Merger',
      GIT_AUTHOR_EMAIL: 'm@example.com',
      GIT_COMMITTER_NAME: 'Merger',
      GIT_COMMITTER_EMAIL: 'm@example.com',
      GIT_AUTHOR_DATE: '2026-03-09T12:00:00Z',
      GIT_COMMITTER_DATE: '2026-03-09T12:00:00Z'
    })
  })
  return dir
}
