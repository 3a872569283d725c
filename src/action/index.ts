import * as core from '@actions/core'

const IMPLEMENTED_MODES: string[] = []

async function run(): Promise<void> {
  const mode = core.getInput('mode') || 'attest'
  if (!IMPLEMENTED_MODES.includes(mode)) {
    core.setFailed(`qprov: mode "${mode}" is not implemented yet`)
    return
  }
}

void run()
