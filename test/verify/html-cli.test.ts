import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CHECK_NAMES } from '../../src/verify/verdict.js'
import { REPO_ROOT } from '../helpers/cli.js'
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

  it('shows the histogram of a verified results layer, and none once results.json changed', async () => {
    const example = join(REPO_ROOT, 'examples/proof-chain')
    const dir = mkdtempSync(join(tmpdir(), 'qprov-html-results-'))
    cpSync(join(example, 'bundle'), join(dir, 'bundle'), { recursive: true })
    const root = join(example, 'sandbox-trusted-root.NOT-FOR-PRODUCTION.json')
    const signer = [
      '--certificate-identity',
      'https://github.com/qprov-sandbox/not-for-production/.github/workflows/attest.yml@refs/heads/main',
      '--certificate-oidc-issuer',
      'http://127.0.0.1:36189/oidc'
    ]
    const run = (html: string) =>
      runInProcess([
        'verify',
        join(dir, 'bundle'),
        '--trusted-root',
        root,
        ...signer,
        '--html',
        html
      ])
    const good = await run(join(dir, 'good.html'))
    expect(good.code, good.stderr).toBe(0)
    const html = readFileSync(join(dir, 'good.html'), 'utf8')
    expect(html).toMatch(/<svg class="histogram"/)
    expect(html).toMatch(/data-register="c"|data-register="meas"/)
    const results = join(dir, 'bundle', 'results.json')
    writeFileSync(results, readFileSync(results, 'utf8').replace('"0x0"', '"0x3"'))
    const bad = await run(join(dir, 'bad.html'))
    expect(bad.code).toBe(1)
    expect(readFileSync(join(dir, 'bad.html'), 'utf8')).not.toMatch(/<svg class="histogram"/)
  })
})
