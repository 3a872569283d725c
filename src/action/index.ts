import * as core from '@actions/core'
import { QprovError, oneLine } from '../errors.js'
import { redact, setSecretMasker } from '../secrets.js'
import { readInputs } from './inputs.js'
import { runAction } from './run.js'
import { coreReporter } from './reporter.js'

/** The action's one failure site: every error becomes a single annotated line. */
export async function run(): Promise<void> {
  setSecretMasker(v => core.setSecret(v))
  try {
    await runAction(readInputs(), coreReporter())
  } catch (e) {
    const code = e instanceof QprovError ? e.code : 'INTERNAL'
    core.setFailed(redact(`qprov [${code}]: ${oneLine(e)}`))
  }
}

void run()
