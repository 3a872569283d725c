import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { main } from '../../src/cli/main.js'
import { startSandbox, type SandboxHandle } from '../../src/sandbox/sandbox.js'
import { onlyVerdict } from '../helpers/verification-doc.js'

type Json = Record<string, any> // eslint-disable-line @typescript-eslint/no-explicit-any

/** The CLI in this process (buildProgram through main), its output captured. */
async function qprov(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const out: string[] = []
  const err: string[] = []
  const o = vi.spyOn(process.stdout, 'write').mockImplementation(s => out.push(String(s)) > 0)
  const e = vi.spyOn(process.stderr, 'write').mockImplementation(s => err.push(String(s)) > 0)
  try {
    const code = await main(args)
    return { code, stdout: out.join(''), stderr: err.join('') }
  } finally {
    o.mockRestore()
    e.mockRestore()
  }
}
const ok = async (args: string[]): Promise<Json> => {
  const r = await qprov([...args, '--json'])
  expect(r.code, r.stderr).toBe(0)
  return JSON.parse(r.stdout) as Json
}
const readJson = (path: string): Json => JSON.parse(readFileSync(path, 'utf8')) as Json

const saved = { ...process.env }
beforeAll(() => {
  for (const k of [
    'ACTIONS_ID_TOKEN_REQUEST_URL',
    'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
    'SIGSTORE_ID_TOKEN'
  ])
    delete process.env[k]
  process.env.QPROV_QUIET = '1'
})
afterAll(() => {
  process.env = saved
})

describe.each([1, 2] as const)('the whole chain, signed to Rekor v%i', version => {
  let sb: SandboxHandle
  let work: string
  let policy: string[]
  let submitted: Json
  let tagged: Json

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), `qprov-rekor${version}-`))
    sb = await startSandbox({
      dir: join(work, 'sandbox'),
      rekorVersion: version,
      logPrefill: 20,
      runtime: { jobsPerMinute: 10_000 }
    })
    const sandbox = ['--sandbox', sb.dir]
    policy = [
      '--trusted-root',
      sb.config.trustedRoot,
      '--certificate-identity',
      sb.config.identity,
      '--certificate-oidc-issuer',
      sb.config.issuer
    ]
    // submit: attest, create the job with its tags, sign the binding.
    submitted = await ok([
      'submit',
      '--workload',
      'examples/bell',
      ...sandbox,
      '--out',
      join(work, 'proofs/run1')
    ])
    // tag: a job submitted elsewhere, then attested and tagged.
    const plain = await ok([
      'submit',
      '--workload',
      'examples/bell',
      '--no-attest',
      ...sandbox,
      '--out',
      join(work, 'plain')
    ])
    await ok(['attest', '--workload', 'examples/bell', ...sandbox, '--out', join(work, 'att')])
    tagged = await ok([
      'tag',
      '--job',
      plain.jobId,
      '--attestation',
      join(work, 'att'),
      ...sandbox,
      '--out',
      join(work, 'proofs/run2')
    ])
    expect(tagged.jobId).toBe(plain.jobId)
  }, 180_000)
  afterAll(() => sb?.close())

  it('records the entry in binding.json as the version defines it', () => {
    for (const dir of ['proofs/run1', 'proofs/run2']) {
      const t = readJson(join(work, dir, 'binding.json')).provenance.transparency_entry
      const entry = readJson(join(work, dir, 'statement.sigstore.json')).verificationMaterial
        .tlogEntries[0]
      if (version === 1) {
        expect(Object.keys(t).sort()).toEqual(['log', 'log_index', 'uuid'])
        expect(entry.kindVersion).toEqual({ kind: 'dsse', version: '0.0.1' })
      } else {
        expect(t).toEqual({
          log: 'rekor',
          api_version: 2,
          base_url: sb.config.rekorV2URL,
          log_id: Buffer.from(entry.logId.keyId, 'base64').toString('hex'),
          log_index: Number(entry.inclusionProof.logIndex)
        })
        expect(entry.kindVersion).toEqual({ kind: 'hashedrekord', version: '0.0.2' })
        expect(t.log_index).toBeGreaterThanOrEqual(20)
      }
    }
  })

  it('tags the jobs with the log as well as the index (v2) within IBM limits', () => {
    for (const tags of [submitted.tags as string[], tagged.tags as string[]]) {
      expect(tags.length).toBeLessThanOrEqual(8)
      for (const t of tags) expect(t.length).toBeLessThanOrEqual(86)
      expect(tags.some(t => t.startsWith('qprov-rekor-idx:'))).toBe(true)
      expect(tags.some(t => t.startsWith('qprov-rekor-log:'))).toBe(version === 2)
      expect(tags.some(t => t.startsWith('qprov-rekor-uuid:'))).toBe(version === 1)
    }
  })

  it('fetches the tagged job from its ID, verifies it offline and writes the HTML report', async () => {
    const fetched = join(work, 'fetched')
    await ok([
      'fetch',
      '--job',
      tagged.jobId,
      '--from',
      join(work, 'proofs'),
      '--out',
      fetched,
      '--sandbox',
      sb.dir,
      ...policy
    ])
    const report = join(work, 'report.html')
    const verdicts = (
      await ok(['verify', fetched, join(work, 'proofs/run1'), ...policy, '--html', report])
    ).verdicts as Json[]
    expect(verdicts.map(v => [v.jobId, v.ok])).toEqual([
      [tagged.jobId, true],
      [submitted.jobId, true]
    ])
    const entry = verdicts[0]?.checks.find((c: Json) => c.name === 'transparency-entry')
    expect(entry.status).toBe('pass')
    const html = readFileSync(report, 'utf8')
    expect(html).toContain('VERIFIED')
    if (version === 2) {
      const logId = readJson(join(fetched, 'binding.json')).provenance.transparency_entry.log_id
      expect(html).toContain('Rekor v2 shard')
      expect(html).toContain(sb.config.rekorV2URL)
      expect(html).toContain(logId)
    } else expect(html).toContain('Rekor entry UUID')
  })

  it.skipIf(version === 1)(
    'fails transparency-entry when the pinned root lists the shard under another URL',
    async () => {
      const root = readJson(sb.config.trustedRoot)
      const log = root.tlogs.find((t: Json) => t.baseUrl === sb.config.rekorV2URL)
      // Still a URL that holds the checkpoint's name, so the checkpoint itself verifies.
      log.baseUrl = `${sb.config.rekorV2URL}-moved`
      const moved = join(work, 'moved-root.json')
      await import('node:fs').then(fs => fs.writeFileSync(moved, JSON.stringify(root)))
      const at = policy.indexOf('--trusted-root') + 1
      const args = policy.map((a, i) => (i === at ? moved : a))
      const r = await qprov(['verify', join(work, 'proofs/run1'), ...args, '--json'])
      expect(r.code).toBe(1)
      const failed = (onlyVerdict(r.stdout) as Json).checks.filter((c: Json) => c.status === 'fail')
      expect(failed.map((c: Json) => c.name)).toEqual(['transparency-entry'])
      expect(failed[0].finding).toBe('tlog-entry-mismatch')
      expect(failed[0].mismatches[0].field).toMatch(/base_url/)
    }
  )
})
