import { spawn, spawnSync } from 'node:child_process'
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  realpathSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync
} from 'node:fs'
import { tmpdir } from 'node:os'
import { delimiter, dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/cli.js'

// Every shell block of the README, the walkthrough and the examples' READMEs runs here as written:
// in a copy of the clone (node_modules linked), the system Node first on PATH, the npm registry
// unreachable. A block that cannot run here says so in the document, visibly, right above it:
// `<!-- not run: reason -->`; NOT_RUN below is that whole list.
const DOCS = [
  'README.md',
  'docs/walkthrough.md',
  ...readdirSync(join(REPO_ROOT, 'examples'))
    .map(d => `examples/${d}/README.md`)
    .filter(f => existsSync(join(REPO_ROOT, f)))
]

const NOT_RUN: [string, RegExp][] = [
  ['README.md', /^`npm ci` needs the registry/],
  ['README.md', /^downloads from GitHub/]
]

interface Block {
  doc: string
  text: string
  notRun?: string
}

function blocksOf(doc: string): Block[] {
  const text = readFileSync(join(REPO_ROOT, doc), 'utf8')
  return [
    ...text.matchAll(/(?:<!-- not run: (.*?) -->\n)?```(?:sh|bash|shell)\n([\s\S]*?)```/g)
  ].map(m => ({ doc, text: m[2] as string, ...(m[1] === undefined ? {} : { notRun: m[1] }) }))
}

const ALL = DOCS.flatMap(blocksOf)
const RUN = ALL.filter(b => b.notRun === undefined)
const block = (doc: string, first: RegExp): string => {
  const found = RUN.filter(b => b.doc === doc && first.test(b.text))
  expect(found.map(b => b.doc)).toEqual([doc])
  return found[0]!.text
}

// The CLI the blocks run is the clone's dist/cli.js: checked fresh under `npm test`; QPROV_DOCS_DIST
// names another build (node scripts/build.mjs DIR) for a bare vitest run.
const distDir =
  process.env.QPROV_TEST_DIST === '1' ? join(REPO_ROOT, 'dist') : process.env.QPROV_DOCS_DIST
if (!distDir) console.warn('SKIPPED: documented commands run under `npm test` (QPROV_TEST_DIST=1)')

/** PATH with the first `node` found outside any node_modules/.bin in front: the system Node. */
function systemPath(): { path: string; node: string } {
  const dirs = (process.env.PATH ?? '')
    .split(delimiter)
    .filter(d => !/node_modules[/\\]\.bin/.test(d))
  const home = dirs.find(d => existsSync(join(d, 'node')))
  if (!home) throw new Error('no system node on PATH')
  return { path: [home, ...dirs].join(delimiter), node: join(home, 'node') }
}

let clone = ''
let tmp = ''
let fullTree = ''
beforeAll(() => {
  if (!distDir) return
  tmp = mkdtempSync(join(tmpdir(), 'qprov-docs-'))
  clone = join(tmp, 'clone')
  mkdirSync(clone)
  for (const f of ['package.json', 'package-lock.json', 'README.md', 'docs', 'examples', 'schemas'])
    cpSync(join(REPO_ROOT, f), join(clone, f), { recursive: true })
  cpSync(distDir, join(clone, 'dist'), { recursive: true })
  // dist/ bundles every dependency, so what the blocks need from node_modules is the pinned Node.
  // npx reads the whole tree on each call (about a second of CPU with all 470 dev packages), so
  // the blocks run on a tree of that one package; the --help block runs on the full tree.
  mkdirSync(join(clone, 'node_modules', '.bin'), { recursive: true })
  symlinkSync(realpathSync(join(REPO_ROOT, 'node_modules/node')), join(clone, 'node_modules/node'))
  symlinkSync('../node/bin/node', join(clone, 'node_modules/.bin/node'))
  fullTree = join(tmp, 'full-tree')
  symlinkSync(realpathSync(join(REPO_ROOT, 'node_modules')), fullTree)
  writeFileSync(join(clone, '.gitignore'), 'node_modules\n')
  const git = (...args: string[]) =>
    spawnSync('git', args, { cwd: clone, stdio: 'ignore', env: gitEnv })
  const gitEnv = {
    ...process.env,
    GIT_AUTHOR_NAME: 'Docs Test',
    GIT_AUTHOR_EMAIL: 'docs@example.invalid',
    GIT_COMMITTER_NAME: 'Docs Test',
    GIT_COMMITTER_EMAIL: 'docs@example.invalid'
  }
  git('init', '-q')
  git('add', 'examples', 'README.md')
  git('commit', '-q', '-m', 'docs test')
  mkdirSync(join(tmp, 'tmp'))
})
afterAll(() => {
  if (tmp) rmSync(tmp, { recursive: true, force: true })
})

interface Ran {
  code: number | null
  stdout: string
  stderr: string
}

/** The reader's shell: the system Node first on PATH, no registry, temp files in the test's dir. */
function blockEnv(): Record<string, string> {
  const env: Record<string, string> = {}
  for (const [k, v] of Object.entries(process.env))
    if (v !== undefined && !/^(npm_|QPROV_|NODE_OPTIONS|VITEST)/i.test(k)) env[k] = v
  return Object.assign(env, {
    PATH: systemPath().path,
    TMPDIR: join(tmp, 'tmp'),
    NO_COLOR: '1',
    npm_config_registry: 'http://127.0.0.1:9',
    npm_config_offline: 'true',
    npm_config_update_notifier: 'false'
  })
}

/** Runs a block with bash in the clone, as a reader pastes it into a shell at the clone's root. */
function run(text: string): Ran {
  const r = spawnSync('bash', ['-c', text], {
    cwd: clone,
    env: blockEnv(),
    encoding: 'utf8',
    timeout: 200_000
  })
  return { code: r.error ? null : r.status, stdout: r.stdout, stderr: r.stderr }
}

const VERIFIED = /^\s*verified\b/m
const shown = (r: Ran) => `exit ${r.code}\n${r.stdout}\n${r.stderr}`

describe('the documents', () => {
  it('mark the blocks they do not run, and only those', () => {
    const marked = ALL.filter(b => b.notRun !== undefined)
    expect(marked.map(b => b.doc)).toEqual(NOT_RUN.map(([doc]) => doc))
    marked.forEach((b, i) => expect(b.notRun).toMatch(NOT_RUN[i]![1]))
    expect(RUN.length).toBeGreaterThanOrEqual(7)
  })

  it('never run `npx qprov` or `node dist/cli.js` outside the clone', () => {
    for (const b of ALL) {
      expect(b.text, b.doc).not.toMatch(/node dist\/cli\.js/)
      if (!/npx qprov/.test(b.text)) continue
      for (const cd of b.text.matchAll(/(?:^|[;&|]\s*)cd\s+(\S+)/gm))
        expect(cd[1], `${b.doc}: cd before npx qprov`).toMatch(/^(?:examples\/|\.\.?$|\.\.\/)/)
    }
  })

  it('say that the system Node is older than 24.15 here, or the test proves less', () => {
    const { node } = systemPath()
    const v = spawnSync(node, ['-p', 'process.versions.node'], { encoding: 'utf8' }).stdout.trim()
    if (Number(v.split('.')[0]) >= 24)
      console.warn(`system Node is ${v}: npx's own Node is not tested`)
    expect(v).toMatch(/^\d+\.\d+\.\d+$/)
  })
})

describe.skipIf(!distDir)('every documented command, as written', { timeout: 240_000 }, () => {
  it('README: `npx qprov --help` inside the clone, after the whole `npm ci`, shows the commands', () => {
    const pinned = join(tmp, 'pinned-node-only')
    renameSync(join(clone, 'node_modules'), pinned)
    symlinkSync(fullTree, join(clone, 'node_modules'))
    let r: Ran
    try {
      r = run(block('README.md', /^npx qprov --help/))
    } finally {
      rmSync(join(clone, 'node_modules'))
      renameSync(pinned, join(clone, 'node_modules'))
    }
    expect(r.code, shown(r)).toBe(0)
    expect(r.stdout).toMatch(/^Usage: qprov /m)
    for (const c of ['verify', 'submit', 'tag', 'fetch', 'sandbox'])
      expect(r.stdout).toContain(`  ${c}`)
  })

  it('README: the walk by hand signs, submits and verifies against the sandbox of the first terminal', async () => {
    const sandbox = spawn(
      'bash',
      ['-c', block('README.md', /^npx qprov sandbox --dir \.tmp\/qs/)],
      {
        cwd: clone,
        env: blockEnv(),
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe']
      }
    )
    try {
      await new Promise<void>((resolve, reject) => {
        let out = ''
        sandbox.stdout.on('data', d => {
          out += d
          if (out.split('\n').includes('ready')) resolve()
        })
        sandbox.on('exit', code => reject(new Error(`the sandbox block exited (${code})`)))
      })
      const r = run(block('README.md', /^npx qprov receipt create/))
      expect(r.code, shown(r)).toBe(0)
      expect(r.stdout, shown(r)).toMatch(VERIFIED)
      expect(readdirSync(join(clone, '.tmp/receipts')).length).toBeGreaterThan(0)
      expect(existsSync(join(clone, '.tmp/att/statement.sigstore.json'))).toBe(true)
      expect(existsSync(join(clone, '.tmp/job/binding.json'))).toBe(true)
    } finally {
      // Ctrl-C in that terminal: the whole process group (bash, npm, qprov).
      process.kill(-sandbox.pid!, 'SIGINT')
    }
  })

  it('walkthrough §2: the example verifies with every check, and the HTML report is written', () => {
    const r = run(block('docs/walkthrough.md', /^cd examples\/proof-chain\nnpx qprov verify/))
    expect(r.code, shown(r)).toBe(0)
    for (const check of ['statement-signature', 'signer-identity', 'workload-files', 'ai-policy'])
      expect(r.stdout).toContain(check)
    expect(r.stdout).toMatch(/^\s*verified \(skipped: online-runtime, results-online\)$/m)
    expect(readFileSync(join(clone, 'examples/proof-chain/report.html'), 'utf8')).toContain(
      'VERIFIED'
    )
  })

  it('walkthrough §4: the links check out with sha256sum, jq and base64', () => {
    const r = run(block('docs/walkthrough.md', /^cd examples\/proof-chain\/bundle/))
    expect(r.code, shown(r)).toBe(0)
    expect(r.stdout.match(/^same$/gm)).toHaveLength(2)
    // The workload files hash to what the manifest lists: each line appears twice.
    for (const f of ['bell/circuits/bell.qasm', 'bell/qprov.job.json']) {
      const lines = r.stdout.split('\n').filter(l => l.endsWith(`  ${f}`))
      expect(lines, f).toHaveLength(2)
      expect(lines[0]).toBe(lines[1])
    }
  })

  it('walkthrough §5: each tampering fails verification with exit status 1, naming its check', () => {
    const r = run(block('docs/walkthrough.md', /^tamper\(\)/))
    expect(r.code, shown(r)).toBe(0)
    expect(r.stdout.match(/^exit status 1$/gm), shown(r)).toHaveLength(3)
    expect(r.stdout).toMatch(/^\s+FAIL\s+workload-files\s/m)
    expect(r.stdout).toMatch(/^\s+FAIL\s+binding-consistency\s.*runtime\.job_id/m)
    expect(r.stdout).toMatch(/^\s*NOT verified: failed workload-files/m)
    expect(r.stdout).toMatch(/^\s+FAIL\s+results-content\s.*results\.json is/m)
    // The example in the clone is untouched.
    expect(
      run('git status --porcelain examples/proof-chain/bundle examples/proof-chain/bell').stdout
    ).toBe('')
  })

  it('examples/proof-chain/README.md: the verify command verifies, exit 0', () => {
    const r = run(block('examples/proof-chain/README.md', /npx qprov verify bundle/))
    expect(r.code, shown(r)).toBe(0)
    expect(r.stdout).toMatch(/^\s*verified \(skipped: online-runtime, results-online\)$/m)
  })

  it('outside the clone, `npx qprov` cannot reach a registry here, so nothing else ran', () => {
    const r = run(`cd "${dirname(clone)}" && npx qprov --version`)
    expect(r.code).not.toBe(0)
  })
})
