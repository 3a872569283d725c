import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { INPUT_NAMES, type InputName } from '../../src/action/inputs.js'
import { runMain } from '../../src/action/main.js'
import { clearSecretsForTest, setSecretMasker } from '../../src/secrets.js'
import { captureOutput } from '../helpers/capture.js'
import { REPO_ROOT, makeWorkspace, parseOutputFile, tmp } from './action-process.js'
import { resetSummary } from './action-in-process-run.js'

const yaml = createRequire(import.meta.url)('js-yaml') as { load(text: string): unknown }
const OUTPUTS = Object.keys(
  (yaml.load(readFileSync(join(REPO_ROOT, 'action.yml'), 'utf8')) as { outputs: object }).outputs
)

/** Values that try to become workflow commands once printed, in every form the runner reads. */
const HOSTILE = [
  'x\n::warning ::x',
  '::set-output name=a::b',
  '::stop-commands::tok',
  'y%0A::error::z',
  'x##[add-mask]y',
  'x\r\n##[set-output name=verified;]true'
]

/** The mode that reads each input, so the value goes as far into the action as it can. */
function modeFor(name: InputName): Record<string, string> {
  if (['commit', 'commit-range', 'declare-ai', 'out-dir'].includes(name)) return { mode: 'receipt' }
  if (['workload', 'receipt', 'receipts-json', 'sigstore'].includes(name) || name.endsWith('-url'))
    return name === 'runtime-url' || name === 'iam-url'
      ? { mode: 'tag', 'job-id': 'job1', 'attestation-dir': 'att', instance: 'crn:v1' }
      : { mode: 'attest', workload: 'examples/bell', sigstore: 'custom' }
  if (
    [
      'instance',
      'backend',
      'job-id',
      'attestation-dir',
      'api-key-env',
      'artifact-name',
      'artifact-retention-days',
      'release-tag',
      'upload-artifact',
      'attestation-store'
    ].includes(name)
  )
    return { mode: 'tag', 'job-id': 'job1', 'attestation-dir': 'att', instance: 'crn:v1' }
  return { mode: 'verify', bundle: 'no-such-proof' }
}

/** The commands @actions/core issues for qprov's own calls; nothing else may start a line. */
const OWN = /^::(add-mask|error|warning|notice|debug|group|endgroup)::/

let ws: string
const saved = { ...process.env }
beforeAll(() => {
  ws = makeWorkspace()
})
afterAll(() => {
  process.env = saved
})

async function runWith(inputs: Record<string, string>) {
  const runner = tmp('qprov-inject-')
  const outputFile = join(runner, 'output')
  const summaryFile = join(runner, 'summary')
  writeFileSync(outputFile, '')
  writeFileSync(summaryFile, '')
  const env: NodeJS.ProcessEnv = {
    PATH: saved.PATH,
    HOME: runner,
    GITHUB_WORKSPACE: ws,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
    GITHUB_REPOSITORY: 'octo/repo',
    GITHUB_SERVER_URL: 'https://github.com',
    GITHUB_API_URL: 'http://127.0.0.1:9',
    GITHUB_SHA: 'a'.repeat(40)
  }
  for (const [k, v] of Object.entries(inputs)) env[`INPUT_${k.toUpperCase()}`] = v
  process.env = env
  clearSecretsForTest()
  try {
    const out = await captureOutput(() => {
      resetSummary()
      return runMain()
    })
    return { ...out, outputs: readFileSync(outputFile, 'utf8') }
  } finally {
    process.env = { ...saved }
    setSecretMasker(undefined)
  }
}

describe('no action input can steer the runner', () => {
  for (const name of INPUT_NAMES)
    it(`input ${name}`, async () => {
      for (const value of HOSTILE) {
        const r = await runWith({ ...modeFor(name), [name]: value })
        const lines = r.stdout.split(/\r?\n/)
        const commands = lines.filter(l => l.trimStart().startsWith('::'))
        for (const c of commands) expect(c, `${name}=${JSON.stringify(value)}`).toMatch(OWN)
        expect(commands.filter(c => c.startsWith('::error::')).length).toBeLessThanOrEqual(1)
        // The runner reads `##[` anywhere in a line, unless the line already is a `::` command.
        expect(lines.filter(l => l.includes('##[') && !OWN.test(l))).toEqual([])
        // Step outputs go through the output file; a hostile value adds no output of its own.
        for (const n of Object.keys(parseOutputFile(r.outputs))) expect(OUTPUTS).toContain(n)
        expect(r.stderr).toBe('')
      }
    })

  it('refuses a line break in any input before printing anything, without quoting it', async () => {
    const r = await runWith({ mode: 'receipt', commit: 'HEAD\n::stop-commands::tok' })
    expect(r.stdout).toBe(
      '::error::qprov [USAGE]: input commit holds a line break, control character or invisible formatting character; refusing it\n'
    )
  })

  it('validates commit before it is printed: a value that is no commit never reaches the log', async () => {
    const r = await runWith({ mode: 'receipt', commit: '::set-output name=a::b' })
    expect(r.stdout).toBe(
      "::error::qprov [BAD_REF]: input commit must be a commit: it holds whitespace or ':'\n"
    )
    const range = await runWith({ mode: 'receipt', 'commit-range': 'HEAD~1..HEAD;x' })
    expect(range.stdout).toBe('::error::qprov [BAD_REF]: invalid git ref: "HEAD~1..HEAD;x"\n')
  })

  it('prints a valid commit once validated', async () => {
    const r = await runWith({ mode: 'receipt', commit: 'HEAD', 'out-dir': 'receipts-ok' })
    expect(r.stdout.split('\n')[0]).toBe('generating AIIR receipts for HEAD')
    expect(r.stdout).not.toContain('::error::')
  })
})
