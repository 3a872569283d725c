import { redact } from '../secrets.js'

/** All CLI output goes through here so that registered secrets can never reach a terminal or log. */
export function printOut(text: string): void {
  process.stdout.write(`${redact(text)}\n`)
}

export function printErr(text: string): void {
  process.stderr.write(`${redact(text)}\n`)
}

export function printJson(value: unknown): void {
  printOut(JSON.stringify(value, null, 2))
}

/** Progress lines for long work; on stderr so --json output on stdout stays parseable. */
export function progress(text: string): void {
  if (process.env.QPROV_QUIET === '1') return
  printErr(`qprov: ${text}`)
}

/** Resolves on the first SIGTERM or SIGINT: long-running commands then close their servers. */
export function untilSignal(): Promise<void> {
  return new Promise<void>(resolve => {
    const stop = (): void => {
      process.off('SIGTERM', stop)
      process.off('SIGINT', stop)
      resolve()
    }
    process.on('SIGTERM', stop)
    process.on('SIGINT', stop)
  })
}

/**
 * A reader that closes early (`qprov verify … | head -1`) makes further writes fail with EPIPE.
 * That is not an error of qprov's: the rest of the output is dropped and the command still
 * exits with its own status, without a stack trace. Any other stream error stays fatal.
 */
export function dropOutputToClosedPipes(): void {
  for (const stream of [process.stdout, process.stderr])
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e
    })
}
