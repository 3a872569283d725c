// The pieces `npm run demo` and `npm run example:regenerate` share: the real CLI as a child
// process, a local sandbox, and a tiny git repository whose commit declares an AI co-author.
import { execFileSync, spawn } from 'node:child_process'
import { cpSync, existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const ROOT = fileURLToPath(new URL('../', import.meta.url))

/** dist/cli.js as shipped; QPROV_DEMO_CLI points at another build (e.g. one made into a temp dir). */
export function cliPath(): string {
  const cli = process.env.QPROV_DEMO_CLI ?? join(ROOT, 'dist/cli.js')
  if (!existsSync(cli)) throw new Error(`${cli} is missing; run \`npm run build\` first`)
  return cli
}

export interface Run {
  code: number
  stdout: string
  stderr: string
}

/** Runs `qprov args` in cwd; exit codes are returned, not thrown. */
export function runQprov(cli: string, args: string[], cwd: string): Run {
  try {
    const stdout = execFileSync(process.execPath, [cli, ...args], {
      cwd,
      encoding: 'utf8',
      env: { ...process.env, QPROV_QUIET: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
      maxBuffer: 64 * 1024 * 1024
    })
    return { code: 0, stdout, stderr: '' }
  } catch (e) {
    const err = e as { status?: number | null; stdout?: string; stderr?: string }
    if (typeof err.status !== 'number') throw e
    return { code: err.status, stdout: err.stdout ?? '', stderr: err.stderr ?? '' }
  }
}

export interface SandboxInfo {
  dir: string
  trustedRoot: string
  identity: string
  issuer: string
  rekorURL: string
  rekorV2URL: string
  rekorVersion: 1 | 2
  fulcioURL: string
  runtimeURL: string
  stop(): Promise<void>
}

/**
 * `qprov sandbox` as its own process, with `prefill` log entries of other signers before ours;
 * commands given `--sandbox dir` sign to Rekor `rekorVersion` (both logs are served).
 */
export async function startSandbox(
  cli: string,
  dir: string,
  prefill: number,
  rekorVersion: 1 | 2 = 1
): Promise<SandboxInfo> {
  const child = spawn(
    process.execPath,
    [
      cli,
      'sandbox',
      '--dir',
      dir,
      '--log-prefill',
      String(prefill),
      '--rekor-version',
      String(rekorVersion)
    ],
    { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, QPROV_QUIET: '1' } }
  )
  let err = ''
  child.stderr.on('data', d => (err += d))
  await new Promise<void>((resolve, reject) => {
    let buf = ''
    child.stdout.on('data', d => {
      buf += d
      if (buf.includes('ready')) resolve()
    })
    child.on('exit', code => reject(new Error(`qprov sandbox exited early (${code}): ${err}`)))
  })
  const cfg = JSON.parse(readFileSync(join(dir, 'sandbox.json'), 'utf8')) as Record<string, string>
  return {
    dir,
    trustedRoot: cfg.trustedRoot as string,
    identity: cfg.identity as string,
    issuer: cfg.issuer as string,
    rekorURL: cfg.rekorURL as string,
    rekorV2URL: cfg.rekorV2URL as string,
    rekorVersion,
    fulcioURL: cfg.fulcioURL as string,
    runtimeURL: cfg.runtimeURL as string,
    stop: () =>
      new Promise<void>(resolve => {
        child.removeAllListeners('exit')
        child.on('exit', () => resolve())
        child.kill('SIGTERM')
      })
  }
}

export const AI_COMMIT_MESSAGE =
  'Add Bell-state sampler workload\n\nCo-authored-by: GitHub Copilot <copilot@github.com>'

export function git(repo: string, args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Ada Quantum',
      GIT_AUTHOR_EMAIL: 'ada@example.org',
      GIT_COMMITTER_NAME: 'Ada Quantum',
      GIT_COMMITTER_EMAIL: 'ada@example.org',
      GIT_AUTHOR_DATE: '2026-01-15T10:00:00Z',
      GIT_COMMITTER_DATE: '2026-01-15T10:00:00Z'
    }
  })
}

/** A one-commit repository holding examples/bell, its commit declaring an AI co-author. */
export function makeDemoRepo(repo: string): string {
  cpSync(join(ROOT, 'examples/bell'), join(repo, 'bell'), { recursive: true })
  git(repo, ['init', '-q', '-b', 'main'])
  git(repo, ['add', '.'])
  git(repo, ['commit', '-q', '-m', AI_COMMIT_MESSAGE])
  return git(repo, ['rev-parse', 'HEAD']).trim()
}

/** The verify policy for a sandbox run, as flags. */
export function policyFlags(
  sb: Pick<SandboxInfo, 'trustedRoot' | 'identity' | 'issuer'>
): string[] {
  return [
    '--trusted-root',
    sb.trustedRoot,
    '--certificate-identity',
    sb.identity,
    '--certificate-oidc-issuer',
    sb.issuer
  ]
}
