import { getOctokit } from '@actions/github'
import { QprovError, oneLine, type ErrorCode } from '../errors.js'
import { registerSecret } from '../secrets.js'
import type { RunContext } from './context.js'

export type Octokit = ReturnType<typeof getOctokit>

/** An octokit for the run's API URL; the token is registered as a secret before any request. */
export function octokitFor(ctx: RunContext, token: string | undefined): Octokit {
  if (!token)
    throw new QprovError(
      'USAGE',
      'no GitHub token: input github-token is empty (its default is ${{ github.token }})'
    )
  registerSecret(token)
  return getOctokit(token, { baseUrl: ctx.apiURL, request: { retries: 0 } })
}

/** An octokit RequestError's HTTP status and GitHub's message, without importing its class. */
export function httpFailure(e: unknown): { status?: number; message: string } {
  const o = e as { status?: unknown; response?: { data?: unknown } } | undefined
  const status = typeof o?.status === 'number' ? o.status : undefined
  const data = o?.response?.data as { message?: unknown; errors?: unknown } | undefined
  const parts: string[] = []
  if (typeof data?.message === 'string') parts.push(data.message)
  if (Array.isArray(data?.errors))
    for (const err of data.errors as unknown[]) {
      const m = (err as { message?: unknown; code?: unknown } | null) ?? {}
      if (typeof m.message === 'string') parts.push(m.message)
      else if (typeof m.code === 'string') parts.push(m.code)
    }
  return { ...(status !== undefined ? { status } : {}), message: parts.join('; ') || oneLine(e) }
}

/** "what: HTTP 403 Resource not accessible by integration (needs …)" as a QprovError. */
export function githubError(
  what: string,
  e: unknown,
  opts: { code?: ErrorCode; permission?: string } = {}
): QprovError {
  if (e instanceof QprovError) return e
  const f = httpFailure(e)
  const hint =
    opts.permission && (f.status === 403 || f.status === 404)
      ? ` (the job needs \`permissions: ${opts.permission}\`)`
      : ''
  return new QprovError(
    opts.code ?? 'GITHUB_API',
    `${what}: ${f.status !== undefined ? `HTTP ${f.status} ` : ''}${f.message}${hint}`,
    { cause: e, details: f.status !== undefined ? { status: f.status } : {} }
  )
}
