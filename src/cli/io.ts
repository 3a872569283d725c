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
