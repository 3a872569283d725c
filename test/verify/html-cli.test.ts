import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHECK_NAMES } from '../../src/verify/verdict.js'
import { runInProcess } from '../helpers/in-process.js'

const POLICY = [
  '--certificate-identity',
  'x',
  '--certificate-oidc-issuer',
  'https://issuer.example'
]

describe('qprov verify --html', () => {
  it('writes the report for a bundle that fails, and still exits 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qprov-html-cli-'))
    const bundle = join(dir, 'not-a-bundle')
    mkdirSync(bundle)
    writeFileSync(join(bundle, 'binding.json'), '{"runtime":"<script>x</script>"}')
    const report = join(dir, 'reports', 'r.html')
    const r = await runInProcess(['verify', bundle, ...POLICY, '--html', report])
    expect(r.code).toBe(1)
    const html = readFileSync(report, 'utf8')
    expect(html).toContain('<h1>NOT VERIFIED</h1>')
    for (const name of CHECK_NAMES) expect(html).toContain(`data-check="${name}"`)
    expect(html).not.toContain('<script>')
  })

  it('refuses an unusable report path before verifying anything (exit 2)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'qprov-html-cli-'))
    writeFileSync(join(dir, 'file'), '')
    const r = await runInProcess(['verify', dir, ...POLICY, '--html', join(dir, 'file', 'r.html')])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^qprov: error \[OUTPUT_UNUSABLE\]: --html /m)
    expect(r.stdout).toBe('')
    expect(existsSync(join(dir, 'file', 'r.html'))).toBe(false)
  })
})
