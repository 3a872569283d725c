import { createHash } from 'node:crypto'
import { rmSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { generateReceipts } from '../../src/receipt/generate.js'
import { verifyReceipt } from '../../src/receipt/verify.js'
import { buildFixtureRepo, plainGitEnv, sh } from './git-fixture.js'

/** Python str.strip(), written out independently of the implementation under test. */
const PY_SPACE =
  '[\\t\\n\\v\\f\\r\\x1c-\\x1f \\x85\\xa0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000]'
const pythonStrip = (s: string): string =>
  s.replace(new RegExp(`^${PY_SPACE}+|${PY_SPACE}+$`, 'g'), '')

const text = (b: Buffer): string => b.toString('utf8').replace(/\r\n?/g, '\n')
const sha256 = (b: Buffer | string): string => createHash('sha256').update(b).digest('hex')

/** The reference's commit object, rebuilt with one plain git command per field, as it does. */
function referenceCommit(dir: string, sha: string, env = plainGitEnv()): Record<string, unknown> {
  const g = (args: string[]): Buffer => sh(dir, ['--no-optional-locks', ...args], { env })
  const line = pythonStrip(
    text(
      g([
        'log',
        '-1',
        '--no-mailmap',
        '--format=%H%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%s',
        sha
      ])
    )
  ).split('\0')
  const tree = text(g(['rev-parse', `${sha}^{tree}`])).trim()
  const parents = text(g(['rev-parse', `${sha}^@`]))
    .split('\n')
    .filter(Boolean)
  const body = pythonStrip(text(g(['log', '-1', '--no-mailmap', '--format=%B', sha])))
  const base =
    parents.length > 0
      ? text(g(['rev-parse', '--verify', `${sha}~1`])).trim()
      : text(g(['hash-object', '-t', 'tree', '--stdin'])).trim()
  const diff = g(['diff', '--no-ext-diff', '--no-textconv', base, sha])
  const names = pythonStrip(
    text(g(['diff', '--no-ext-diff', '--no-textconv', '--name-only', base, sha]))
  )
    .split('\n')
    .filter(Boolean)
  const commit: Record<string, unknown> = {
    sha: line[0],
    tree_sha: tree,
    parent_shas: parents,
    author: { name: line[1], email: line[2], date: line[3] },
    committer: { name: line[4], email: line[5], date: line[6] },
    subject: line[7],
    message_hash: `sha256:${sha256(body)}`,
    diff_hash: `sha256:${sha256(diff)}`,
    files_changed: names.length,
    files: names.slice(0, 100)
  }
  if (names.length > 100) commit.files_capped = true
  return commit
}

describe('receipt generation from git', () => {
  let dir: string
  let root: string
  beforeAll(() => {
    dir = buildFixtureRepo()
    root = sh(dir, ['rev-list', '--max-parents=0', 'HEAD']).toString().trim()
  })
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  it('builds commit objects identical to a per-field plain-git computation, for every kind of commit', async () => {
    const range = await generateReceipts({ repoDir: dir, range: `${root}..HEAD` })
    const rootOnly = await generateReceipts({ repoDir: dir, commit: root })
    const all = [...range, ...rootOnly]
    expect(all).toHaveLength(9)
    for (const r of all) {
      const commit = r.commit as { sha: string }
      expect(commit).toEqual(referenceCommit(dir, commit.sha))
      const v = verifyReceipt(r)
      expect(v.valid).toBe(true)
      expect(v.errors).toEqual([])
    }
    const bySubject = new Map(all.map(r => [(r.commit as { subject: string }).subject, r]))
    const merge = bySubject.get("Merge branch 'side'")?.commit as { parent_shas: string[] }
    expect(merge.parent_shas).toHaveLength(2)
    const many = bySubject.get('many: 120 files')?.commit as Record<string, unknown>
    expect(many.files_changed).toBe(120)
    expect(many.files).toHaveLength(100)
    expect(many.files_capped).toBe(true)
    expect((rootOnly[0].commit as { parent_shas: string[] }).parent_shas).toEqual([])
  })

  it('records declared AI involvement and bots with its own detection method and tool', async () => {
    const rs = await generateReceipts({
      repoDir: dir,
      range: `${root}..HEAD`,
      declareAi: ['Cursor']
    })
    const ai = (subject: string) =>
      rs.find(r => (r.commit as { subject: string }).subject === subject)?.ai_attestation as Record<
        string,
        unknown
      >
    expect(ai('rename notes').signals_detected).toContain('trailer:co-authored-by:claude')
    expect(ai('main: edit readme').signals_detected).toContain('trailer:ai-assisted')
    expect(ai('side: work').bot_signals_detected).toContain('author_name_bot:dependabot')
    expect(ai('side: work').authorship_class).toBe('ai+bot')
    expect(ai('binary: add a blob').signals_detected).toEqual(['declared:Cursor'])
    const plain = await generateReceipts({ repoDir: dir, commit: 'HEAD~1' })
    expect((plain[0].ai_attestation as Record<string, unknown>).authorship_class).toBe(
      'ai_assisted'
    )
    expect(rs[0].provenance).toMatchObject({
      tool: expect.stringMatching(/^https:\/\/github\.com\/qprov\/qprov@/),
      generator: 'qprov.cli'
    })
    expect(verifyReceipt(rs[0]).schema_errors).toEqual([
      expect.stringContaining(
        "provenance.tool must start with 'https://github.com/invariant-systems-ai/aiir@'"
      )
    ])
  })

  it('keeps the exact bytes under hostile global and repository git config', async () => {
    const baseline = await generateReceipts({ repoDir: dir, range: `${root}..HEAD` })
    const clone = `${dir}-hostile`
    sh(dir, ['clone', '-q', dir, clone])
    const external = join(clone, 'ext.sh')
    writeFileSync(external, '#!/bin/sh\necho HOSTILE EXTERNAL DIFF\n', { mode: 0o755 })
    const hostile = [
      '[color]\n\tui = always\n\tdiff = always',
      '[diff]\n\tnoprefix = true\n\trenames = copies\n\talgorithm = histogram\n\tcontext = 7',
      `\texternal = ${external}\n\tmnemonicPrefix = true\n\tinterHunkContext = 5\n\trelative = true`,
      '[core]\n\tquotePath = false\n\tpager = less',
      '[log]\n\tshowSignature = true\n\tdecorate = full\n\tshowRoot = false',
      '[i18n]\n\tlogOutputEncoding = ISO-8859-1'
    ].join('\n')
    const globalFile = join(clone, '..', `${clone.split('/').pop()}.gitconfig`)
    writeFileSync(globalFile, `${hostile}\n`)
    writeFileSync(join(clone, '.git', 'config'), `\n${hostile}\n`, { flag: 'a' })
    const oldGlobal = process.env.GIT_CONFIG_GLOBAL
    process.env.GIT_CONFIG_GLOBAL = globalFile
    try {
      // the config really is hostile: plain git now produces different diff bytes
      const plain = (env: Record<string, string>) =>
        sh(clone, ['diff', 'HEAD~1', 'HEAD'], { env }).toString()
      expect(plain(plainGitEnv({ GIT_CONFIG_GLOBAL: globalFile }))).not.toBe(
        sh(dir, ['diff', 'HEAD~1', 'HEAD']).toString()
      )
      const got = await generateReceipts({ repoDir: clone, range: `${root}..HEAD` })
      expect(got.map(r => r.commit)).toEqual(baseline.map(r => r.commit))
    } finally {
      if (oldGlobal === undefined) delete process.env.GIT_CONFIG_GLOBAL
      else process.env.GIT_CONFIG_GLOBAL = oldGlobal
      rmSync(clone, { recursive: true, force: true })
      rmSync(globalFile, { force: true })
    }
  })

  it('strips credentials from the origin URL', async () => {
    sh(dir, ['remote', 'add', 'origin', 'https://x-access-token:ghs_secret@GitHub.com/O/R.git?t=1'])
    try {
      const [r] = await generateReceipts({ repoDir: dir })
      expect((r.provenance as { repository: string }).repository).toBe('https://github.com/O/R.git')
    } finally {
      sh(dir, ['remote', 'remove', 'origin'])
    }
  })

  it('refuses refs that look like options or carry shell metacharacters', async () => {
    for (const bad of [
      '--output=/tmp/x',
      'HEAD;rm -rf /',
      'a$(id)',
      'HEAD\nHEAD',
      'a/../b',
      'x'.repeat(1025)
    ])
      await expect(generateReceipts({ repoDir: dir, commit: bad })).rejects.toMatchObject({
        code: 'BAD_REF',
        exitCode: 2
      })
    await expect(generateReceipts({ repoDir: dir, range: 'HEAD' })).rejects.toMatchObject({
      code: 'BAD_REF'
    })
    await expect(
      generateReceipts({ repoDir: dir, commit: 'no-such-branch' })
    ).rejects.toMatchObject({
      code: 'BAD_REF',
      exitCode: 2
    })
    await expect(generateReceipts({ repoDir: dir, range: '-x..HEAD' })).rejects.toMatchObject({
      code: 'BAD_REF'
    })
  })
})
