// The demo's named tamperings. Each edits a fresh copy of a verified proof bundle (or the policy
// or the workload it is checked against) and names the check that must reject it.
import { cpSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

export interface TamperContext {
  /** The fresh copy of the proof bundle to edit. */
  bundle: string
  /** A fresh copy of the workload directory (holds `bell/`), checked with `--workload bell`. */
  workload: string
  /** The proof bundle of a second, independent run (another job) in the same sandbox. */
  otherRun: string
}

export interface Tampering {
  name: string
  /** The check that must fail (others may fail too). */
  expect: string
  /** What is changed: the bundle's files, the workload checked against it, or the policy. */
  scope: 'bundle' | 'workload' | 'policy'
  apply(ctx: TamperContext): void
  /** Replaces the signer identity the verifier pins. */
  identity?: string
  aiPolicy?: string
}

const readJson = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json
/** Rewrites a JSON file keeping its layout (indentation, final newline), so only the edit differs. */
function editJson(path: string, edit: (j: Json) => void): void {
  const text = readFileSync(path, 'utf8')
  const j = JSON.parse(text) as Json
  edit(j)
  const body = text.includes('\n  ') ? JSON.stringify(j, null, 2) : JSON.stringify(j)
  writeFileSync(path, text.endsWith('\n') ? `${body}\n` : body)
}

function flipBase64(b64: string): string {
  const b = Buffer.from(b64, 'base64')
  b[0] = (b[0] as number) ^ 0x01
  return b.toString('base64')
}

export const TAMPERINGS: Tampering[] = [
  {
    name: 'a workload file changed after signing (bell.qasm)',
    expect: 'workload-files',
    scope: 'workload',
    apply: ({ workload }) =>
      writeFileSync(join(workload, 'bell/circuits/bell.qasm'), '// changed\n', { flag: 'a' })
  },
  {
    name: "the receipt's AI declaration removed",
    expect: 'receipt-integrity',
    scope: 'bundle',
    apply: ({ bundle }) =>
      editJson(join(bundle, 'receipt.json'), r => {
        r.ai_attestation.is_ai_authored = false
        r.ai_attestation.authorship_class = 'human'
        r.ai_attestation.signals_detected = []
        r.ai_attestation.signal_count = 0
      })
  },
  {
    name: 'the signed statement payload rewritten',
    expect: 'statement-signature',
    scope: 'bundle',
    apply: ({ bundle }) =>
      editJson(join(bundle, 'statement.sigstore.json'), b => {
        const payload = Buffer.from(b.dsseEnvelope.payload, 'base64')
          .toString('utf8')
          .replace('"is_ai_authored":true', '"is_ai_authored":false')
        b.dsseEnvelope.payload = Buffer.from(payload).toString('base64')
      })
  },
  {
    name: "the binding's job ID pointed at another job",
    expect: 'binding-consistency',
    scope: 'bundle',
    apply: ({ bundle, otherRun }) => {
      const other = readJson(join(otherRun, 'binding.json')).runtime.job_id as string
      editJson(join(bundle, 'binding.json'), b => (b.runtime.job_id = other))
    }
  },
  {
    name: 'the runtime tags rewritten in the job record',
    expect: 'runtime-record',
    scope: 'bundle',
    apply: ({ bundle, otherRun }) => {
      const otherTags = readJson(join(otherRun, 'runtime-job.json')).tags as string[]
      editJson(join(bundle, 'runtime-job.json'), j => (j.tags = otherTags))
    }
  },
  {
    name: 'the statement bundle swapped in from a second run',
    expect: 'binding-consistency',
    scope: 'bundle',
    apply: ({ bundle, otherRun }) => {
      for (const f of ['statement.json', 'statement.sigstore.json'])
        cpSync(join(otherRun, f), join(bundle, f))
    }
  },
  {
    name: "another job's runtime record replayed",
    expect: 'runtime-record',
    scope: 'bundle',
    apply: ({ bundle, otherRun }) =>
      cpSync(join(otherRun, 'runtime-job.json'), join(bundle, 'runtime-job.json'))
  },
  {
    name: 'a different signer identity required by the policy',
    expect: 'signer-identity',
    scope: 'policy',
    apply: () => undefined,
    identity:
      'https://github.com/qprov-sandbox/not-for-production/.github/workflows/release.yml@refs/heads/main'
  },
  {
    name: 'the Rekor log index in the binding changed',
    expect: 'binding-consistency',
    scope: 'bundle',
    apply: ({ bundle }) =>
      editJson(join(bundle, 'binding.json'), b => (b.provenance.transparency_entry.log_index += 1))
  },
  {
    name: 'one hash of the inclusion proof changed',
    expect: 'statement-signature',
    scope: 'bundle',
    apply: ({ bundle }) =>
      editJson(join(bundle, 'statement.sigstore.json'), b => {
        const hashes = b.verificationMaterial.tlogEntries[0].inclusionProof.hashes as string[]
        if (hashes.length === 0) throw new Error('the inclusion proof has no hashes to tamper with')
        hashes[0] = flipBase64(hashes[0] as string)
      })
  },
  {
    name: 'an AI-assisted commit checked under --ai-policy no-ai',
    expect: 'ai-policy',
    scope: 'policy',
    apply: () => undefined,
    aiPolicy: 'no-ai'
  }
]

/** A Rekor v2 entry has no SET and no integrated time: its checkpoint and timestamp carry it. */
export const REKOR_V2_TAMPERINGS: Tampering[] = [
  {
    name: "the v2 checkpoint's tree head rewritten (its signature no longer matches)",
    expect: 'statement-signature',
    scope: 'bundle',
    apply: ({ bundle }) =>
      editJson(join(bundle, 'statement.sigstore.json'), b => {
        const proof = b.verificationMaterial.tlogEntries[0].inclusionProof
        const [origin, size, root, ...rest] = (proof.checkpoint.envelope as string).split('\n')
        const other = flipBase64(root as string)
        proof.checkpoint.envelope = [origin, size, other, ...rest].join('\n')
        proof.rootHash = other
      })
  },
  {
    name: 'the signed timestamp removed (a v2 entry has no other time)',
    expect: 'statement-signature',
    scope: 'bundle',
    apply: ({ bundle }) =>
      editJson(join(bundle, 'statement.sigstore.json'), b => {
        delete b.verificationMaterial.timestampVerificationData
      })
  },
  {
    name: "the binding's Rekor v2 shard pointed at another URL",
    expect: 'binding-consistency',
    scope: 'bundle',
    apply: ({ bundle }) =>
      editJson(join(bundle, 'binding.json'), b => {
        b.provenance.transparency_entry.base_url = 'https://log2025-1.rekor.sigstore.dev'
      })
  }
]

/** The results layer: what IBM served, witnessed and signed after the job completed. */
const RESULTS_TAMPERINGS: Tampering[] = [
  {
    name: 'one count edited in results.json (a shot read 00 now reads 11)',
    expect: 'results-content',
    scope: 'bundle',
    apply: ({ bundle }) =>
      editJson(join(bundle, 'results.json'), r => {
        const samples = Object.values(r.results[0].data as Json)[0].samples as string[]
        const i = samples.indexOf('0x0')
        samples[i] = '0x3'
      })
  },
  {
    name: "another job's results layer swapped in",
    expect: 'results-content',
    scope: 'bundle',
    apply: ({ bundle, otherRun }) => {
      for (const f of [
        'results.json',
        'job-metrics.json',
        'backend-properties.json',
        'results-statement.json',
        'results.sigstore.json'
      ])
        cpSync(join(otherRun, f), join(bundle, f))
    }
  }
]

export function tamperingsFor(rekorVersion: 1 | 2): Tampering[] {
  const all = [...TAMPERINGS, ...RESULTS_TAMPERINGS]
  return rekorVersion === 2 ? [...all, ...REKOR_V2_TAMPERINGS] : all
}
