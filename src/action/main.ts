import * as core from '@actions/core'
import { QprovError, oneLine } from '../errors.js'
import { registerSecret, setSecretMasker } from '../secrets.js'
import { githubEdges } from './github-edges.js'
import { readInputs } from './inputs.js'
import { runAction } from './run.js'
import { actionLine, coreReporter } from './reporter.js'
import { proofVerifier } from './verifier.js'

/** The action's one failure site: every error becomes a single annotated line. */
export async function runMain(): Promise<void> {
  setSecretMasker(v => core.setSecret(v))
  registerSecret(process.env.ACTIONS_RUNTIME_TOKEN)
  try {
    const inputs = readInputs()
    await runAction(inputs, coreReporter(), githubEdges(inputs), proofVerifier)
  } catch (e) {
    const code = e instanceof QprovError ? e.code : 'INTERNAL'
    core.setFailed(actionLine(`qprov [${code}]: ${oneLine(e)}`))
  }
}
