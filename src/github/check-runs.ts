import { cleanText, cutText } from '../untrusted-text.js'
import { QprovError } from '../errors.js'
import type { RunContext } from './context.js'
import { githubError, type Octokit } from './octokit.js'

export interface CheckAnnotation {
  path: string
  startLine: number
  endLine: number
  level: 'notice' | 'warning' | 'failure'
  title: string
  message: string
}

export interface CheckRunRequest {
  name: string
  headSha: string
  conclusion: 'success' | 'failure' | 'neutral'
  title: string
  /** Markdown; cut to GitHub's 65535 characters. */
  summary: string
  text?: string
  annotations: CheckAnnotation[]
}

export interface CreatedCheckRun {
  id: number
  url: string
}

export interface CheckRuns {
  create(r: CheckRunRequest): Promise<CreatedCheckRun>
}

/** GitHub's limits: 50 annotations per request; summary and text of 65535 characters each. */
export const ANNOTATIONS_PER_REQUEST = 50
export const OUTPUT_TEXT_LIMIT = 65535

export function fitText(s: string, limit = OUTPUT_TEXT_LIMIT): string {
  if (s.length <= limit) return s
  const note = '\n\n… (cut to fit the check run output limit; the job summary has the rest)'
  // cutText never splits a surrogate pair; its '…' gives way to the note.
  return cutText(s, limit - note.length + 1).slice(0, -1) + note
}

/**
 * The check-run escaper for plain-text fields (an annotation's path, title and message, and the
 * run's title): GitHub shows them as text, so the cleaner is the escaping, then GitHub's
 * length limit. The summary and text fields are Markdown, rendered by renderSummary.
 */
export function annotationText(s: string, limit: number): string {
  return cutText(cleanText(s), limit)
}

function batches<T>(items: T[], size: number): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size))
  return out
}

/**
 * A completed check run: created with the first 50 annotations, the rest added by PATCH in
 * batches of 50, since GitHub refuses more per request.
 */
export function octokitCheckRuns(octokit: Octokit, ctx: RunContext): CheckRuns {
  const repo = { owner: ctx.owner, repo: ctx.repo }
  const perm = { permission: 'checks: write' }
  return {
    async create(r) {
      const title = annotationText(r.title, 1000)
      const summary = fitText(r.summary)
      const text = r.text !== undefined ? fitText(r.text) : undefined
      const wire = r.annotations.map(a => ({
        path: annotationText(a.path, 1024),
        start_line: a.startLine,
        end_line: a.endLine,
        annotation_level: a.level,
        title: annotationText(a.title, 255),
        message: annotationText(a.message, 64 * 1024 - 1)
      }))
      const [first = [], ...rest] = batches(wire, ANNOTATIONS_PER_REQUEST)
      let created: { id: number; html_url: string | null }
      try {
        created = (
          await octokit.rest.checks.create({
            ...repo,
            name: r.name,
            head_sha: r.headSha,
            status: 'completed',
            conclusion: r.conclusion,
            output: { title, summary, ...(text ? { text } : {}), annotations: first }
          })
        ).data
      } catch (e) {
        throw githubError('creating the check run', e, perm)
      }
      for (const batch of rest)
        try {
          await octokit.rest.checks.update({
            ...repo,
            check_run_id: created.id,
            output: { title, summary, annotations: batch }
          })
        } catch (e) {
          throw githubError(`adding annotations to check run ${created.id}`, e, perm)
        }
      if (!created.html_url)
        throw new QprovError('GITHUB_API', `check run ${created.id} has no html_url`)
      return { id: created.id, url: created.html_url }
    }
  }
}
