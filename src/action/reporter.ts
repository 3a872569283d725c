import * as core from '@actions/core'
import { redact } from '../secrets.js'

/** What the pipeline needs from the runner: outputs, log lines and a job summary. */
export interface Reporter {
  output(name: string, value: string): void
  info(message: string): void
  warning(message: string): void
  summary(title: string, rows: [string, string][]): Promise<void>
}

export function coreReporter(): Reporter {
  return {
    output: (name, value) => core.setOutput(name, redact(value)),
    info: message => core.info(redact(message)),
    warning: message => core.warning(redact(message)),
    async summary(title, rows) {
      if (!process.env.GITHUB_STEP_SUMMARY) return
      await core.summary
        .addHeading(escapeHtml(title), 3)
        .addTable([
          [
            { data: 'item', header: true },
            { data: 'value', header: true }
          ],
          ...rows.map(([k, v]) => [escapeHtml(k), `<code>${escapeHtml(redact(v))}</code>`])
        ])
        .write()
    }
  }
}

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, c => `&#${c.charCodeAt(0)};`)
}
