import { QprovError } from '../errors.js'
import type { ActionInputs } from './inputs.js'
import { runAttest } from './modes/attest.js'
import { runReceipt } from './modes/receipt.js'
import { runSubmit, runTag } from './modes/runtime.js'
import type { Reporter } from './reporter.js'

/** inputs → pipeline → outputs. Each mode is a thin call into domain code. */
export async function runAction(inputs: ActionInputs, report: Reporter): Promise<void> {
  switch (inputs.mode) {
    case 'receipt':
      return runReceipt(inputs, report)
    case 'attest':
      return runAttest(inputs, report)
    case 'submit':
      return runSubmit(inputs, report)
    case 'tag':
      return runTag(inputs, report)
    case 'bundle':
    case 'verify':
      throw new QprovError(
        'MODE_NOT_IMPLEMENTED',
        `mode "${inputs.mode}" is not implemented yet in this version of qprov; use modes receipt, attest, submit or tag`
      )
  }
}
