import { QPROV_VERSION } from '../version.js'
import { detectAi } from './ai-markers.js'
import { buildCommitObject, LOG_FORMAT, parseLogRecords, parseNameOnly } from './commit-object.js'
import { stripCredentials } from './credentials.js'
import { decodeGitText, pyStrip } from './py-strip.js'
import { batchDiffHashes } from './diff-batch.js'
import { git } from './git.js'
import { QprovError } from '../errors.js'
import { coreHashes } from './hashes.js'
import { checkRange, checkRef, MAX_COMMITS } from './refs.js'
import type { Receipt } from './types.js'

export interface GenerateOptions {
  repoDir: string
  /** One commit (default HEAD) ... */
  commit?: string
  /** ... or a range A..B of at most 1000 commits. */
  range?: string
  /** Explicitly declared AI tools (CLI --declare-ai / action input). */
  declareAi?: string[]
  /** `provenance.generator`: `qprov.cli` (default) or `qprov.action`. */
  generator?: string
  /** Parallel `git log -p` processes for the diffs (default 4). */
  concurrency?: number
  /** Called as diffs complete, for progress on long ranges. */
  onProgress?: (done: number, total: number) => void
  /** Fixed timestamp (RFC 3339, seconds, Z); default now. */
  now?: Date
}

export const RECEIPT_SCHEMA = 'aiir/commit_receipt.v2'
export const QPROV_TOOL = `https://github.com/qprov/qprov@${QPROV_VERSION}`

/**
 * Generates v2 receipts for one commit or a range. Git cost is a constant number of processes
 * (rev-list, one `git log` for metadata, one for file lists, at most `concurrency` streamed
 * `git log -p` for the diffs) instead of the reference's ~8 processes per commit.
 */
export async function generateReceipts(opts: GenerateOptions): Promise<Receipt[]> {
  const repo = opts.repoDir
  const shas = await listCommits(opts)
  if (shas.length === 0) return []
  const stdin = `${shas.join('\n')}\n`
  const [metaRaw, namesRaw, repository] = await Promise.all([
    git(
      repo,
      [
        'log',
        '--no-walk=unsorted',
        '--stdin',
        '--no-mailmap',
        '--encoding=UTF-8',
        '-z',
        `--format=${LOG_FORMAT}`
      ],
      { input: stdin }
    ),
    git(
      repo,
      [
        'log',
        '--no-walk=unsorted',
        '--stdin',
        '--diff-merges=first-parent',
        '--root',
        '--name-only',
        '-M',
        '--no-relative',
        '-O/dev/null',
        '--format=%x01%H'
      ],
      { input: stdin }
    ),
    originURL(repo)
  ])
  const metas = parseLogRecords(metaRaw)
  const names = splitNamesBySha(decodeGitText(namesRaw))
  let done = 0
  const hashes = await batchDiffHashes(
    repo,
    metas.map(m => m.sha),
    opts.concurrency ?? 4,
    n => opts.onProgress?.((done += n), metas.length)
  )
  const diffHashes = metas.map(m => {
    const h = hashes.get(m.sha)
    if (h === undefined) throw new QprovError('GIT_ERROR', `git log printed no diff for ${m.sha}`)
    return h
  })
  const timestamp = (opts.now ?? new Date()).toISOString().replace(/\.\d{3}Z$/, 'Z')
  return metas.map((m, i) => {
    const commit = buildCommitObject(m, names.get(m.sha) ?? [], diffHashes[i])
    const core = {
      type: 'aiir.commit_receipt',
      schema: RECEIPT_SCHEMA,
      version: QPROV_VERSION,
      commit,
      ai_attestation: detectAi(
        {
          message: m.body,
          authorName: m.authorName,
          authorEmail: m.authorEmail,
          committerName: m.committerName,
          committerEmail: m.committerEmail
        },
        opts.declareAi
      ),
      provenance: { repository, tool: QPROV_TOOL, generator: opts.generator ?? 'qprov.cli' }
    }
    const { contentHash, receiptId } = coreHashes(core)
    return { ...core, receipt_id: receiptId, content_hash: contentHash, timestamp, extensions: {} }
  })
}

/** git could not resolve what the user named: that is a bad ref (exit 2), not a git failure. */
async function resolveRevs(repo: string, args: string[]): Promise<string[]> {
  try {
    return (await git(repo, args)).toString('utf8').split('\n').filter(Boolean)
  } catch (e) {
    if (e instanceof QprovError && e.code === 'GIT_ERROR')
      throw new QprovError('BAD_REF', e.message.replace(/^git \S+ failed: /, 'cannot resolve: '))
    throw e
  }
}

async function listCommits(opts: GenerateOptions): Promise<string[]> {
  await git(opts.repoDir, ['rev-parse', '--git-dir']).catch((e: unknown) => {
    throw new QprovError('NOT_A_GIT_REPO', `not a git repository: ${opts.repoDir}`, { cause: e })
  })
  if (opts.range !== undefined)
    return resolveRevs(opts.repoDir, [
      'rev-list',
      `--max-count=${MAX_COMMITS}`,
      checkRange(opts.range),
      '--'
    ])
  const ref = checkRef(opts.commit ?? 'HEAD')
  const revs = await resolveRevs(opts.repoDir, [
    'rev-parse',
    '--verify',
    '--end-of-options',
    `${ref}^{commit}`
  ])
  // `^X` resolves to "^<sha>", a negation that names no commit to receipt.
  if (revs.length !== 1 || !/^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(revs[0]))
    throw new QprovError('BAD_REF', `${JSON.stringify(ref)} does not name one commit`)
  return revs
}

/** `git log --name-only --format=%x01%H` → files per sha. Quoted paths never contain a raw newline. */
export function splitNamesBySha(text: string): Map<string, string[]> {
  const out = new Map<string, string[]>()
  for (const chunk of text.split('\x01').slice(1)) {
    const nl = chunk.indexOf('\n')
    const sha = nl < 0 ? chunk : chunk.slice(0, nl)
    out.set(sha.trim(), nl < 0 ? [] : parseNameOnly(chunk.slice(nl + 1)))
  }
  return out
}

async function originURL(repo: string): Promise<string | null> {
  try {
    const url = pyStrip(decodeGitText(await git(repo, ['remote', 'get-url', 'origin'])))
    return url === '' ? null : stripCredentials(url)
  } catch {
    return null
  }
}
