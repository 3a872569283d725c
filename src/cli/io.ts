import { logJson, logLines } from '../log-text.js'
import { redact } from '../secrets.js'

/**
 * All CLI output goes through here: registered secrets are redacted, then the terminal's escaper
 * (src/log-text.ts) runs, since stdout is as often a CI step's log as a terminal.
 */
export function printOut(text: string): void {
  process.stdout.write(`${terminalText(text)}\n`)
}

export function printErr(text: string): void {
  process.stderr.write(`${terminalText(text)}\n`)
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
