import { execFileSync, spawn } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  statSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url))

/** The shipped bundle under `npm test` (QPROV_TEST_DIST=1), else the sources through tsx. */
const ACTION_ARGV =
  process.env.QPROV_TEST_DIST === '1'
    ? [join(REPO_ROOT, 'dist/index.js')]
    : ['--import', import.meta.resolve('tsx'), join(REPO_ROOT, 'src/action/index.ts')]

export interface ActionRun {
  code: number
  stdout: string
  stderr: string
  /** Parsed GITHUB_OUTPUT. */
  outputs: Record<string, string>
  /** Raw GITHUB_OUTPUT and GITHUB_STEP_SUMMARY file contents. */
  outputFile: string
  summary: string
  workspace: string
}

export const tmp = (prefix = 'qprov-action-') => mkdtempSync(join(tmpdir(), prefix))

/** A git repository holding examples/bell in one commit, as a checked-out workflow would. */
export function makeWorkspace(message = 'Add the Bell workload'): string {
  const dir = tmp('qprov-ws-')
  cpSync(join(REPO_ROOT, 'examples/bell'), join(dir, 'examples/bell'), { recursive: true })
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      [
        '-c',
        'user.name=Ada Tester',
        '-c',
        'user.email=ada@example.com',
        '-c',
        'commit.gpgsign=false',
        ...args
      ],
      { cwd: dir, stdio: 'pipe' }
    )
  git('init', '-q', '-b', 'main')
  git('add', '.')
  git('commit', '-q', '-m', message)
  return dir
}

/** `name<<DELIM\nvalue\nDELIM` blocks (and plain `name=value` lines), as the runner reads them. */
export function parseOutputFile(text: string): Record<string, string> {
  const out: Record<string, string> = {}
  const lines = text.split('\n')
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string
    const heredoc = /^([^=<]+)<<(.+)$/.exec(line)
    if (heredoc) {
      const [, name, delim] = heredoc as unknown as [string, string, string]
      const value: string[] = []
      while (++i < lines.length && lines[i] !== delim) value.push(lines[i] as string)
      out[name] = value.join('\n')
    } else if (line.includes('=')) {
      out[line.slice(0, line.indexOf('='))] = line.slice(line.indexOf('=') + 1)
    }
  }
  return out
}

/**
 * Runs the action in its own Node process the way the runner does: inputs as INPUT_<NAME>
 * (upper-cased, hyphens kept), GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files, GITHUB_WORKSPACE.
 * The environment is built from scratch so nothing from the test host leaks in.
 */
export function runActionProcess(
  inputs: Record<string, string | undefined>,
  opts: {
    workspace: string
    env?: Record<string, string | undefined>
    /** A built action bundle to run instead of the default entry. */
    entry?: string
  }
): Promise<ActionRun> {
  const runnerTemp = tmp('qprov-runner-')
  const outputPath = join(runnerTemp, 'github_output')
  const summaryPath = join(runnerTemp, 'step_summary')
  writeFileSync(outputPath, '')
  writeFileSync(summaryPath, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: runnerTemp,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_WORKSPACE: opts.workspace,
    RUNNER_TEMP: runnerTemp,
    GITHUB_ACTIONS: 'true'
  }
  for (const [k, v] of Object.entries(opts.env ?? {})) if (v !== undefined) env[k] = v
  for (const [k, v] of Object.entries(inputs))
    if (v !== undefined) env[`INPUT_${k.toUpperCase()}`] = v
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, opts.entry ? [opts.entry] : ACTION_ARGV, {
      cwd: opts.workspace,
      env,
      stdio: ['ignore', 'pipe', 'pipe']
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', d => (stdout += d))
    child.stderr.on('data', d => (stderr += d))
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000)
    child.on('error', reject)
    child.on('close', code => {
      clearTimeout(timer)
      const outputFile = readFileSync(outputPath, 'utf8')
      resolve({
        code: code ?? -1,
        stdout,
        stderr,
        outputs: parseOutputFile(outputFile),
        outputFile,
        summary: readFileSync(summaryPath, 'utf8'),
        workspace: opts.workspace
      })
    })
  })
}

export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map(f => join(dir, f))
    .filter(f => statSync(f).isFile())
}
