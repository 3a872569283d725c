import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { buildManifest } from '../../src/workload/manifest.js'
import { runCli } from '../helpers/cli.js'

const root = mkdtempSync(path.join(tmpdir(), 'qprov-digest-cli-'))
mkdirSync(path.join(root, 'circuits'))
writeFileSync(path.join(root, 'circuits', 'bell.qasm'), 'OPENQASM 3.0;\n')
writeFileSync(path.join(root, 'job.json'), '{}\n')
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('qprov digest', () => {
  it('prints the package digest and the file count', async () => {
    const want = await buildManifest(['.'], { cwd: root })
    const r = await runCli(['digest', 'circuits', 'job.json'], { cwd: root })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout.trim()).toBe(`${want.digest}  2 files`)
  })

  it('prints the manifest as JSON with --json, relative to --root', async () => {
    const r = await runCli(['digest', '--json', '--root', root, '**/*.qasm'])
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(Object.keys(out)).toEqual(['digest', 'files'])
    expect(out.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(out.files).toEqual([
      { path: 'circuits/bell.qasm', size: 14, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) }
    ])
  })

  it('exits 2 with a coded error for a missing path', async () => {
    const r = await runCli(['digest', 'missing.txt'], { cwd: root })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/\[INPUT_NOT_FOUND\]/)
  })
})
