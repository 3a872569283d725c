import { createHash } from 'node:crypto'
import { QprovError } from '../errors.js'
import { decodeGitText, pyStrip } from './py-strip.js'
import type { CommitObject } from './types.js'

/**
 * Pure construction of the AIIR `commit` object from raw git output, byte-for-byte as the
 * reference builds it. The git I/O that feeds these functions lives in generate.ts.
 */

export const MAX_FILES = 100
const SHA_RE = /^[0-9a-f]{40,64}$/

/** Everything `git log` tells us about one commit (raw decoded fields). */
export interface CommitMeta {
  sha: string
  tree: string
  parents: string[]
  authorName: string
  authorEmail: string
  authorDate: string
  committerName: string
  committerEmail: string
  committerDate: string
  subject: string
  /** Raw `%B`, before strip. */
  body: string
}

/** The batched log format: one record per commit, 11 NUL-separated fields (records NUL-separated with -z). */
export const LOG_FORMAT = '%H%x00%T%x00%P%x00%an%x00%ae%x00%aI%x00%cn%x00%ce%x00%cI%x00%s%x00%B'
const FIELDS = 11

/** Parses `git log -z --format=LOG_FORMAT` output. */
export function parseLogRecords(raw: Uint8Array): CommitMeta[] {
  const text = decodeGitText(raw)
  const parts = text.split('\0')
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop()
  if (parts.length % FIELDS !== 0)
    throw new QprovError('GIT_ERROR', 'unexpected git log output (NUL inside a commit message?)')
  const out: CommitMeta[] = []
  for (let i = 0; i < parts.length; i += FIELDS) {
    const f = parts.slice(i, i + FIELDS)
    const sha = f[0].replace(/^\n/, '')
    // The reference reads these 8 fields from one `%H%x00…%s` line and strips the whole line.
    const line = pyStrip([sha, f[3], f[4], f[5], f[6], f[7], f[8], f[9]].join('\0')).split('\0')
    if (!SHA_RE.test(line[0])) throw new QprovError('GIT_ERROR', `git returned a bad sha: ${sha}`)
    out.push({
      sha: line[0],
      tree: f[1],
      parents: f[2] === '' ? [] : f[2].split(' '),
      authorName: line[1],
      authorEmail: line[2],
      authorDate: line[3],
      committerName: line[4],
      committerEmail: line[5],
      committerDate: line[6],
      subject: line[7] ?? '',
      body: f[10]
    })
  }
  return out
}

/** message_hash: sha256 of the Python-stripped FULL message (subject included), as the code does. */
export function messageHash(body: string): string {
  const text = pyStrip(body.replace(/\r\n?/g, '\n'))
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`
}

/** `git diff --name-only` output as the reference splits it. */
export function parseNameOnly(text: string): string[] {
  return pyStrip(text)
    .split('\n')
    .filter(l => l !== '')
}

export function buildCommitObject(
  meta: CommitMeta,
  files: string[],
  diffHash: string
): CommitObject {
  const commit: CommitObject = {
    sha: meta.sha,
    tree_sha: meta.tree,
    parent_shas: meta.parents,
    author: { name: meta.authorName, email: meta.authorEmail, date: meta.authorDate },
    committer: { name: meta.committerName, email: meta.committerEmail, date: meta.committerDate },
    subject: meta.subject,
    message_hash: messageHash(meta.body),
    diff_hash: diffHash,
    files_changed: files.length,
    files: files.slice(0, MAX_FILES)
  }
  if (files.length > MAX_FILES) commit.files_capped = true
  return commit
}
