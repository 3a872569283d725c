/** POST /sessions, GET and PATCH /sessions/{id}, DELETE /sessions/{id}/close. */
import { isObject } from './job-body.js'
import type { Reply } from './reply.js'
import {
  jobStatus,
  sessionView,
  type EmulatedJob,
  type EmulatedSession,
  type Lifecycle
} from './store.js'
import { target } from './targets.js'

export interface SessionContext {
  sessions: Map<string, EmulatedSession>
  jobs: Map<string, EmulatedJob>
  plan: string
  lifecycle: Lifecycle
  clock: () => number
  newId: () => string
  error: (status: number, code: number, message: string) => Reply
  /** The request body as JSON, or the reply refusing it. */
  json: () => { value?: unknown; problem?: Reply }
}

function createSession(x: SessionContext): Reply {
  const { value, problem } = x.json()
  if (problem) return problem
  if (!isObject(value)) return x.error(400, 1400, 'the body must be a JSON object')
  const backend = value.backend ?? value.backend_name
  if (value.mode !== 'dedicated' && value.mode !== 'batch')
    return x.error(400, 1400, 'mode must be "dedicated" or "batch"')
  if (typeof backend !== 'string' || backend === '')
    return x.error(400, 1400, 'backend is required')
  if (!target(backend)) return x.error(404, 1404, `backend not found: ${backend}`)
  if (value.mode === 'dedicated' && x.plan === 'open')
    return x.error(
      400,
      1400,
      'this instance is on the Open plan, which does not support session (dedicated) mode; use batch or job mode'
    )
  const ttl = value.max_ttl === undefined ? 28800 : value.max_ttl
  if (!Number.isInteger(ttl) || (ttl as number) < 1)
    return x.error(400, 1400, 'max_ttl must be a positive integer')
  const s: EmulatedSession = {
    id: x.newId(),
    mode: value.mode,
    backend,
    max_ttl: ttl as number,
    accepting_jobs: true,
    state: 'open',
    startedMs: x.clock()
  }
  x.sessions.set(s.id, s)
  return { status: 200, json: sessionView(s) }
}

export function sessionRoute(x: SessionContext, m: string, path: string, seg: string[]): Reply {
  if (seg.length === 1 && m === 'POST') return createSession(x)
  const s = seg[1] === undefined ? undefined : x.sessions.get(seg[1])
  if (seg.length >= 2 && !s) return x.error(404, 1404, `session not found: ${seg[1]}`)
  if (s && seg.length === 2 && m === 'GET') return { status: 200, json: sessionView(s) }
  if (s && seg.length === 2 && m === 'PATCH') {
    const { value, problem } = x.json()
    if (problem) return problem
    if (!isObject(value) || value.accepting_jobs !== false)
      return x.error(400, 1400, 'the body must be {"accepting_jobs": false}')
    s.accepting_jobs = false
    return { status: 204 }
  }
  if (s && seg.length === 3 && seg[2] === 'close' && m === 'DELETE') {
    s.accepting_jobs = false
    s.state = 'closed'
    s.closedMs = x.clock()
    const now = x.clock()
    for (const j of x.jobs.values())
      if (j.session_id === s.id && jobStatus(j, x.lifecycle, now) === 'Queued')
        j.forced = 'Cancelled'
    return { status: 204 }
  }
  return x.error(404, 1404, `no route for ${m} ${path}`)
}
