import * as core from '@actions/core'
import { renderSummary, type SummaryDoc } from '../github/summary.js'
import { redact } from '../secrets.js'

/** What the pipeline needs from the runner: outputs, log lines and a job summary. */
export interface Reporter {
  output(name: string, value: string): void
  info(message: string): void
  warning(message: string): void
  summary(doc: SummaryDoc): Promise<void>
}

export function coreReporter(): Reporter {
  return {
    output: (name, value) => core.setOutput(name, redact(value)),
    info: message => core.info(redact(message)),
    warning: message => core.warning(redact(message)),
    async summary(doc) {
      if (!process.env.GITHUB_STEP_SUMMARY) return
      await core.summary.addRaw(redact(renderSummary(doc)), true).write()
    }
  }
}
