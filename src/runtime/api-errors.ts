import { QprovError, type ErrorCode } from '../errors.js'

/** One entry of IBM's `{errors:[{code,message,more_info}],trace}` error body. */
export interface RuntimeApiErrorEntry {
  code?: number | string
  message?: string
  more_info?: string
}

export interface ParsedErrorBody {
  errors: RuntimeApiErrorEntry[]
  trace?: string
}

/** Reads IBM's error body; also the older `{error:{code,message}}` form the Python client expects. */
export function parseErrorBody(text: string): ParsedErrorBody {
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    return { errors: [] }
  }
  if (typeof raw !== 'object' || raw === null) return { errors: [] }
  const obj = raw as Record<string, unknown>
  const trace = typeof obj.trace === 'string' ? obj.trace : undefined
  // IAM answers in its own shape: {errorCode, errorMessage}.
  const iam =
    typeof obj.errorMessage === 'string' ? [{ code: obj.errorCode, message: obj.errorMessage }] : []
  const list = Array.isArray(obj.errors)
    ? obj.errors
    : typeof obj.error === 'object' && obj.error !== null
      ? [obj.error]
      : iam
  const errors: RuntimeApiErrorEntry[] = []
  for (const e of list) {
    if (typeof e !== 'object' || e === null) continue
    const r = e as Record<string, unknown>
    errors.push({
      code: typeof r.code === 'number' || typeof r.code === 'string' ? r.code : undefined,
      message: typeof r.message === 'string' ? r.message : undefined,
      more_info: typeof r.more_info === 'string' ? r.more_info : undefined
    })
  }
  return { errors, trace }
}

function codeForStatus(status: number): ErrorCode {
  if (status === 401 || status === 403) return 'RUNTIME_AUTH'
  if (status === 429) return 'RUNTIME_RATE_LIMITED'
  return 'RUNTIME_HTTP'
}

/** Turns a non-2xx Runtime response into a QprovError carrying status, trace and errors[]. */
export function runtimeHttpError(
  what: string,
  status: number,
  bodyText: string,
  code: ErrorCode = codeForStatus(status)
): QprovError {
  const parsed = parseErrorBody(bodyText)
  const first = parsed.errors[0]
  const reason = first
    ? `${first.message ?? 'no message'}${first.code === undefined ? '' : ` (code ${first.code})`}`
    : bodyText.trim().slice(0, 200) || 'empty body'
  const trace = parsed.trace ? `, trace ${parsed.trace}` : ''
  return new QprovError(code, `${what} failed: HTTP ${status}: ${reason}${trace}`, {
    details: { status, trace: parsed.trace, errors: parsed.errors }
  })
}
