import { QprovError } from '../errors.js'
import type { CreateJobBody, RuntimeApi, RuntimeJob } from './client.js'
import { realSleep, type Sleep } from './http.js'

export interface SubmitPlan {
  /** The rendered POST /jobs body, provenance tags included. */
  body: CreateJobBody
  mode?: 'job' | 'session' | 'batch'
  /** A tag unique to this submission, used to find the job if the create answer is lost. */
  recoveryTag?: string
  /** How often (and how far apart) to search by recoveryTag after a lost answer. */
  recovery?: { attempts?: number; delayMs?: number; sleep?: Sleep }
}

export interface SubmitHooks {
  /** Called as soon as a job ID exists, before anything else can fail. */
  onJobId?: (jobId: string, sessionId?: string) => void
  onProgress?: (message: string) => void
  onWarning?: (message: string) => void
}

export interface Submitted {
  jobId: string
  sessionId?: string
  backend: string
  /** The tags as read back from the service. */
  tags: string[]
  /** True when the create answer was lost and the job was found again by its tag. */
  recovered: boolean
  /** Creation time as the service reports it. */
  created?: string
}

/**
 * No usable answer to POST /jobs: the service may have created the job anyway. A 2xx whose body
 * is unusable counts too, since only a non-2xx status proves that nothing was created.
 */
function lostAnswer(e: unknown): e is QprovError {
  return (
    e instanceof QprovError &&
    (e.code === 'RUNTIME_NETWORK' ||
      e.code === 'RUNTIME_TIMEOUT' ||
      e.code === 'RUNTIME_BAD_RESPONSE')
  )
}

/** Where to look for a job whose create answer was lost. */
export function findByTagAdvice(tag: string): string {
  return `search for the job tagged ${tag} in the IBM Quantum Platform job list, or GET /api/v1/jobs?tags=${encodeURIComponent(tag)}`
}

async function listQuietly(api: RuntimeApi, tag: string) {
  try {
    return await api.listAllJobs([tag])
  } catch {
    return undefined
  }
}

/** Creates the job, or finds it by its unique tag when the answer to the POST was lost. */
async function createOrRecover(api: RuntimeApi, plan: SubmitPlan, body: CreateJobBody) {
  const known = plan.recoveryTag
    ? new Set((await api.listAllJobs([plan.recoveryTag])).map(j => j.id))
    : undefined
  try {
    return { ...(await api.createJob(body)), recovered: false }
  } catch (e) {
    if (!lostAnswer(e)) throw e
    if (!plan.recoveryTag || !known)
      throw new QprovError(
        e.code,
        `${e.message}; the job may have been created (look for it in the IBM Quantum Platform job list before submitting again)`,
        { cause: e, details: e.details }
      )
    const tag = plan.recoveryTag
    const attempts = plan.recovery?.attempts ?? 4
    const sleep = plan.recovery?.sleep ?? realSleep
    let fresh: RuntimeJob[] = []
    // The service may list a job a moment after creating it, so one empty answer proves nothing.
    for (let i = 0; i < attempts && fresh.length === 0; i++) {
      if (i > 0) await sleep(plan.recovery?.delayMs ?? 2000)
      fresh = ((await listQuietly(api, tag)) ?? []).filter(j => !known.has(j.id))
    }
    if (fresh.length === 0)
      throw new QprovError(
        e.code,
        `${e.message}; the job may still have been created but was not found after ${attempts} searches: ${findByTagAdvice(tag)}`,
        { cause: e, details: { ...e.details, recoveryTag: tag } }
      )
    if (fresh.length > 1)
      throw new QprovError(
        'RUNTIME_BAD_RESPONSE',
        `the create answer was lost and ${fresh.length} new jobs carry ${tag}: ${fresh.map(j => j.id).join(', ')}`,
        { details: { jobIds: fresh.map(j => j.id), recoveryTag: tag } }
      )
    const j = fresh[0]
    return {
      id: j.id,
      backend: j.backend ?? body.backend,
      session_id: j.session_id,
      recovered: true
    }
  }
}

/**
 * Session or batch (if asked for) → job with its tags in the create body, so the job never exists
 * untagged → tags read back. Any failure after the job exists carries its ID in details.jobId.
 */
export async function submitJob(
  api: RuntimeApi,
  plan: SubmitPlan,
  hooks: SubmitHooks = {}
): Promise<Submitted> {
  let sessionId: string | undefined
  if (plan.mode === 'session' || plan.mode === 'batch') {
    const mode = plan.mode === 'session' ? 'dedicated' : 'batch'
    sessionId = (await api.createSession({ mode, backend: plan.body.backend })).id
    hooks.onProgress?.(`opened ${plan.mode} ${sessionId}`)
  }
  const body = sessionId ? { ...plan.body, session_id: sessionId } : plan.body
  let created
  try {
    created = await createOrRecover(api, plan, body)
  } catch (e) {
    if (sessionId)
      await api.closeSession(sessionId, { cancel: true }).catch(() => {
        hooks.onWarning?.(`could not cancel the unused ${plan.mode} ${sessionId}`)
      })
    throw e
  }
  const jobId = created.id
  hooks.onJobId?.(jobId, sessionId)
  if (created.recovered)
    hooks.onWarning?.(`the create answer was lost; found job ${jobId} by its tag`)
  let tags: string[]
  let createdAt: string | undefined
  try {
    const job = await api.getJob(jobId)
    tags = job.tags
    createdAt = job.created
    const missing = (body.tags ?? []).filter(t => !tags.includes(t))
    if (missing.length > 0)
      throw new QprovError(
        'RUNTIME_TAGS_REJECTED',
        `the service dropped tags: ${missing.join(', ')}`,
        { details: { missing } }
      )
  } catch (e) {
    const q = e instanceof QprovError ? e : new QprovError('INTERNAL', String(e))
    throw new QprovError(
      q.code,
      `job ${jobId} was created, but reading back its tags failed: ${q.message}`,
      {
        cause: e,
        details: { ...q.details, jobId, sessionId }
      }
    )
  }
  if (sessionId) {
    // One job per submit: stop the session accepting more, so it ends when the job does.
    await api.closeSession(sessionId).catch((e: Error) => {
      hooks.onWarning?.(`could not close ${plan.mode} ${sessionId}: ${e.message}`)
    })
  }
  return {
    jobId,
    sessionId,
    backend: created.backend,
    tags,
    recovered: created.recovered,
    ...(createdAt ? { created: createdAt } : {})
  }
}
