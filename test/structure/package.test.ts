import { execFileSync, spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/cli.js'

// The auditor's install: `npm pack` makes the tarball the release workflow attests and attaches;
// `npm install -g ./<tarball>` must work with the registry unreachable (every dependency is
// bundled into dist/), and the installed `qprov verify` must verify examples/proof-chain.
const pkg = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
  name: string
  version: string
  bin: Record<string, string>
  engines: Record<string, string>
  files: string[]
  dependencies?: Record<string, string>
}

const OFFLINE = {
  npm_config_registry: 'http://127.0.0.1:9',
  npm_config_offline: 'true',
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false'
}

/** process.env without npm's per-run variables (vitest may run under `npm test`). */
function cleanEnv(extra: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(npm_|QPROV_|NODE_OPTIONS|VITEST)/i.test(k)) env[k] = v
  return { ...env, ...extra }
}

interface Packed {
  filename: string
  files: { path: string }[]
}

function packDryRun(): Packed {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
    env: cleanEnv(OFFLINE)
  })
  return (JSON.parse(out) as Packed[])[0]!
}

describe('the npm package', () => {
  it('has a scoped name, the qprov bin, engines, and no runtime dependencies to fetch', () => {
    expect(pkg.name).toBe('@qprov-dev/qprov')
    expect(pkg.bin).toEqual({ qprov: 'dist/cli.js' })
    expect(pkg.engines.node).toBe('>=24.15')
    expect(pkg.dependencies ?? {}).toEqual({})
  })

  it('packs only what runs, with README, LICENSE and the schemas', () => {
    const packed = packDryRun()
    expect(packed.filename).toBe(`qprov-dev-qprov-${pkg.version}.tgz`)
    const paths = packed.files.map(f => f.path).sort()
    for (const f of [
      'package.json',
      'README.md',
      'LICENSE',
      'dist/cli.js',
      'dist/verify-worker.js'
    ])
      expect(paths).toContain(f)
    expect(paths).toContain('dist/sandbox.js')
    expect(paths).toContain('dist/licenses.txt')
    expect(paths).toContain('schemas/binding.v1.schema.json')
    // Every chunk the CLI may load is there; nothing else (no sources, tests, maps, the action).
    const chunks = readdirSync(join(REPO_ROOT, 'dist')).filter(f => f.startsWith('chunk-'))
    for (const c of chunks) expect(paths).toContain(`dist/${c}`)
    const other = paths.filter(
      p =>
        !/^(dist\/[\w.-]+\.js|dist\/licenses\.txt|schemas\/[\w.-]+\.json|package\.json|README\.md|LICENSE)$/.test(
          p
        )
    )
    expect(other).toEqual([])
    expect(paths).not.toContain('dist/index.js')
  })
})

const dist =
  process.env.QPROV_TEST_DIST === '1' ? join(REPO_ROOT, 'dist') : process.env.QPROV_DOCS_DIST
if (!dist) console.warn('SKIPPED: the tarball install runs under `npm test` (QPROV_TEST_DIST=1)')

const tmp = mkdtempSync(join(tmpdir(), 'qprov-pack-'))
afterAll(() => rmSync(tmp, { recursive: true, force: true }))

describe.skipIf(!dist)('the packed CLI, installed from its tarball', { timeout: 180_000 }, () => {
  it('installs offline into a fresh prefix and verifies examples/proof-chain', () => {
    // Pack from a staging copy so the tarball holds the chosen build of dist/.
    const stage = join(tmp, 'stage')
    mkdirSync(stage)
    for (const f of ['package.json', 'README.md', 'LICENSE', 'schemas'])
      cpSync(join(REPO_ROOT, f), join(stage, f), { recursive: true })
    cpSync(dist!, join(stage, 'dist'), { recursive: true })
    const env = cleanEnv(OFFLINE)
    const out = execFileSync(
      'npm',
      ['pack', '--json', '--ignore-scripts', '--pack-destination', tmp],
      { cwd: stage, encoding: 'utf8', env }
    )
    const tarball = join(tmp, (JSON.parse(out) as Packed[])[0]!.filename)
    const prefix = join(tmp, 'prefix')
    const install = spawnSync('npm', ['install', '-g', '--prefix', prefix, tarball], {
      cwd: tmp,
      encoding: 'utf8',
      env
    })
    expect(install.status, install.stderr).toBe(0)
    const bin = join(prefix, 'bin', 'qprov')
    expect(existsSync(bin)).toBe(true)

    // The README's policy flags for the example, run from the example's directory (a copy).
    const example = join(tmp, 'proof-chain')
    cpSync(join(REPO_ROOT, 'examples/proof-chain'), example, { recursive: true })
    const readme = readFileSync(join(REPO_ROOT, 'examples/proof-chain/README.md'), 'utf8')
    const block = /```sh\ncd examples\/proof-chain\nnpx qprov ([\s\S]*?)```/.exec(readme)?.[1] ?? ''
    const argv = [...block.replace(/\\\n/g, ' ').matchAll(/'([^']*)'|(\S+)/g)].map(
      m => m[1] ?? m[2]!
    )
    expect(argv.slice(0, 2)).toEqual(['verify', 'bundle'])
    // The installed bin runs on the first `node` on PATH: Node 24 here (this test's own).
    const path = [join(prefix, 'bin'), dirname(process.execPath), process.env.PATH].join(delimiter)
    const r = spawnSync(bin, argv, {
      cwd: example,
      encoding: 'utf8',
      env: cleanEnv({ PATH: path })
    })
    expect(r.status, `${r.stdout}\n${r.stderr}`).toBe(0)
    expect(r.stdout).toMatch(/^\s*verified \(skipped: online-runtime, results-online\)$/m)
    expect(r.stdout).toContain('workload-files')

    // The installed CLI is no clone: on an old Node it says to install Node 24.
    const old = spawnSync(bin, ['--version'], {
      encoding: 'utf8',
      env: cleanEnv({ PATH: [join(prefix, 'bin'), '/usr/bin', '/bin'].join(delimiter) })
    })
    const oldVersion = spawnSync('/usr/bin/node', ['-p', 'process.versions.node'], {
      encoding: 'utf8'
    }).stdout
    if (oldVersion && Number(oldVersion.split('.')[0]) < 24) {
      expect(old.status).toBe(1)
      expect(old.stderr).toMatch(/^qprov: error \[NODE_UNSUPPORTED\]: .*install Node\.js 24/)
    }
  })
})
