/**
 * The results statement: after the job ended, the CI identity that bound it fetched what IBM
 * served (results, metrics, the calibration snapshot in force when it ran) and signs their
 * digests, tied to this bundle's binding. A witness of what was served, not IBM's endorsement.
 */
import { QprovError } from '../errors.js'
import { RESULTS_FILES, RESULTS_PREDICATE_TYPE } from './layout.js'
import { STATEMENT_TYPE, parseStatement, type InTotoStatement } from './statement.js'

/** The files whose bytes the predicate digests, in this order. */
export const RESULTS_DATA_FILES = [
  RESULTS_FILES.results,
  RESULTS_FILES.jobMetrics,
  RESULTS_FILES.backendProperties
] as const
export type ResultsDataFile = (typeof RESULTS_DATA_FILES)[number]

export interface ResultsPredicate {
  job_id: string
  /** sha256 of this bundle's binding.json. */
  binding: string
  /** sha256 of the workload statement (statement.json). */
  workload_statement: string
  backend: string
  /** IBM's final state when the results were fetched. */
  status: string
  timestamps: { created: string | null; running: string | null; finished: string | null }
  usage: { qpu_charge_time_seconds: number | null; status: string | null }
  calibration: { last_update_date: string }
  /** When qprov read the bytes (the signer's clock; the signature's timestamp is the trusted one). */
  fetched_at: string
  files: Record<ResultsDataFile, string>
}

const DIGEST = /^sha256:[0-9a-f]{64}$/
const hex = (d: string) => d.slice('sha256:'.length)

/** Fixed member order, so the payload is a function of the values (parse → rebuild → same bytes). */
function ordered(p: ResultsPredicate): ResultsPredicate {
  return {
    job_id: p.job_id,
    binding: p.binding,
    workload_statement: p.workload_statement,
    backend: p.backend,
    status: p.status,
    timestamps: {
      created: p.timestamps.created,
      running: p.timestamps.running,
      finished: p.timestamps.finished
    },
    usage: { qpu_charge_time_seconds: p.usage.qpu_charge_time_seconds, status: p.usage.status },
    calibration: { last_update_date: p.calibration.last_update_date },
    fetched_at: p.fetched_at,
    files: Object.fromEntries(
      RESULTS_DATA_FILES.map(n => [n, p.files[n]])
    ) as ResultsPredicate['files']
  }
}

export function buildResultsStatement(p: ResultsPredicate): InTotoStatement {
  return {
    _type: STATEMENT_TYPE,
    subject: [RESULTS_FILES.results, RESULTS_FILES.backendProperties].map(name => ({
      name,
      digest: { sha256: hex(p.files[name]) }
    })),
    predicateType: RESULTS_PREDICATE_TYPE,
    predicate: ordered(p)
  }
}

/** results-statement.json: exactly the DSSE payload that results.sigstore.json signs. */
export function resultsStatementBytes(p: ResultsPredicate): Buffer {
  return Buffer.from(JSON.stringify(buildResultsStatement(p)), 'utf8')
}

function bad(msg: string): never {
  throw new QprovError('STATEMENT_INVALID', `results statement: ${msg}`)
}

function exactKeys(o: unknown, keys: readonly string[], where: string): Record<string, unknown> {
  if (o === null || typeof o !== 'object' || Array.isArray(o)) bad(`${where} is not an object`)
  const got = Object.keys(o).sort()
  const want = [...keys].sort()
  if (got.join() !== want.join())
    bad(`${where} has members ${got.join(', ')}, not ${want.join(', ')}`)
  return o as Record<string, unknown>
}

const str = (v: unknown, where: string): string =>
  typeof v === 'string' && v !== '' ? v : bad(`${where} is not a string`)
const strOrNull = (v: unknown, where: string): string | null => (v === null ? null : str(v, where))
const date = (v: unknown, where: string): string =>
  Number.isNaN(Date.parse(str(v, where))) ? bad(`${where} is not a date`) : (v as string)
const dateOrNull = (v: unknown, where: string): string | null =>
  v === null ? null : date(v, where)
const digest = (v: unknown, where: string): string =>
  DIGEST.test(str(v, where)) ? (v as string) : bad(`${where} is not sha256:<64 hex>`)

/**
 * Parses DSSE payload bytes as a results statement: the predicate type, every member typed,
 * and the bytes exactly what resultsStatementBytes writes for the values read.
 */
export function parseResultsStatement(payload: Buffer): ResultsPredicate {
  const s = parseStatement(payload)
  if (s.predicateType !== RESULTS_PREDICATE_TYPE)
    bad(`predicate type ${s.predicateType}, expected ${RESULTS_PREDICATE_TYPE}`)
  const o = exactKeys(s.predicate, Object.keys(ordered(EXAMPLE)), 'predicate')
  const t = exactKeys(o.timestamps, ['created', 'running', 'finished'], 'timestamps')
  const u = exactKeys(o.usage, ['qpu_charge_time_seconds', 'status'], 'usage')
  const c = exactKeys(o.calibration, ['last_update_date'], 'calibration')
  const f = exactKeys(o.files, RESULTS_DATA_FILES, 'files')
  const seconds = u.qpu_charge_time_seconds
  if (seconds !== null && (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds < 0))
    bad('usage.qpu_charge_time_seconds is not a number')
  const p: ResultsPredicate = {
    job_id: str(o.job_id, 'job_id'),
    binding: digest(o.binding, 'binding'),
    workload_statement: digest(o.workload_statement, 'workload_statement'),
    backend: str(o.backend, 'backend'),
    status: str(o.status, 'status'),
    timestamps: {
      created: dateOrNull(t.created, 'timestamps.created'),
      running: dateOrNull(t.running, 'timestamps.running'),
      finished: dateOrNull(t.finished, 'timestamps.finished')
    },
    usage: { qpu_charge_time_seconds: seconds, status: strOrNull(u.status, 'usage.status') },
    calibration: { last_update_date: date(c.last_update_date, 'calibration.last_update_date') },
    fetched_at: date(o.fetched_at, 'fetched_at'),
    files: Object.fromEntries(
      RESULTS_DATA_FILES.map(n => [n, digest(f[n], `files.${n}`)])
    ) as ResultsPredicate['files']
  }
  if (!resultsStatementBytes(p).equals(payload)) bad('not in the form qprov writes')
  return p
}

const Z = `sha256:${'0'.repeat(64)}`
/** The member names, from one value of the type. */
const EXAMPLE: ResultsPredicate = {
  job_id: '',
  binding: Z,
  workload_statement: Z,
  backend: '',
  status: '',
  timestamps: { created: null, running: null, finished: null },
  usage: { qpu_charge_time_seconds: null, status: null },
  calibration: { last_update_date: '' },
  fetched_at: '',
  files: { 'results.json': Z, 'job-metrics.json': Z, 'backend-properties.json': Z }
}
