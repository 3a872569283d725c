import { main } from '../../src/cli/main.js'
import type { CliResult } from './cli.js'

/**
 * Runs `qprov ARGS` in this process through the CLI's one entry (main), capturing what it writes.
 * For tests that exercise commands, not the process boundary (exit codes of a real process,
 * pipes, signals and dist/ have their own tests).
 */
export async function runInProcess(args: string[]): Promise<CliResult> {
  let stdout = ''
  let stderr = ''
  const out = process.stdout.write.bind(process.stdout)
  const err = process.stderr.write.bind(process.stderr)
  const quiet = process.env.QPROV_QUIET
  process.env.QPROV_QUIET = '1'
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
    if (quiet === undefined) delete process.env.QPROV_QUIET
    else process.env.QPROV_QUIET = quiet
  }
}
