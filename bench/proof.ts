// One real proof bundle for the verify benchmarks: a sandbox run of examples/bell, submitted with
// this repository's HEAD receipt, and the shipped bundles (cli.js, index.js, verify-worker.js)
// built into a temp directory.
import { spawnSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { signingFromOptions } from '../src/cli/signing-options.js'
import { generateReceipts } from '../src/receipt/generate.js'
import { createRuntimeClient } from '../src/runtime/client.js'
import { resolveConnection } from '../src/runtime/connection.js'
import { connectionSettings } from '../src/settings/connection.js'
import { submitWorkload } from '../src/binding/submit-workload.js'
import { startSandbox, type SandboxHandle } from '../src/sandbox/sandbox.js'

export const ROOT = fileURLToPath(new URL('../', import.meta.url))

export interface BenchProof {
  sandbox: SandboxHandle
  /** The proof bundle directory. */
  bundle: string
  /** The built dist directory. */
  dist: string
  /** esbuild's metafile of that build. */
  metafile: string
}

export async function makeBenchProof(work: string): Promise<BenchProof> {
  const sandbox = await startSandbox({ dir: join(work, 'sandbox'), logPrefill: 64 })
  try {
    const [receipt] = await generateReceipts({ repoDir: ROOT, commit: 'HEAD' })
    writeFileSync(join(work, 'receipt.json'), JSON.stringify(receipt))
    const conn = resolveConnection(connectionSettings({ sandbox: sandbox.dir }), {})
    const bundle = join(work, 'one')
    await submitWorkload({
      workload: ['bell'],
      cwd: join(ROOT, 'examples'),
      connect: () => ({
        api: createRuntimeClient(conn),
        instanceCRN: conn.instanceCRN,
        runtimeURL: conn.runtimeURL
      }),
      attest: {
        signing: () => signingFromOptions({ sandbox: sandbox.dir }).signing,
        receipt: { from: 'file', path: join(work, 'receipt.json') }
      },
      outDir: bundle,
      hint: id => id,
      env: {}
    })
    const dist = join(work, 'dist')
    const metafile = join(work, 'dist-meta.json')
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'scripts/build.mjs'), dist, '--metafile', metafile],
      {
        cwd: ROOT,
        stdio: ['ignore', 'ignore', 'pipe']
      }
    )
    if (r.status !== 0) throw new Error(`build failed: ${r.stderr?.toString()}`)
    // As shipped: dist/ sits in a "type": "module" package.
    writeFileSync(join(dist, 'package.json'), '{"type":"module"}\n')
    return { sandbox, bundle, dist, metafile }
  } catch (e) {
    await sandbox.close()
    throw e
  }
}

/**
 * The verdicts of a `qprov verify --json` run: its output is one verification document
 * (schemas/verification.v1.schema.json) with a verdict per bundle.
 */
export function verdictsOf(stdout: string): { ok: boolean; verdicts: { ok: boolean }[] } {
  const doc = JSON.parse(stdout || '{}') as { ok?: unknown; verdicts?: { ok: boolean }[] }
  return { ok: doc.ok === true, verdicts: Array.isArray(doc.verdicts) ? doc.verdicts : [] }
}
