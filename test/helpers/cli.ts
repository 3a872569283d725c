import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))
const CLI_ENTRY = fileURLToPath(new URL('../../src/cli/bin.ts', import.meta.url))
const CLI_DIST = fileURLToPath(new URL('../../dist/cli.js', import.meta.url))
const TSX_LOADER = import.meta.resolve('tsx')

/**
 * `npm test` checks that dist/ matches a fresh build before the suite runs, then sets
 * QPROV_TEST_DIST=1 so CLI tests run the shipped bundle (and start three times faster than tsx).
 * A bare `npx vitest` runs the sources instead.
 */
const CLI_ARGV =
  process.env.QPROV_TEST_DIST === '1' ? [CLI_DIST] : ['--import', TSX_LOADER, CLI_ENTRY]

export interface CliResult {
  code: number
  stdout: string
  stderr: string
}

export interface CliOptions {
  cwd?: string
  env?: Record<string, string | undefined>
  input?: string
  timeoutMs?: number
}

/** Runs the qprov CLI from source in a separate Node process, as a user would. */
export function runCli(args: string[], opts: CliOptions = {}): Promise<CliResult> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string> = {}
    for (const [k, v] of Object.entries({ ...process.env, QPROV_QUIET: '1', ...opts.env }))
      if (v !== undefined) env[k] = v
    const child = spawn(process.execPath, [...CLI_ARGV, ...args], {
      cwd: opts.cwd ?? REPO_ROOT,
      env,
      stdio: ['pipe', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 120_000)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      resolve({ code: code ?? -1, stdout, stderr })
    })
    child.stdin.end(opts.input ?? '')
  })
}

/** The node arguments that start the CLI, for tests that spawn long-running commands themselves. */
export function cliNodeArgs(...args: string[]): string[] {
  return [...CLI_ARGV, ...args]
}

/** `qprov sandbox --dir DIR` as its own process, as a user or the demo runs it; resolves on "ready". */
export function startSandboxProcess(dir: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, cliNodeArgs('sandbox', '--dir', dir), {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let out = ''
    let err = ''
    child.stdout.on('data', d => {
      out += d
      if (out.split('\n').includes('ready')) resolve(child)
    })
    child.stderr.on('data', d => (err += d))
    child.on('exit', code => reject(new Error(`sandbox exited early (${code}): ${err}`)))
  })
}
