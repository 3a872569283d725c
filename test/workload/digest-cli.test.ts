import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runInProcess } from '../helpers/in-process.js'

const root = mkdtempSync(path.join(tmpdir(), 'qprov-digest-cli-'))
mkdirSync(path.join(root, 'circuits'))
writeFileSync(path.join(root, 'circuits', 'bell.qasm'), 'OPENQASM 3.0;\n')
writeFileSync(path.join(root, 'job.json'), '{}\n')
afterAll(() => rmSync(root, { recursive: true, force: true }))

describe('qprov digest', () => {
  it('prints the package digest and the file count', async () => {
    // sha256 of the canonical manifest, worked out by hand (sha256sum) from the two files':
    // {"files":[{"path":"circuits/bell.qasm","sha256":"1ab41b2b…","size":14},
    //  {"path":"job.json","sha256":"ca3d163b…","size":3}],"version":"qprov.workload.manifest/v1"}
    const want = 'sha256:14c1868108f911724e370393198aca55230ba13f7051588d5049a4a985726421'
    const r = await runInProcess(['digest', 'circuits', 'job.json'], { cwd: root })
    expect(r.code, r.stderr).toBe(0)
    expect(r.stdout.trim()).toBe(`${want}  2 files`)
  })

  it('prints the manifest as JSON with --json, relative to --root', async () => {
    const r = await runInProcess(['digest', '--json', '--root', root, '**/*.qasm'])
    expect(r.code, r.stderr).toBe(0)
    const out = JSON.parse(r.stdout)
    expect(Object.keys(out)).toEqual(['digest', 'files'])
    expect(out.digest).toMatch(/^sha256:[0-9a-f]{64}$/)
    expect(out.files).toEqual([
      {
        path: 'circuits/bell.qasm',
        size: 14,
        // printf 'OPENQASM 3.0;\n' | sha256sum
        sha256: '1ab41b2be4d7a99a983b0ee62a63b557ea08b99c859c1204d24523cbbdacb740'
      }
    ])
  })

  it('exits 2 with a coded error for a missing path', async () => {
    const r = await runInProcess(['digest', 'missing.txt'], { cwd: root })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/\[INPUT_NOT_FOUND\]/)
  })
})
