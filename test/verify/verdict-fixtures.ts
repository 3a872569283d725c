import { CHECK_NAMES, type BundleVerdict, type CheckName } from '../../src/verify/verdict.js'

/** Hand-built verdicts until `qprov verify` produces them; shapes from src/verify/verdict.ts. */
export function okVerdict(bundle = 'proof/ct7z9xq3-job'): BundleVerdict {
  return {
    ok: true,
    bundle,
    jobId: 'd1ab2c3d4e5f6g7h8i9j',
    checks: CHECK_NAMES.map(name =>
      name === 'online-runtime'
        ? { name, status: 'skip', reason: 'offline', detail: 'not requested (--online not given)' }
        : { name, status: 'pass', detail: `${name} holds` }
    ),
    facts: {
      jobId: 'd1ab2c3d4e5f6g7h8i9j',
      backend: 'ibm_brisbane',
      program: 'sampler',
      signerIdentity:
        'https://github.com/qprov-sandbox/not-for-production/.github/workflows/attest.yml@refs/heads/main',
      signerIssuer: 'http://127.0.0.1:4000/oidc',
      statementDigest: `sha256:${'ab'.repeat(32)}`,
      packageDigest: `sha256:${'cd'.repeat(32)}`,
      bindingDigest: `sha256:${'ef'.repeat(32)}`,
      receiptId: 'g1-0123456789abcdef',
      commit: '0123456789abcdef0123456789abcdef01234567',
      rekor: { logIndex: '41', uuid: '9f'.repeat(32) }
    }
  }
}

/** The same chain with one check failed, as a tampered copy would give. */
export function tamperedVerdict(
  failing: CheckName,
  detail: string,
  bundle?: string
): BundleVerdict {
  const v = okVerdict(bundle)
  return {
    ...v,
    ok: false,
    checks: v.checks.map(c =>
      c.name === failing
        ? { name: c.name, status: 'fail', finding: 'verification-error', detail }
        : c
    ),
    facts: {}
  }
}

export const HOSTILE = [
  '<script>window.__pwned = 1</script>',
  '"><img src=x onerror="window.__pwned=2">',
  "'; alert(1); '",
  '</svg><script>window.__pwned=3</script>',
  '</code></td></tr></table><h1>FAKE VERIFIED</h1>',
  '<a href="https://evil.example/">click</a> &amp; <style>body{display:none}</style>'
]
