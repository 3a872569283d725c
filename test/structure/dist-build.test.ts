import { spawnSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseRuntimeJob } from '../../src/proof/runtime-job-file.js'
import { validateRuntimeJob } from '../../src/proof/runtime-job-validator.js'
import { validateBindingSchema } from '../../src/proof/binding-validator.js'
// @ts-expect-error -- a plain ESM build script without type declarations
import { standaloneValidatorModule } from '../../scripts/precompiled-validators.mjs'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const work = mkdtempSync(join(tmpdir(), 'qprov-dist-build-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

interface Output {
  bytes: number
  inputs: Record<string, unknown>
  imports: { path: string; kind: string }[]
}
let outputs: Record<string, Output>

beforeAll(() => {
  const r = spawnSync(
    process.execPath,
    ['scripts/build.mjs', join(work, 'dist'), '--metafile', join(work, 'meta.json')],
    { cwd: ROOT, encoding: 'utf8' }
  )
  expect(r.status, r.stderr).toBe(0)
  outputs = (
    JSON.parse(readFileSync(join(work, 'meta.json'), 'utf8')) as { outputs: Record<string, Output> }
  ).outputs
}, 120_000)

const name = (out: string) => out.slice(out.lastIndexOf('/') + 1)

/** Output files reachable from an entry through the given kinds of import. */
function reachable(entry: string, kinds: string[]): Set<string> {
  const seen = new Set<string>()
  const visit = (o: string) => {
    if (seen.has(o)) return
    seen.add(o)
    for (const i of outputs[o]?.imports ?? [])
      if (kinds.includes(i.kind) && outputs[i.path]) visit(i.path)
  }
  visit(Object.keys(outputs).find(o => name(o) === entry) as string)
  return seen
}

const SANDBOX_ONLY = /^src\/sandbox\/|node_modules\/(@sigstore\/mock|nock|pkijs|jose)\//
const holdsSandbox = (o: string) =>
  Object.keys(outputs[o]?.inputs ?? {}).some(i => SANDBOX_ONLY.test(i))

describe('dist/', () => {
  it('keeps the stand-ins and their libraries in dist/sandbox.js and what only it imports', () => {
    const sandbox = reachable('sandbox.js', ['import-statement'])
    const holders = Object.keys(outputs).filter(holdsSandbox)
    expect(holders.map(name)).toContain('sandbox.js')
    for (const o of holders) expect(sandbox.has(o), name(o)).toBe(true)
    // Nothing else imports those chunks: only sandbox.js leads to them.
    for (const [o, out] of Object.entries(outputs))
      if (!sandbox.has(o))
        for (const i of out.imports)
          if (holders.includes(i.path))
            expect(name(i.path), `${name(o)} imports it`).toBe('sandbox.js')
  })

  it('never loads the sandbox in the action, the verify worker, or the CLI before a command asks', () => {
    for (const entry of ['index.js', 'verify-worker.js'])
      for (const o of reachable(entry, ['import-statement', 'dynamic-import']))
        expect(holdsSandbox(o), `${entry} reaches ${name(o)}`).toBe(false)
    for (const o of reachable('cli.js', ['import-statement']))
      expect(holdsSandbox(o), `cli.js loads ${name(o)} at start`).toBe(false)
  })

  it('compiles no JSON Schema at run time: ajv ships only its runtime helpers', () => {
    const ajv = Object.values(outputs).flatMap(o =>
      Object.keys(o.inputs).filter(i => i.includes('node_modules/ajv/'))
    )
    expect(ajv.length).toBeGreaterThan(0)
    for (const i of ajv) expect(i).toMatch(/node_modules\/ajv\/dist\/runtime\//)
  })
})

describe('precompiled validators', () => {
  /** The standalone module for a validator module, bundled and loaded as the build would. */
  async function precompiled(rel: string): Promise<Record<string, typeof validateRuntimeJob>> {
    const out = await build({
      stdin: {
        contents: (await standaloneValidatorModule(join(ROOT, rel))) as string,
        resolveDir: join(ROOT, rel, '..'),
        loader: 'js'
      },
      bundle: true,
      write: false,
      format: 'esm',
      platform: 'node',
      logLevel: 'error'
    })
    const code = out.outputFiles[0]?.text ?? ''
    return import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`)
  }

  const record = {
    kind: 'qprov.runtime-job/v1',
    jobId: 'j1',
    instanceCRN: 'crn:v1:bluemix:public:quantum-computing:us-east:a/x:y::',
    runtimeURL: 'https://quantum.cloud.ibm.com/api/v1',
    tags: ['qprov:v1'],
    recordedAt: '2026-12-01T21:21:02.986Z'
  }

  it('decide and explain exactly as the validators compiled from sources', async () => {
    const { validateRuntimeJob: standalone } = await precompiled(
      'src/proof/runtime-job-validator.ts'
    )
    const cases: unknown[] = [
      record,
      { ...record, extra: 1 },
      { ...record, jobId: '' },
      { ...record, created: 'x'.repeat(1025) },
      { ...record, targetCheck: { status: 'passed', backend: 'b' } },
      { ...record, rekor: { logIndex: '01' } },
      []
    ]
    for (const c of cases) {
      expect(standalone!(c)).toBe(validateRuntimeJob(c))
      expect(standalone!.errors ?? null).toEqual(validateRuntimeJob.errors ?? null)
    }
    expect(() => parseRuntimeJob(Buffer.from(JSON.stringify(record)))).not.toThrow()
  })

  it('cover every export of a validator module', async () => {
    const m = await precompiled('src/proof/binding-validator.ts')
    expect(Object.keys(m)).toEqual(['validateBindingSchema'])
    expect(m.validateBindingSchema!({})).toBe(validateBindingSchema({}))
    const r = await precompiled('src/receipt/receipt-validator.ts')
    expect(Object.keys(r).sort()).toEqual(['validateReceiptV1', 'validateReceiptV2'])
  })
})
