import { QprovError } from '../errors.js'

/**
 * What the runner tells a step about where it runs (GITHUB_* variables). Read once, validated,
 * so that URLs built from it (artifact, run, check run) cannot be steered by odd values.
 */
export interface RunContext {
  serverURL: string
  apiURL: string
  /** owner/name */
  repository: string
  owner: string
  repo: string
  runId?: string
  sha?: string
  eventName?: string
}

const REPO = /^([A-Za-z0-9_.-]+)\/([A-Za-z0-9_.-]+)$/

export function runContext(env: Record<string, string | undefined> = process.env): RunContext {
  const repository = env.GITHUB_REPOSITORY ?? ''
  const m = REPO.exec(repository)
  if (!m)
    throw new QprovError(
      'CONFIG_INVALID',
      repository === ''
        ? 'GITHUB_REPOSITORY is not set: this needs to run in a GitHub Actions job'
        : `GITHUB_REPOSITORY "${repository}" is not owner/name`
    )
  const runId = env.GITHUB_RUN_ID
  if (runId !== undefined && !/^[0-9]{1,20}$/.test(runId))
    throw new QprovError('CONFIG_INVALID', `GITHUB_RUN_ID "${runId}" is not a number`)
  const sha = env.GITHUB_SHA
  return {
    serverURL: httpOrigin(env.GITHUB_SERVER_URL ?? 'https://github.com', 'GITHUB_SERVER_URL'),
    apiURL: httpBase(env.GITHUB_API_URL ?? 'https://api.github.com', 'GITHUB_API_URL'),
    repository,
    owner: m[1] as string,
    repo: m[2] as string,
    ...(runId ? { runId } : {}),
    ...(sha && /^[0-9a-f]{40}([0-9a-f]{24})?$/.test(sha) ? { sha } : {}),
    ...(env.GITHUB_EVENT_NAME ? { eventName: env.GITHUB_EVENT_NAME } : {})
  }
}

function httpBase(value: string, name: string): string {
  let u: URL
  try {
    u = new URL(value)
  } catch {
    throw new QprovError('CONFIG_INVALID', `${name} "${value}" is not a URL`)
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:')
    throw new QprovError('CONFIG_INVALID', `${name} "${value}" is not an http(s) URL`)
  return u.href.replace(/\/+$/, '')
}

function httpOrigin(value: string, name: string): string {
  return new URL(httpBase(value, name)).origin
}

/** The workflow run page. */
export function runURL(ctx: RunContext): string | undefined {
  return ctx.runId ? `${ctx.serverURL}/${ctx.repository}/actions/runs/${ctx.runId}` : undefined
}

/** Where upload-artifact links an artifact: the run page's artifact route. */
export function artifactURL(ctx: RunContext, artifactId: number): string | undefined {
  const run = runURL(ctx)
  return run ? `${run}/artifacts/${artifactId}` : undefined
}
