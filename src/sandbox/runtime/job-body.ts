/** The emulator's check of a `POST /jobs` body against IBM's documented schema. */
export interface BodyProblem {
  status: number
  code: number
  message: string
}

export interface ValidJobBody {
  program_id: 'sampler' | 'estimator'
  backend: string
  params: Record<string, unknown>
  tags: string[]
  session_id?: string
  cost?: number
  private?: boolean
}

const TOP_LEVEL = new Set([
  'program_id',
  'backend',
  'params',
  'tags',
  'session_id',
  'cost',
  'log_level',
  'runtime',
  'private',
  'calibration_id',
  'remote_storage'
])
const COMMON_PARAMS = ['pubs', 'version', 'support_qiskit', 'options']
const PARAM_KEYS: Record<string, ReadonlySet<string>> = {
  sampler: new Set([...COMMON_PARAMS, 'shots']),
  estimator: new Set([...COMMON_PARAMS, 'resilience_level', 'precision'])
}
const COMMON_OPTIONS = [
  'dynamical_decoupling',
  'execution',
  'twirling',
  'simulator',
  'experimental'
]
const OPTION_KEYS: Record<string, ReadonlySet<string>> = {
  sampler: new Set([...COMMON_OPTIONS, 'default_shots']),
  estimator: new Set([
    ...COMMON_OPTIONS,
    'default_shots',
    'resilience',
    'default_precision',
    'seed_estimator'
  ])
}
const LOG_LEVELS = new Set(['critical', 'error', 'warning', 'info', 'debug'])

const bad = (message: string, code = 1400): BodyProblem => ({ status: 400, code, message })

export function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * Codes for refused tags from IBM's error code registry, rows 1204 and 1205 of
 * https://quantum.cloud.ibm.com/docs/ja/errors (docs/runtime.md, "Tag errors"). The emulator's
 * own constants: the client keeps separate ones.
 */
const TOO_MANY_TAGS = 1204
const TAG_TOO_LONG = 1205
const MAX_TAGS = 8
const MAX_TAG_LENGTH = 86

/** Tag rules of IBM's `Tags` schema: ≤ 8 items, each ≤ 86 characters, one line (`^.*$`). */
export function tagsProblem(tags: unknown): BodyProblem | undefined {
  if (!Array.isArray(tags) || tags.some(t => typeof t !== 'string'))
    return bad('tags must be an array of strings')
  if (tags.length > MAX_TAGS)
    return bad(
      `The job exceeds the maximum number of tags: ${tags.length} given, at most ${MAX_TAGS} allowed.`,
      TOO_MANY_TAGS
    )
  for (const t of tags as string[]) {
    if (t.length > MAX_TAG_LENGTH)
      return bad(
        `A job tag exceeds the maximum length: ${t.length} characters, at most ${MAX_TAG_LENGTH} allowed.`,
        TAG_TOO_LONG
      )
    if (/[\r\n]/.test(t)) return bad('a tag must be a single line (pattern ^.*$)')
  }
  return undefined
}

const PAULI = /^[IXYZ]+$/

function observablesProblem(o: unknown): string | undefined {
  if (typeof o === 'string') return PAULI.test(o) ? undefined : `"${o}" is not a Pauli string`
  if (Array.isArray(o)) {
    if (o.length === 0) return 'the observables list is empty'
    for (const x of o) {
      const p = observablesProblem(x)
      if (p) return p
    }
    return undefined
  }
  if (isObject(o) && Object.keys(o).length > 0) {
    for (const [k, v] of Object.entries(o))
      if (!PAULI.test(k) || typeof v !== 'number') return `{"${k}": …} is not a Pauli term`
    return undefined
  }
  return 'observables must be a Pauli string, a list, or a {pauli: coefficient} map'
}

/** EstimatorV2Input/SamplerV2Input: `pubs` is an array of arrays (Array<Array<any>>). */
function pubProblem(program: string, pub: unknown): string | undefined {
  if (!Array.isArray(pub)) return 'a PUB must be an array'
  const [circuit, ...rest] = pub as unknown[]
  if (typeof circuit !== 'string' && !isObject(circuit))
    return 'the circuit must be an OpenQASM 3 string or encoded QPY'
  if (program === 'sampler') {
    if (rest.length > 2) return 'a sampler PUB is [circuit, parameter_values?, shots?]'
    const shots = rest[1]
    if (
      shots !== undefined &&
      shots !== null &&
      !(Number.isInteger(shots) && (shots as number) > 0)
    )
      return 'shots must be a positive integer'
    return undefined
  }
  if (rest.length === 0) return 'an estimator PUB needs observables'
  if (rest.length > 3)
    return 'an estimator PUB is [circuit, observables, parameter_values?, precision?]'
  const precision = rest[2]
  if (
    precision !== undefined &&
    precision !== null &&
    !(typeof precision === 'number' && precision > 0)
  )
    return 'precision must be a positive number'
  return observablesProblem(rest[0])
}

function paramsProblem(program: string, params: unknown): BodyProblem | undefined {
  if (!isObject(params)) return bad('params must be an object')
  for (const k of Object.keys(params))
    if (!PARAM_KEYS[program].has(k)) return bad(`params: additional property "${k}" not allowed`)
  if (params.version !== 2) return bad('params.version is required and must be 2')
  const pubs = params.pubs
  if (!Array.isArray(pubs) || pubs.length === 0) return bad('params.pubs must be a non-empty array')
  for (const [i, pub] of pubs.entries()) {
    const p = pubProblem(program, pub)
    if (p) return bad(`params.pubs[${i}]: ${p}`)
  }
  if (params.options !== undefined) {
    if (!isObject(params.options)) return bad('params.options must be an object')
    for (const k of Object.keys(params.options))
      if (!OPTION_KEYS[program].has(k))
        return bad(`params.options: additional property "${k}" not allowed`)
  }
  return undefined
}

export function checkJobBody(body: unknown): BodyProblem | ValidJobBody {
  if (!isObject(body)) return bad('the request body must be a JSON object')
  if ('start_session' in body || 'session_time' in body)
    return bad(
      'Creating a session through the jobs API is no longer supported; use /sessions',
      1208
    )
  for (const k of Object.keys(body))
    if (!TOP_LEVEL.has(k)) return bad(`additional property "${k}" not allowed`)
  const program = body.program_id
  if (typeof program !== 'string' || program.length === 0 || program.length > 10000)
    return bad('program_id is required')
  if (program !== 'sampler' && program !== 'estimator')
    return { status: 404, code: 1404, message: `program not found: ${program}` }
  if (typeof body.backend !== 'string' || body.backend === '') return bad('backend is required')
  const p = paramsProblem(program, body.params)
  if (p) return p
  if (body.tags !== undefined) {
    const t = tagsProblem(body.tags)
    if (t) return t
  }
  if (body.session_id !== undefined) {
    if (typeof body.session_id !== 'string' || !/^[A-Za-z0-9_-]{1,36}$/.test(body.session_id))
      return bad('session_id must be 1..36 characters')
  }
  if (body.cost !== undefined) {
    if (!Number.isInteger(body.cost) || (body.cost as number) < 0)
      return bad('cost must be a non-negative integer')
  }
  if (body.log_level !== undefined && !LOG_LEVELS.has(String(body.log_level).toLowerCase()))
    return bad('log_level is not a known level')
  if (body.private !== undefined && typeof body.private !== 'boolean')
    return bad('private must be a boolean')
  return {
    program_id: program,
    backend: body.backend,
    params: body.params as Record<string, unknown>,
    tags: (body.tags as string[] | undefined) ?? [],
    session_id: body.session_id as string | undefined,
    // IBM caps the maximum execution time instead of rejecting larger values.
    cost: body.cost === undefined ? undefined : Math.min(body.cost as number, 10800),
    private: body.private as boolean | undefined
  }
}
