import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/cli.js'
import { runInProcess } from '../helpers/in-process.js'
import { onlyVerdict } from '../helpers/verification-doc.js'

const EXAMPLE = join(REPO_ROOT, 'examples/proof-chain')
const SIGNER = [
  '--certificate-identity',
  'https://github.com/qprov-sandbox/not-for-production/.github/workflows/attest.yml@refs/heads/main',
  '--certificate-oidc-issuer',
  'http://127.0.0.1:36189/oidc'
]
const ROOT = ['--trusted-root', join(EXAMPLE, 'sandbox-trusted-root.NOT-FOR-PRODUCTION.json')]

describe("commander's own errors look like every other error", () => {
  it.each([
    [['verify', '--jsn', 'x'], "unknown option '--jsn' (Did you mean --json?)"],
    [['verfy'], "unknown command 'verfy' (Did you mean verify?)"],
    [['digest', '--roo', 'x'], "unknown option '--roo' (Did you mean --root?)"],
    [['verify'], "missing required argument 'bundles'"]
  ])('qprov %j', async (args, message) => {
    const r = await runInProcess(args)
    expect(r.code).toBe(2)
    expect(r.stdout).toBe('')
    expect(r.stderr).toBe(`qprov: error [USAGE]: ${message}; see --help\n`)
  })

  it('a path that does not exist says "not found" on one line (exit 2)', async () => {
    const r = await runInProcess(['digest', join(REPO_ROOT, 'no-such-dir')])
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^qprov: error \[INPUT_NOT_FOUND\]: .*not found\n$/)
  })
})

describe('verify --workload', () => {
  it('takes one path per flag, so the bundle after it stays the bundle', async () => {
    const r = await runInProcess([
      'verify',
      '--workload',
      'bell',
      '--workload-root',
      EXAMPLE,
      join(EXAMPLE, 'bundle'),
      ...ROOT,
      ...SIGNER,
      '--json'
    ])
    expect(r.code, r.stderr).toBe(0)
    const v = onlyVerdict(r.stdout)
    expect(v.checks.find(c => c.name === 'workload-files')?.status).toBe('pass')
  })
})

describe('a trusted root that did not sign the bundle', () => {
  it('is a typed finding naming the root in use, not a clock error', async () => {
    // The embedded public-good root did not sign the sandbox's example.
    const r = await runInProcess(['verify', join(EXAMPLE, 'bundle'), ...SIGNER, '--json'])
    expect(r.code).toBe(1)
    const check = onlyVerdict(r.stdout).checks[0]
    expect(check).toMatchObject({
      name: 'statement-signature',
      status: 'fail',
      finding: 'untrusted-root'
    })
    expect(check?.detail).toContain('was not signed under the trusted root in use')
    expect(check?.detail).toContain('O=sigstore.dev')
    expect(check?.detail).not.toContain('TIMESTAMP')
  })
})
