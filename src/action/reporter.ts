import * as core from '@actions/core'
import { renderSummary, type SummaryDoc } from '../github/summary.js'
import { logLine } from '../log-text.js'
import { redact } from '../secrets.js'
import { cleanText } from '../untrusted-text.js'

/**
 * The one sanitiser of the action's log: every line it prints (info, warning, the failure) has
 * its secrets redacted, then goes through the runner log's escaper (src/log-text.ts), so no text
 * from an input, a bundle or a server can become a workflow command. @actions/core then applies
 * the command protocol's own escaping (%, CR, LF) to warnings and errors.
 */
export function actionLine(message: string): string {
  return logLine(redact(message))
}

/** What the pipeline needs from the runner: outputs, log lines and a job summary. */
export interface Reporter {
  output(name: string, value: string): void
  info(message: string): void
  warning(message: string): void
  summary(doc: SummaryDoc): Promise<void>
}

export function coreReporter(): Reporter {
  return {
    // Outputs are one-line values (IDs, digests, paths, JSON): a later step's `${{ }}` gets them.
    output: (name, value) => core.setOutput(name, cleanText(redact(value))),
    info: message => core.info(actionLine(message)),
    warning: message => core.warning(actionLine(message)),
    async summary(doc) {
      if (!process.env.GITHUB_STEP_SUMMARY) return
      await core.summary.addRaw(redact(renderSummary(doc)), true).write()
    }
  }
}
