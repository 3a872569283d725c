import { logJson, logLine, logLines } from '../log-text.js'
import { redact } from '../secrets.js'

/**
 * All CLI output goes through here: registered secrets are redacted, then the terminal's escaper
 * (src/log-text.ts) runs, since stdout is as often a CI step's log as a terminal. printOut and
 * printErr print one line: whatever they quote (a path, a server's tag) cannot start another.
 */
export function printOut(line: string): void {
  process.stdout.write(`${logLine(redact(line))}\n`)
}

export function printErr(line: string): void {
  process.stderr.write(`${logLine(redact(line))}\n`)
}

/** Text of several lines that qprov assembled itself (the verify table); each line escaped. */
export function printLines(text: string): void {
  process.stdout.write(`${terminalText(text)}\n`)
}

export function terminalText(text: string): string {
  return logLines(redact(text))
}

/** JSON text exactly as parsed by a consumer, with nothing a terminal or runner would act on. */
export function printJsonText(json: string): void {
  process.stdout.write(`${logJson(redact(json))}\n`)
}

export function printJson(value: unknown): void {
  printJsonText(JSON.stringify(value, null, 2))
}

/** Progress lines for long work; on stderr so --json output on stdout stays parseable. */
export function progress(text: string): void {
  if (process.env.QPROV_QUIET === '1') return
  printErr(`qprov: ${text}`)
}

/**
 * A progress line that replaces the previous one on a terminal, and is one line of its own
 * anywhere else (a CI log gets one line per change, never carriage returns).
 */
export function progressInPlace(text: string, final = false): void {
  if (process.env.QPROV_QUIET === '1') return
  if (!process.stderr.isTTY) return printErr(`qprov: ${text}`)
  process.stderr.write(`\r\x1b[2K${logLine(redact(`qprov: ${text}`))}${final ? '\n' : ''}`)
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
