import { spawn } from 'node:child_process'
import { QprovError } from '../errors.js'

/**
 * Hardened git invocation. Receipt bytes (diff_hash, files) must be what the AIIR reference gets
 * under git's DEFAULT configuration, so nothing a user, system or repository config sets may
 * change them: system/global config is switched off, every output-shaping key is pinned with `-c`
 * (which outranks repository config), and diff formatting is fixed again by explicit flags.
 */

const TIMEOUT_MS = 300_000

/** `-c` pins: each value is git's built-in default, except colour which is off for pipes anyway. */
const PINNED_CONFIG: string[] = [
  'color.ui=never',
  'color.diff=never',
  'core.quotePath=true',
  'core.bigFileThreshold=512m',
  'core.attributesFile=/dev/null',
  'diff.noprefix=false',
  'diff.mnemonicPrefix=false',
  'diff.renames=true',
  'diff.renameLimit=1000',
  'diff.algorithm=myers',
  'diff.indentHeuristic=true',
  'diff.suppressBlankEmpty=false',
  'diff.context=3',
  'diff.interHunkContext=0',
  'diff.relative=false',
  'diff.submodule=short',
  'diff.ignoreSubmodules=none',
  'i18n.logOutputEncoding=UTF-8',
  'log.showSignature=false',
  'log.showRoot=true',
  'core.pager=cat'
]

/** Flags that restate the defaults for every diff we hash or list. */
export const DIFF_FLAGS = [
  '--no-ext-diff',
  '--no-textconv',
  '--no-color',
  '--src-prefix=a/',
  '--dst-prefix=b/',
  '-M',
  '--diff-algorithm=myers',
  '--indent-heuristic',
  '-U3',
  '--inter-hunk-context=0',
  '--no-relative',
  '-O/dev/null'
]

/** The environment for git: the caller's, minus every GIT_* variable, plus our switches. */
export function gitEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith('GIT_')) env[k] = v
  return {
    ...env,
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
    GIT_ASKPASS: '',
    GIT_PAGER: 'cat',
    LC_ALL: 'C'
  }
}

export function gitArgs(repoDir: string, args: string[]): string[] {
  const pins = PINNED_CONFIG.flatMap(c => ['-c', c])
  // safe.directory is honoured from the command line; it replaces what a CI global config granted
  return ['--no-optional-locks', '--no-pager', '-c', `safe.directory=${repoDir}`, ...pins, ...args]
}

export interface GitCall {
  input?: string
  /** Receives stdout chunks instead of buffering them (for streamed hashing). */
  onData?: (chunk: Buffer) => void
}

/** Runs git in repoDir; resolves with stdout bytes, rejects with QprovError GIT_ERROR on failure. */
export function git(repoDir: string, args: string[], call: GitCall = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', gitArgs(repoDir, args), {
      cwd: repoDir,
      env: gitEnv(),
      stdio: [call.input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe']
    })
    // Our own timer: spawn's `timeout` is never cleared when the spawn itself fails (a missing
    // cwd), and would keep the process alive for the full five minutes after the error.
    const timer = setTimeout(() => child.kill('SIGKILL'), TIMEOUT_MS)
    const out: Buffer[] = []
    const err: Buffer[] = []
    child.stdout?.on('data', (d: Buffer) => (call.onData ? call.onData(d) : out.push(d)))
    child.stderr?.on('data', (d: Buffer) => err.push(d))
    child.on('error', e => {
      clearTimeout(timer)
      reject(new QprovError('GIT_ERROR', `cannot run git: ${e.message}`))
    })
    child.on('close', code => {
      clearTimeout(timer)
      if (code === 0) return resolve(Buffer.concat(out))
      const msg = Buffer.concat(err).toString('utf8').trim().split('\n')[0] || `exit ${code}`
      reject(new QprovError('GIT_ERROR', `git ${args[0]} failed: ${msg}`))
    })
    if (child.stdin) {
      // git may exit before reading its stdin; that is its answer, not a crash of ours
      child.stdin.on('error', () => {})
      child.stdin.end(call.input)
    }
  })
}

/** Runs tasks with at most `limit` in flight, keeping result order. */
export async function mapLimit<T, R>(
  items: T[],
  limit: number,
  fn: (item: T, i: number) => Promise<R>
): Promise<R[]> {
  const results = new Array<R>(items.length)
  let next = 0
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++
      results[i] = await fn(items[i], i)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return results
}
