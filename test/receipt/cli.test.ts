import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { runInProcess } from '../helpers/in-process.js'
import { HAVE_SHARED, sharedPath } from '../helpers/shared.js'
import { buildFixtureRepo } from './git-fixture.js'

const KEYS = ['path', 'index', 'valid', 'errors', 'schema_errors', 'receipt_id', 'commit_sha']

describe('qprov receipt (CLI)', () => {
  let repo: string
  let scratch: string
  beforeAll(() => {
    repo = buildFixtureRepo()
    scratch = mkdtempSync(join(tmpdir(), 'qprov-receipt-cli-'))
  })
  afterAll(() => {
    rmSync(repo, { recursive: true, force: true })
    rmSync(scratch, { recursive: true, force: true })
  })

  it('creates receipts into --out that verify with exit 0 and the documented JSON shape', async () => {
    const out = join(scratch, 'out')
    const created = await runInProcess([
      'receipt',
      'create',
      '--repo',
      repo,
      '--range',
      'HEAD~3..HEAD',
      '--out',
      out,
      '--declare-ai',
      'Cursor'
    ])
    expect(created.stderr).toBe('')
    expect(created.code).toBe(0)
    const files = readdirSync(out).sort()
    expect(files.filter(f => f.endsWith('.json'))).toHaveLength(4)
    expect(files.filter(f => f.endsWith('.cbor'))).toHaveLength(4)
    expect(files.every(f => /^receipt_[0-9a-f]{12}_a256[0-9a-f]{12}\.(json|cbor)$/.test(f))).toBe(
      true
    )
    const verified = await runInProcess(['receipt', 'verify', '--json', out])
    expect(verified.code).toBe(0)
    const arr = JSON.parse(verified.stdout) as Record<string, unknown>[]
    expect(arr).toHaveLength(4)
    for (const o of arr) {
      expect(Object.keys(o)).toEqual(KEYS)
      expect(o.valid).toBe(true)
      expect(o.schema_errors).toEqual([expect.stringContaining('provenance.tool must start with')])
    }
  })

  it('prints a JSON array of receipts with create --json, and refuses bad refs with exit 2', async () => {
    const ok = await runInProcess([
      'receipt',
      'create',
      '--repo',
      repo,
      '--commit',
      'HEAD',
      '--json'
    ])
    expect(ok.code).toBe(0)
    const [r] = JSON.parse(ok.stdout) as Record<string, unknown>[]
    expect(r.schema).toBe('aiir/commit_receipt.v2')
    for (const bad of ['--upload-pack=touch /tmp/pwned', 'HEAD;id', 'HEAD|cat']) {
      const res = await runInProcess(['receipt', 'create', '--repo', repo, `--commit=${bad}`])
      expect(res.code).toBe(2)
      expect(res.stderr).toMatch(/^qprov: error \[BAD_REF\]: /)
    }
    const both = await runInProcess([
      'receipt',
      'create',
      '--repo',
      repo,
      '--commit',
      'HEAD',
      '--range',
      'HEAD~1..HEAD'
    ])
    expect(both.code).toBe(2)
  })

  it('exits 1 for a tampered receipt and 2 for missing, symlinked or non-JSON input', async () => {
    const created = await runInProcess(['receipt', 'create', '--repo', repo, '--json'])
    const [r] = JSON.parse(created.stdout) as Record<string, Record<string, unknown>>[]
    r.commit.subject = 'tampered'
    writeFileSync(join(scratch, 'tampered.json'), JSON.stringify(r))
    const bad = await runInProcess(['receipt', 'verify', '--json', join(scratch, 'tampered.json')])
    expect(bad.code).toBe(1)
    const [o] = JSON.parse(bad.stdout) as { valid: boolean; errors: string[] }[]
    expect(o).toMatchObject({
      valid: false,
      errors: ['content hash mismatch', 'receipt_id mismatch']
    })
    const text = await runInProcess(['receipt', 'verify', join(scratch, 'tampered.json')])
    expect(text.code).toBe(1)
    expect(text.stdout).toContain('1 receipt(s): 0 valid, 1 invalid')

    const missing = await runInProcess(['receipt', 'verify', join(scratch, 'absent.json')])
    expect(missing.code).toBe(2)
    expect(missing.stderr.trim().split('\n')).toHaveLength(1)
    expect(missing.stderr).toContain('File not found: ')
    symlinkSync(join(scratch, 'tampered.json'), join(scratch, 'link.json'))
    expect((await runInProcess(['receipt', 'verify', join(scratch, 'link.json')])).code).toBe(2)
    writeFileSync(join(scratch, 'garbage.json'), 'not json')
    const garbage = await runInProcess(['receipt', 'verify', join(scratch, 'garbage.json')])
    expect(garbage.code).toBe(2)
    expect(garbage.stderr).toContain('Invalid JSON')
  })

  it('requires exactly one path and both identity flags with --bundle', async () => {
    writeFileSync(join(scratch, 'b.sigstore'), '{}')
    const noId = await runInProcess([
      'receipt',
      'verify',
      join(scratch, 'tampered.json'),
      '--bundle',
      join(scratch, 'b.sigstore')
    ])
    expect(noId.code).toBe(2)
    const two = await runInProcess([
      'receipt',
      'verify',
      'a.json',
      'b.json',
      '--bundle',
      'x',
      '--certificate-identity',
      'i',
      '--certificate-oidc-issuer',
      'u'
    ])
    expect(two.code).toBe(2)
  })

  it('exits 2 naming the path when no receipts are found, even with a failing --bundle', async () => {
    writeFileSync(join(scratch, 'empty.json'), '[]')
    writeFileSync(join(scratch, 'junk.sigstore'), '{"mediaType":"x"}')
    const withBundle = await runInProcess([
      'receipt',
      'verify',
      '--json',
      join(scratch, 'empty.json'),
      '--bundle',
      join(scratch, 'junk.sigstore'),
      '--certificate-identity',
      'x',
      '--certificate-oidc-issuer',
      'y'
    ])
    expect(withBundle.code).toBe(2)
    expect(withBundle.stderr.trim().split('\n')).toHaveLength(1)
    expect(withBundle.stderr).toContain(`No receipts found in ${join(scratch, 'empty.json')}`)
    writeFileSync(join(scratch, 'blank.jsonl'), '\n\n')
    const blank = await runInProcess(['receipt', 'verify', join(scratch, 'blank.jsonl')])
    expect(blank.code).toBe(2)
    expect(blank.stderr).toContain('blank.jsonl')
    mkdirSync(join(scratch, 'nothing-here'))
    expect((await runInProcess(['receipt', 'verify', join(scratch, 'nothing-here')])).code).toBe(2)
  })

  it('exits 2 with Invalid JSON for a receipt file that starts with a UTF-8 BOM', async () => {
    const created = await runInProcess(['receipt', 'create', '--repo', repo, '--json'])
    const [r] = JSON.parse(created.stdout) as unknown[]
    writeFileSync(join(scratch, 'bom.json'), `\uFEFF${JSON.stringify(r)}`)
    const res = await runInProcess(['receipt', 'verify', join(scratch, 'bom.json')])
    expect(res.code).toBe(2)
    expect(res.stderr).toContain('Invalid JSON: ')
    expect(res.stderr).toContain('BOM')
  })

  it.skipIf(!HAVE_SHARED)(
    'verifies the shared vectors in input order and fails on the first tampered one',
    async () => {
      const res = await runInProcess([
        'receipt',
        'verify',
        '--json',
        sharedPath('vectors/aiir/receipts/unsigned-v2'),
        sharedPath('vectors/aiir/tests/adversarial/tampering/adv-TAM-001.json')
      ])
      // a fixture file is a wrapper object, not a receipt: the type pre-check rejects it
      expect(res.code).toBe(1)
      const arr = JSON.parse(res.stdout) as { valid: boolean; index: number }[]
      expect(arr.map(a => a.valid)).toEqual([true, true, true, false])
    }
  )

  it.skipIf(!HAVE_SHARED)(
    'checks a Tier-2 bundle over the exact file bytes with an anchored identity',
    async () => {
      const file = sharedPath(
        'vectors/aiir/receipts/signed-v1/receipt_25efd95ac696_a256d63a8ac45ea8.json'
      )
      const id =
        'https://github.com/invariant-systems-ai/aiir/.github/workflows/dogfood.yml@refs/heads/main'
      const flags = (identity: string, path = file) => [
        'receipt',
        'verify',
        '--json',
        path,
        '--bundle',
        `${file}.sigstore`,
        '--certificate-identity',
        identity,
        '--certificate-oidc-issuer',
        'https://token.actions.githubusercontent.com',
        '--trusted-root',
        sharedPath('vectors/sigstore-conformance/public-good-trusted_root.json')
      ]
      const good = await runInProcess(flags(id))
      expect(good.code).toBe(0)
      const [o] = JSON.parse(good.stdout) as { valid: boolean; signature: { verified: boolean } }[]
      expect(o.signature.verified).toBe(true)
      const wrongId = await runInProcess(
        flags('https://github.com/evil/repo/.github/workflows/x.yml@refs/heads/main')
      )
      expect(wrongId.code).toBe(1)
      // the timestamp is outside the receipt hash, but inside the signed bytes
      const copy = join(scratch, 'signed-copy.json')
      writeFileSync(
        copy,
        readFileSync(file, 'utf8').replace(
          /"timestamp": "[^"]*"/,
          '"timestamp": "2099-01-01T00:00:00Z"'
        )
      )
      const edited = await runInProcess(flags(id, copy))
      expect(edited.code).toBe(1)
      const [e] = JSON.parse(edited.stdout) as {
        valid: boolean
        signature: { verified: boolean }
      }[]
      expect(e).toMatchObject({ valid: true, signature: { verified: false } })
    }
  )
})
