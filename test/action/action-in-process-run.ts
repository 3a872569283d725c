import { writeFileSync, readFileSync } from 'node:fs'
import * as core from '@actions/core'
import { join } from 'node:path'
import { runMain } from '../../src/action/main.js'
import { clearSecretsForTest, setSecretMasker } from '../../src/secrets.js'
import { captureOutput } from '../helpers/capture.js'
import { parseOutputFile, tmp, type ActionRun } from './action-process.js'

/**
 * runActionProcess's step, run in this process through the action's one entry (runMain): the same
 * INPUT_* variables, GITHUB_OUTPUT / GITHUB_STEP_SUMMARY files and workspace, and an environment
 * holding only those (the test host's is set aside for the run and put back). The exit status is
 * what @actions/core leaves in process.exitCode. dist/index.js as a process has its own tests
 * (e2e.test.ts). Runs must not overlap.
 */
export async function runActionInProcess(
  inputs: Record<string, string | undefined>,
  opts: { workspace: string; env?: Record<string, string | undefined> }
): Promise<ActionRun> {
  const runnerTemp = tmp('qprov-runner-')
  const outputPath = join(runnerTemp, 'github_output')
  const summaryPath = join(runnerTemp, 'step_summary')
  writeFileSync(outputPath, '')
  writeFileSync(summaryPath, '')
  const env: Record<string, string> = {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: runnerTemp,
    GITHUB_OUTPUT: outputPath,
    GITHUB_STEP_SUMMARY: summaryPath,
    GITHUB_WORKSPACE: opts.workspace,
    RUNNER_TEMP: runnerTemp,
    GITHUB_ACTIONS: 'true'
  }
  for (const [k, v] of Object.entries(opts.env ?? {})) if (v !== undefined) env[k] = v
  for (const [k, v] of Object.entries(inputs))
    if (v !== undefined) env[`INPUT_${k.toUpperCase()}`] = v
  const savedEnv = { ...process.env }
  const savedCwd = process.cwd()
  const savedExit = process.exitCode
  for (const k of Object.keys(process.env)) delete process.env[k]
  Object.assign(process.env, env)
  process.chdir(opts.workspace)
  process.exitCode = undefined
  clearSecretsForTest()
  // @actions/core keeps the first GITHUB_STEP_SUMMARY it saw; a new process would read it afresh.
  resetSummary()
  try {
    const {
      result: code,
      stdout,
      stderr
    } = await captureOutput(async () => {
      await runMain()
      return Number(process.exitCode ?? 0)
    })
    const outputFile = readFileSync(outputPath, 'utf8')
    return {
      code,
      stdout,
      stderr,
      outputs: parseOutputFile(outputFile),
      outputFile,
      summary: readFileSync(summaryPath, 'utf8'),
      workspace: opts.workspace
    }
  } finally {
    setSecretMasker(undefined)
    clearSecretsForTest()
    process.chdir(savedCwd)
    for (const k of Object.keys(process.env)) delete process.env[k]
    Object.assign(process.env, savedEnv)
    process.exitCode = savedExit
  }
}

/**
 * @actions/core's summary keeps the first GITHUB_STEP_SUMMARY it resolves, once per process; test
 * files share a process (isolate: false), so each in-process action run must forget it.
 */
export function resetSummary(): void {
  const summary = core.summary as unknown as { _filePath?: string }
  summary._filePath = undefined
  core.summary.emptyBuffer()
}
