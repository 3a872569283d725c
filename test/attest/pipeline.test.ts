import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { attestWorkload } from '../../src/attest/pipeline.js'
import { receiptSource, type ReceiptSource } from '../../src/attest/receipt-source.js'
import { predicateValue } from '../../src/proof/predicate-value.js'
import { planSigning } from '../../src/attest/sign.js'
import type { SigningConfig, SigningPlan } from '../../src/attest/signing-types.js'
import { verifyBundle } from '../../src/sigstore/verify-bundle.js'
import { QprovError } from '../../src/errors.js'
import { NumberLiteral } from '../../src/receipt/json-literal.js'
import { startSigstoreSandbox, type SigstoreSandbox } from '../../src/sandbox/sigstore/server.js'

const sha256 = (b: Buffer) => createHash('sha256').update(b).digest('hex')

function git(cwd: string, args: string[]): string {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !k.startsWith('GIT_')) env[k] = v
  const r = spawnSync('git', args, {
    cwd,
    env: {
      ...env,
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_AUTHOR_NAME: 'Ada',
      GIT_AUTHOR_EMAIL: 'ada@example.com',
      GIT_COMMITTER_NAME: 'Ada',
      GIT_COMMITTER_EMAIL: 'ada@example.com'
    }
  })
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.toString()}`)
  return r.stdout.toString().trim()
}

/** A git repository with a small workload committed at HEAD. */
function workloadRepo(): string {
  const dir = mkdtempSync(join(tmpdir(), 'qprov-attest-'))
  git(dir, ['init', '-q', '-b', 'main'])
  mkdirSync(join(dir, 'circuits'))
  writeFileSync(
    join(dir, 'circuits', 'bell.qasm'),
    'OPENQASM 3.0;\nqubit[2] q;\nh q[0];\ncx q[0], q[1];\n'
  )
  writeFileSync(join(dir, 'job.json'), '{"program_id":"sampler","shots":1024}\n')
  git(dir, ['add', '.'])
  git(dir, ['commit', '-q', '-m', 'Add a Bell circuit'])
  return dir
}

let sb: SigstoreSandbox
let config: SigningConfig
const HEAD: ReceiptSource = { from: 'git', commit: 'HEAD' }
/** A fresh plan per signature, as each run resolves its own. */
const plan = (over: Partial<SigningConfig> = {}): Promise<SigningPlan> =>
  planSigning({ ...config, ...over })
beforeAll(async () => {
  sb = await startSigstoreSandbox()
  config = {
    instance: 'custom',
    fulcioURL: sb.fulcioURL,
    rekorURL: sb.rekorURL,
    tsaURL: sb.tsaURL,
    actionsOidc: {
      requestURL: sb.actionsIdTokenRequestURL,
      requestToken: sb.actionsIdTokenRequestToken
    }
  }
})
afterAll(async () => {
  await sb.close()
})

describe('attestWorkload', () => {
  it('writes the exact signed payload, the bundle and the manifest, and the bundle verifies offline', async () => {
    const repo = workloadRepo()
    const out = join(repo, 'out', 'attestation')
    const progress: string[] = []
    const r = await attestWorkload({
      workload: ['circuits', 'job.json'],
      cwd: repo,
      receipt: HEAD,
      signing: plan,
      outDir: out,
      onProgress: m => progress.push(m)
    })
    const statement = readFileSync(r.files.statement)
    const bundle = JSON.parse(readFileSync(r.files.bundle, 'utf8'))
    const manifest = readFileSync(r.files.manifest)
    expect(r.statementDigest).toBe(`sha256:${sha256(statement)}`)
    expect(r.packageDigest).toBe(`sha256:${sha256(manifest)}`)
    expect(Buffer.from(bundle.dsseEnvelope.payload, 'base64').equals(statement)).toBe(true)
    expect(r.rekor).toMatchObject({ apiVersion: 1, uuid: expect.stringMatching(/^[0-9a-f]{64}$/) })
    // Protobuf JSON omits a zero index: the first entry of a fresh sandbox log has none.
    expect(r.rekor?.logIndex).toBe(String(bundle.verificationMaterial.tlogEntries[0].logIndex ?? 0))
    expect(readdirSync(join(repo, 'out'))).toEqual(['attestation'])
    expect(progress.some(m => m.includes('receipt for HEAD'))).toBe(true)

    const parsed = JSON.parse(statement.toString())
    const head = git(repo, ['rev-parse', 'HEAD'])
    expect(parsed.predicate.commit.sha).toBe(head)
    expect(parsed.subject.map((s: { name: string }) => s.name)).toEqual(
      expect.arrayContaining(['circuits/bell.qasm', 'job.json'])
    )

    const verdict = verifyBundle({
      bundle: readFileSync(r.files.bundle),
      artifact: { digest: `sha256:${sha256(readFileSync(join(repo, 'job.json')))}` },
      trustedRoot: JSON.stringify(sb.trustedRoot),
      policy: { kind: 'identity', identity: sb.identity, issuer: sb.issuer }
    })
    expect(verdict.error).toBeUndefined()
    expect(verdict.verified).toBe(true)
    expect(verdict.statementDigest).toBe(r.statementDigest)
  })

  it('carries an explicit AI declaration and the generator id into the generated receipt', async () => {
    const repo = workloadRepo()
    const r = await attestWorkload({
      workload: ['circuits'],
      cwd: repo,
      receipt: {
        from: 'git',
        commit: 'HEAD',
        declareAi: ['Claude Code'],
        generator: 'qprov.action',
        keep: true
      },
      signing: plan,
      outDir: join(repo, 'out')
    })
    const predicate = JSON.parse(readFileSync(r.files.statement, 'utf8')).predicate
    // Kept beside the attestation, byte for byte the receipt that was signed.
    const kept = readdirSync(join(repo, 'out'))
      .filter(n => n.startsWith('receipt_'))
      .sort()
    expect(kept).toEqual([
      expect.stringMatching(/^receipt_[0-9a-f]{12}_[0-9a-f]{16}\.cbor$/),
      expect.stringMatching(/^receipt_[0-9a-f]{12}_[0-9a-f]{16}\.json$/)
    ])
    expect(JSON.parse(readFileSync(join(repo, 'out', kept[1] as string), 'utf8'))).toEqual(
      predicate
    )
    expect(predicate.ai_attestation.is_ai_authored).toBe(true)
    expect(JSON.stringify(predicate.ai_attestation.signals_detected)).toContain('Claude Code')
    expect(predicate.provenance.generator).toBe('qprov.action')
    expect(() => receiptSource({ receipt: 'r.json', declareAi: ['Claude Code'] })).toThrow(
      'AI involvement is declared when a receipt is generated, not with --receipt'
    )
  })

  it('wraps a given receipt file after verifying it, and refuses one that does not verify', async () => {
    const repo = workloadRepo()
    const first = await attestWorkload({
      workload: ['job.json'],
      cwd: repo,
      receipt: HEAD,
      signing: plan,
      outDir: join(repo, 'a')
    })
    const receipt = JSON.parse(readFileSync(first.files.statement, 'utf8')).predicate
    writeFileSync(join(repo, 'receipt.json'), JSON.stringify(receipt))
    const again = await attestWorkload({
      workload: ['job.json'],
      cwd: repo,
      receipt: { from: 'file', path: join(repo, 'receipt.json') },
      signing: plan,
      outDir: join(repo, 'b')
    })
    expect(JSON.parse(readFileSync(again.files.statement, 'utf8')).predicate).toEqual(receipt)

    const forged = structuredClone(receipt)
    forged.commit.subject = 'Something else entirely'
    writeFileSync(join(repo, 'forged.json'), JSON.stringify(forged))
    const e = await attestWorkload({
      workload: ['job.json'],
      cwd: repo,
      receipt: { from: 'file', path: join(repo, 'forged.json') },
      signing: plan,
      outDir: join(repo, 'c')
    }).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(QprovError)
    expect((e as QprovError).code).toBe('RECEIPT_INVALID')
    expect(existsSync(join(repo, 'c'))).toBe(false)

    writeFileSync(join(repo, 'two.json'), JSON.stringify([receipt, receipt]))
    const two = await attestWorkload({
      workload: ['job.json'],
      cwd: repo,
      receipt: { from: 'file', path: join(repo, 'two.json') },
      signing: plan,
      outDir: join(repo, 'd')
    }).catch((x: unknown) => x)
    expect((two as QprovError).code).toBe('INPUT_INVALID')
  })

  it('leaves nothing behind when signing fails', async () => {
    const repo = workloadRepo()
    const e = await attestWorkload({
      workload: ['job.json'],
      cwd: repo,
      receipt: HEAD,
      signing: () => plan({ fulcioURL: `${sb.baseURL}/no-such-fulcio` }),
      outDir: join(repo, 'out')
    }).catch((x: unknown) => x)
    expect((e as QprovError).code).toBe('SIGNING_FAILED')
    expect(readdirSync(repo).filter(n => n.includes('out'))).toEqual([])
  })

  it('fails before hashing when no identity token is available', async () => {
    const e = await attestWorkload({
      workload: ['does-not-exist'],
      cwd: tmpdir(),
      receipt: HEAD,
      signing: () => planSigning({ instance: 'public-good' }, {}),
      outDir: join(tmpdir(), 'never')
    }).catch((x: unknown) => x)
    expect((e as QprovError).code).toBe('OIDC_UNAVAILABLE')
    expect((e as QprovError).exitCode).toBe(2)
  })
})

describe('predicate value', () => {
  it('keeps number literals exactly as the receipt wrote them', () => {
    const v = predicateValue({ a: new NumberLiteral('1.0'), b: [new NumberLiteral('1e3'), 2] })
    expect(JSON.stringify(v)).toBe('{"a":1.0,"b":[1e3,2]}')
    expect(() => predicateValue({ x: new NumberLiteral('NaN') })).toThrow(/JSON cannot carry/)
  })
})
