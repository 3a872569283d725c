import { statSync } from 'node:fs'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import type { ErrorObject } from 'ajv'
import { validateJobSpecSchema } from './job-spec-validator.js'
import { confinePath } from '../confined-path.js'
import { QprovError } from '../errors.js'
import { jsonSyntaxProblem, readBoundedSync } from '../read-file.js'
import { JOB_SPEC_FILE, MAX_SPEC_BYTES, sha256Hex } from '../workload/closure.js'
import type { CreateJobBody } from './client.js'

export { JOB_SPEC_FILE, MAX_SPEC_BYTES }
export const MAX_CIRCUIT_BYTES = 2 * 1024 * 1024
/** Far below the payload size at which IBM's edge has answered 403. */
export const MAX_BODY_BYTES = 16 * 1024 * 1024

export type Observables = string | string[] | Record<string, number>

export interface PubSpec {
  circuit: string
  parameter_values?: (number | number[])[]
  shots?: number
  observables?: Observables
  precision?: number
}

/** qprov.job.json; see docs/job-spec.md and schemas/qprov.job.schema.json. */
export interface JobSpec {
  version: 1
  program: 'sampler' | 'estimator'
  backend: string
  mode?: 'job' | 'session' | 'batch'
  max_execution_time?: number
  shots?: number
  precision?: number
  resilience_level?: number
  options?: Record<string, unknown>
  tags?: string[]
  pubs: PubSpec[]
}

export interface LoadedJobSpec {
  path: string
  spec: JobSpec
  /** Circuit path (as written in the spec) → OpenQASM 3 source. */
  circuits: Map<string, string>
}

/** A spec as read from its package: what was read, where, and the digests of what is sent. */
export interface PackagedJobSpec extends LoadedJobSpec {
  /** The spec's path relative to the package root, '/'-separated. */
  packagePath: string
  /** The exact bytes of the spec that was read. */
  bytes: Buffer
  /** Circuit package path → sha256 (hex) of the bytes read, which are the bytes sent. */
  circuitDigests: Map<string, string>
}

// params.options is additionalProperties:false on IBM's side, per primitive.
const COMMON_OPTIONS = [
  'dynamical_decoupling',
  'execution',
  'twirling',
  'simulator',
  'experimental'
]
const OPTION_KEYS: Record<JobSpec['program'], ReadonlySet<string>> = {
  sampler: new Set([...COMMON_OPTIONS, 'default_shots']),
  estimator: new Set([
    ...COMMON_OPTIONS,
    'default_shots',
    'resilience',
    'default_precision',
    'seed_estimator'
  ])
}

function specError(source: string, pointer: string, message: string): QprovError {
  return new QprovError('JOB_SPEC_INVALID', `${source}: ${pointer || '/'}: ${message}`, {
    details: { pointer: pointer || '/' }
  })
}

function describe(e: ErrorObject): string {
  if (e.keyword === 'additionalProperties')
    return `unknown property "${String(e.params.additionalProperty)}"`
  if (e.keyword === 'enum') return `must be one of ${JSON.stringify(e.params.allowedValues)}`
  return e.message ?? 'is invalid'
}

/** Schema plus the rules a schema states badly (which PUB fields belong to which primitive). */
export function validateJobSpec(value: unknown, source = JOB_SPEC_FILE): JobSpec {
  if (!validateJobSpecSchema(value)) {
    const e = validateJobSpecSchema.errors?.[0]
    throw specError(source, e?.instancePath ?? '', e ? describe(e) : 'is invalid')
  }
  const spec = value as unknown as JobSpec
  const sampler = spec.program === 'sampler'
  if (sampler && spec.precision !== undefined)
    throw specError(source, '/precision', 'only an estimator job takes a precision')
  if (sampler && spec.resilience_level !== undefined)
    throw specError(source, '/resilience_level', 'only an estimator job takes a resilience_level')
  if (!sampler && spec.shots !== undefined)
    throw specError(source, '/shots', 'an estimator job takes precision, not shots')
  for (const key of Object.keys(spec.options ?? {}))
    if (!OPTION_KEYS[spec.program].has(key))
      throw specError(source, `/options/${key}`, `not an option of the ${spec.program} primitive`)
  spec.pubs.forEach((pub, i) => {
    const at = `/pubs/${i}`
    if (sampler && pub.observables !== undefined)
      throw specError(source, `${at}/observables`, 'a sampler PUB has no observables')
    if (sampler && pub.precision !== undefined)
      throw specError(source, `${at}/precision`, 'a sampler PUB takes shots, not precision')
    if (!sampler && pub.observables === undefined)
      throw specError(source, at, 'an estimator PUB needs observables')
    if (!sampler && pub.shots !== undefined)
      throw specError(source, `${at}/shots`, 'an estimator PUB takes precision, not shots')
  })
  return spec
}

function readBounded(path: string, max: number, what: string): Buffer {
  return readBoundedSync(path, { what, maxBytes: max }, { noFollow: true, allowPipe: false })
}

/**
 * The text sent is the file's bytes exactly, so its digest is the signed one: no byte order mark
 * (a decoder would drop it) and nothing but UTF-8.
 */
function exactText(bytes: Buffer, what: string, path: string): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf)
    throw new QprovError(
      'JOB_SPEC_INVALID',
      `${what} ${path} starts with a byte order mark; save it as UTF-8 without BOM`
    )
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    throw new QprovError('INPUT_INVALID', `${what} ${path} is not valid UTF-8`)
  }
}

/**
 * Reads and validates qprov.job.json and every circuit it names. A circuit stays inside the
 * spec's directory as written, and inside the package root (default: that directory) for real:
 * a symbolic link in any directory on the way cannot lead it out.
 */
export function loadJobSpec(path: string, root: string = dirname(path)): PackagedJobSpec {
  const confine = (p: string, what: string, code: 'JOB_SPEC_INVALID' | 'WORKLOAD_INVALID') =>
    confinePath(root, p, { what, rootName: 'the package root', code, mayBeMissing: true })
  const packagePath = confine(
    relative(resolve(root), resolve(path)),
    'job spec',
    'WORKLOAD_INVALID'
  ).relative
  const bytes = readBounded(path, MAX_SPEC_BYTES, 'job spec')
  const text = exactText(bytes, 'job spec', path)
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch (e) {
    throw new QprovError('JOB_SPEC_INVALID', `job spec ${path} ${jsonSyntaxProblem(text, e)}`)
  }
  const spec = validateJobSpec(raw, path)
  const dir = resolve(dirname(path))
  const circuits = new Map<string, string>()
  const circuitDigests = new Map<string, string>()
  spec.pubs.forEach((pub, i) => {
    if (circuits.has(pub.circuit)) return
    const file = resolve(dir, pub.circuit)
    if (!file.startsWith(dir + sep))
      throw specError(path, `/pubs/${i}/circuit`, 'must stay inside the job spec directory')
    const what = `circuit of PUB ${i}`
    const inPackage = confine(relative(resolve(root), file), what, 'JOB_SPEC_INVALID').relative
    const circuitBytes = readBounded(file, MAX_CIRCUIT_BYTES, what)
    const qasm = exactText(circuitBytes, what, file)
    if (!/^\s*(\/\/[^\n]*\n\s*|\/\*[\s\S]*?\*\/\s*)*OPENQASM\s+3(\.\d+)?\s*;/.test(qasm))
      throw specError(path, `/pubs/${i}/circuit`, `${pub.circuit} is not an OpenQASM 3 program`)
    circuits.set(pub.circuit, qasm)
    circuitDigests.set(inPackage, sha256Hex(circuitBytes))
  })
  return { path, spec, circuits, packagePath, bytes, circuitDigests }
}

/** The spec among the workload paths: a qprov.job.json file, or a directory holding one. */
export function findJobSpec(workload: string[], cwd: string): string {
  const found: string[] = []
  for (const p of workload) {
    const abs = resolve(cwd, p)
    let st
    try {
      st = statSync(abs)
    } catch {
      continue
    }
    // Anything but a directory counts as found, so loadJobSpec can say what is wrong with it.
    if (!st.isDirectory() && basename(abs) === JOB_SPEC_FILE) found.push(abs)
    else if (st.isDirectory()) {
      try {
        if (!statSync(join(abs, JOB_SPEC_FILE)).isDirectory()) found.push(join(abs, JOB_SPEC_FILE))
      } catch {
        // no spec in this directory
      }
    }
  }
  const unique = [...new Set(found)]
  if (unique.length === 0)
    throw new QprovError(
      'JOB_SPEC_INVALID',
      `no ${JOB_SPEC_FILE} in the workload (${workload.join(', ')}); give its directory or the file itself`
    )
  if (unique.length > 1)
    throw new QprovError('JOB_SPEC_INVALID', `more than one ${JOB_SPEC_FILE}: ${unique.join(', ')}`)
  return unique[0]
}

function trimNulls(pub: unknown[]): unknown[] {
  while (pub.length > 1 && pub[pub.length - 1] === null) pub.pop()
  return pub
}

export interface RenderOverrides {
  backend?: string
  tags?: string[]
  sessionId?: string
}

/** The documented POST /jobs body: OpenQASM 3 strings as circuits, params.version 2, never private. */
export function renderJobBody(loaded: LoadedJobSpec, o: RenderOverrides = {}): CreateJobBody {
  const { spec, circuits } = loaded
  const qasm = (p: PubSpec) => circuits.get(p.circuit) as string
  const pubs = spec.pubs.map(p =>
    spec.program === 'sampler'
      ? trimNulls([qasm(p), p.parameter_values ?? null, p.shots ?? null])
      : trimNulls([qasm(p), p.observables, p.parameter_values ?? null, p.precision ?? null])
  )
  const params: Record<string, unknown> = { pubs, version: 2 }
  if (spec.options !== undefined) params.options = spec.options
  if (spec.shots !== undefined) params.shots = spec.shots
  if (spec.precision !== undefined) params.precision = spec.precision
  if (spec.resilience_level !== undefined) params.resilience_level = spec.resilience_level
  const body: CreateJobBody = {
    program_id: spec.program,
    backend: o.backend ?? spec.backend,
    params
  }
  const tags = o.tags ?? spec.tags
  if (tags !== undefined && tags.length > 0) body.tags = tags
  if (o.sessionId !== undefined) body.session_id = o.sessionId
  if (spec.max_execution_time !== undefined) body.cost = spec.max_execution_time
  const size = Buffer.byteLength(JSON.stringify(body))
  if (size > MAX_BODY_BYTES)
    throw new QprovError(
      'INPUT_TOO_LARGE',
      `the rendered job is ${size} bytes (at most ${MAX_BODY_BYTES}); split it into several jobs`
    )
  return body
}
