import { describe, expect, it, vi } from 'vitest'
import { PROOF_FILES } from '../../src/proof/layout.js'
import type { ProofFiles } from '../../src/proof/proof-bundle.js'
import { verifyBundleFiles } from '../../src/verify/verify-bundle-files.js'
import { exampleFiles, exampleOpts, exampleTrust } from './example-bundle.js'

// Each variant changes one file: the other Sigstore bundle's cryptography is computed once.
vi.mock('../../src/sigstore/verify-bundle.js', async real =>
  (await import('../helpers/memo-verify.js')).memoizedVerifyBundle(await real())
)

/**
 * A deterministic sweep over every byte of binding.json and of both Sigstore bundles of a genuine
 * proof bundle (the committed example): each byte is replaced once and the variant must fail.
 * No variant is exempt: all three files must be byte-exact (canonical JSON, canonical base64),
 * so even a change that keeps the meaning (whitespace, a base64 spelling) is rejected.
 *
 * Bytes inside base64 values whose decoded bytes only a signature check can judge (payload,
 * signatures, SET, log body, proof hashes, timestamp token) cost one verification each; those
 * are swept every QPROV_SWEEP_STRIDE-th character (default 53; 1 sweeps them all, minutes).
 * Every other byte is swept: JSON structure, keys, numbers, strings, the checkpoint note, and
 * the certificate, which is pinned to the logged copy before any cryptography.
 */
const STRIDE = Math.max(1, Number(process.env.QPROV_SWEEP_STRIDE ?? 53))
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** The replacement: the next base64 letter inside the alphabet (still decodes), else bit 0. */
function replaced(byte: number): number {
  const i = B64.indexOf(String.fromCharCode(byte))
  return i >= 0 ? B64.charCodeAt((i + 1) % 64) : byte ^ 1
}

/** [start, end) byte ranges of the base64 values only a signature check can judge. */
function signatureJudged(file: Buffer): [number, number][] {
  const b = JSON.parse(file.toString('utf8'))
  const vm = b.verificationMaterial
  const values: string[] = [
    b.dsseEnvelope.payload,
    ...b.dsseEnvelope.signatures.map((s: { sig: string }) => s.sig)
  ]
  for (const e of vm.tlogEntries ?? [])
    values.push(
      e.canonicalizedBody,
      e.inclusionPromise?.signedEntryTimestamp,
      e.logId.keyId,
      ...(e.inclusionProof?.hashes ?? [])
    )
  for (const t of vm.timestampVerificationData?.rfc3161Timestamps ?? [])
    values.push(t.signedTimestamp)
  return values
    .filter((v): v is string => typeof v === 'string' && v.length > 0)
    .map(v => {
      const at = file.indexOf(`"${v}"`)
      expect(at).toBeGreaterThan(0)
      return [at + 1, at + 1 + v.length]
    })
}

function positions(name: string): number[] {
  const file = exampleFiles[name]
  const ranges = name.endsWith('.sigstore.json') ? signatureJudged(file) : []
  const out: number[] = []
  for (let at = 0; at < file.length; at++) {
    const r = ranges.find(([s, e]) => at >= s && at < e)
    if (r === undefined || (at - r[0]) % STRIDE === 0) out.push(at)
  }
  return out
}

const verify = (files: ProofFiles) =>
  verifyBundleFiles({ path: 'memory', form: 'directory', files }, exampleOpts, exampleTrust)

describe('byte sweep of a genuine proof bundle', () => {
  it('accepts the untouched bundle', () => {
    expect(verify(exampleFiles).ok).toBe(true)
  })

  it.each([PROOF_FILES.binding, PROOF_FILES.bindingBundle, PROOF_FILES.statementBundle])(
    'rejects %s with any one byte replaced',
    name => {
      const at = positions(name)
      expect(at.length).toBeGreaterThan(name === PROOF_FILES.binding ? 1000 : 1500)
      const accepted = at.filter(i => {
        const bytes = Buffer.from(exampleFiles[name])
        bytes[i] = replaced(bytes[i])
        return verify({ ...exampleFiles, [name]: bytes }).ok
      })
      expect(accepted).toEqual([])
    },
    300_000
  )
})
