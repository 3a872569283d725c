import { main } from '../../src/cli/main.js'
import { clearSecretsForTest } from '../../src/secrets.js'
import type { CliResult } from './cli.js'

export interface InProcessOptions {
  /** The working directory for the run (a forks pool: each test file has its own process). */
  cwd?: string
  /** Variables set (or, as undefined, removed) for the run only. */
  env?: Record<string, string | undefined>
}

/**
 * Runs `qprov ARGS` in this process through the CLI's one entry (main), capturing what it writes.
 * For tests that exercise commands, not the process boundary (exit codes of a real process,
 * pipes, signals and dist/ have their own tests). Each run starts with no registered secret, as a
 * new process would, so one run's secrets cannot redact another's leak. Runs must not overlap:
 * they share the process's output streams, environment and working directory.
 */
export async function runInProcess(
  args: string[],
  opts: InProcessOptions = {}
): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const out = process.stdout.write.bind(process.stdout)
  const err = process.stderr.write.bind(process.stderr)
  const env = { QPROV_QUIET: '1', ...opts.env }
  const savedEnv = Object.keys(env).map(k => [k, process.env[k]] as const)
  const savedCwd = process.cwd()
  for (const [k, v] of Object.entries(env))
    if (v === undefined) delete process.env[k]
    else process.env[k] = v
  if (opts.cwd) process.chdir(opts.cwd)
  clearSecretsForTest()
  process.stdout.write = ((chunk: string | Uint8Array) => {
    stdout += chunk.toString()
    return true
  }) as typeof process.stdout.write
  process.stderr.write = ((chunk: string | Uint8Array) => {
    stderr += chunk.toString()
    return true
  }) as typeof process.stderr.write
  try {
    const code = await main(args)
    return { code, stdout, stderr }
  } finally {
    process.stdout.write = out
    process.stderr.write = err
    process.chdir(savedCwd)
    for (const [k, v] of savedEnv)
      if (v === undefined) delete process.env[k]
      else process.env[k] = v
  }
}
