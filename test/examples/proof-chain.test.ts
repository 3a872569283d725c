import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, relative } from 'node:path'
import fc from 'fast-check'
import { beforeAll, describe, expect, it } from 'vitest'
import { verifyProofBundles } from '../../src/verify/index.js'
import { REPO_ROOT, runCli } from '../helpers/cli.js'
import { onlyVerdict } from '../helpers/verification-doc.js'
import { runInProcess } from '../helpers/in-process.js'
import { runs } from '../helpers/property.js'

const EXAMPLE = join(REPO_ROOT, 'examples/proof-chain')
const ROOT_FILE = 'sandbox-trusted-root.NOT-FOR-PRODUCTION.json'

/** The `qprov verify` command of the example's README, as argv (its one sh code block). */
function readmeCommand(): string[] {
  const readme = readFileSync(join(EXAMPLE, 'README.md'), 'utf8')
  const block = /```sh\n([\s\S]*?)```/.exec(readme)?.[1]
  if (!block) throw new Error('examples/proof-chain/README.md has no sh block')
  const line = block.replace(/^cd examples\/proof-chain\n/, '').replace(/\\\n/g, ' ')
  const argv = [...line.matchAll(/'([^']*)'|(\S+)/g)].map(m => m[1] ?? m[2] ?? '')
  expect(argv.slice(0, 3)).toEqual(['npx', 'qprov', 'verify'])
  return argv.slice(2)
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const p = join(dir, name)
    return statSync(p).isDirectory() ? filesUnder(p) : [p]
  })
}

/** Every file whose bytes the verdict depends on: the bundle and the workload. */
const signedFiles = (): string[] =>
  [...filesUnder(join(EXAMPLE, 'bundle')), ...filesUnder(join(EXAMPLE, 'bell'))].map(p =>
    relative(EXAMPLE, p)
  )

function policyOf(argv: string[]) {
  const at = (flag: string) => argv[argv.indexOf(flag) + 1] as string
  return {
    trustedRoot: readFileSync(join(EXAMPLE, at('--trusted-root')), 'utf8'),
    policy: { identity: at('--certificate-identity'), issuer: at('--certificate-oidc-issuer') },
    aiPolicy: at('--ai-policy') as 'declared-only'
  }
}

let argv: string[]

beforeAll(() => {
  argv = readmeCommand()
})

describe('examples/proof-chain (committed, signed by a sandbox)', () => {
  it('verifies with the exact command and policy its README documents', async () => {
    expect(argv).toContain(ROOT_FILE)
    const r = await runCli(argv, { cwd: EXAMPLE })
    expect(r.stderr).toBe('')
    expect(r.code).toBe(0)
    for (const line of r.stdout.split('\n').filter(l => /^\s+(pass|FAIL|skip)\s/.test(l)))
      expect(line).toMatch(/^\s+(pass\s|skip\s+(online-runtime|results-online))/)
    expect(r.stdout).toMatch(/workload-files\s+the workload re-hashes/)
    // docs/walkthrough.md shows this output: it must be what the command prints.
    const walkthrough = readFileSync(join(REPO_ROOT, 'docs/walkthrough.md'), 'utf8')
    const shown = /```text\n([\s\S]*?)```/.exec(walkthrough)?.[1]
    expect(r.stdout).toBe(shown)
  })

  it('labels its trusted root as not for production, and the README says so', () => {
    const root = JSON.parse(readFileSync(join(EXAMPLE, ROOT_FILE), 'utf8'))
    expect(root.certificateAuthorities[0].subject.commonName).toContain('NOT FOR PRODUCTION')
    expect(readFileSync(join(EXAMPLE, 'README.md'), 'utf8')).toContain('NOT FOR PRODUCTION')
  })

  it('holds an inclusion proof with real path hashes', () => {
    const b = JSON.parse(readFileSync(join(EXAMPLE, 'bundle/statement.sigstore.json'), 'utf8'))
    expect(b.verificationMaterial.tlogEntries[0].inclusionProof.hashes.length).toBeGreaterThan(0)
  })

  it('exits 1 through the CLI when a byte of a signed file changes, naming a failed check', async () => {
    const files = signedFiles()
    expect(files.length).toBeGreaterThanOrEqual(9)
    // One of each kind: a Sigstore bundle, the binding, a workload file. The property below covers all.
    const sample = [
      'bundle/binding.sigstore.json',
      'bundle/binding.json',
      'bell/circuits/bell.qasm'
    ]
    expect(files).toEqual(expect.arrayContaining(sample))
    for (const file of sample) {
      const copy = mkdtempSync(join(tmpdir(), 'qprov-example-'))
      cpSync(EXAMPLE, copy, { recursive: true })
      const bytes = readFileSync(join(copy, file))
      const at = Math.floor(bytes.length / 2)
      bytes[at] = (bytes[at] as number) ^ 0x20
      writeFileSync(join(copy, file), bytes)
      const r = await runInProcess([...argv, '--json'], { cwd: copy })
      expect(r.code, `${file}: ${r.stderr}`).toBe(1)
      const verdict = onlyVerdict(r.stdout)
      expect(verdict.ok).toBe(false)
      expect(
        verdict.checks.some(c => c.status === 'fail'),
        file
      ).toBe(true)
    }
  }, 120_000)

  it('is never verified after a one-byte change at any position of any signed file', async () => {
    const files = signedFiles()
    const { trustedRoot, policy, aiPolicy } = policyOf(argv)
    const original = new Map(files.map(f => [f, readFileSync(join(EXAMPLE, f))]))
    const copy = mkdtempSync(join(tmpdir(), 'qprov-example-prop-'))
    cpSync(EXAMPLE, copy, { recursive: true })
    const verify = async () =>
      (
        await verifyProofBundles([join(copy, 'bundle')], {
          trustedRoot,
          policy,
          aiPolicy,
          workload: { paths: ['bell'], cwd: copy },
          workers: 0
        })
      )[0]
    expect((await verify())?.ok).toBe(true)
    const flipped = async (file: string, pos: number, xor: number) => {
      const bytes = Buffer.from(original.get(file) as Buffer)
      const at = pos % bytes.length
      bytes[at] = (bytes[at] as number) ^ xor
      writeFileSync(join(copy, file), bytes)
      try {
        expect((await verify())?.ok, `${file} byte ${at} ^ ${xor}`).toBe(false)
      } finally {
        writeFileSync(join(copy, file), original.get(file) as Buffer)
      }
    }
    // Every file at least once (its last byte: often a newline), then random positions.
    for (const file of files) await flipped(file, (original.get(file) as Buffer).length - 1, 0x01)
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...files),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        flipped
      ),
      runs(0.4)
    )
  }, 120_000)
})
