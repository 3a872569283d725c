/**
 * The pre-submit target check: every circuit of the job spec must run on the backend as it is
 * configured and calibrated today, and every PUB must fit its circuit. IBM creates a job that
 * breaks these rules and then fails it, after queue time; this check refuses it before anything
 * is signed or sent, and warns about what only delays a job.
 */
import { QprovError } from '../errors.js'
import type { TargetCheckOutcome } from '../proof/runtime-job-file.js'
import { faultyParts, faultyProblems, statusWarning, usageWarning } from './backend-health.js'
import type { FaultyParts } from './backend-health.js'
import { parseBackendConfiguration, type BackendTarget } from './backend-target.js'
import { parsedCircuitProblems } from './circuit-check.js'
import type { RuntimeApi } from './client.js'
import type { LoadedJobSpec, Observables } from './job-spec.js'
import { fractionalWarnings, optionProblems, pubProblems } from './pub-checks.js'
import { parseQasm, type Circuit } from './qasm.js'

export { parseBackendConfiguration, type BackendTarget } from './backend-target.js'
export { circuitProblems } from './circuit-check.js'

function paulis(o: Observables): string[] {
  if (typeof o === 'string') return [o]
  return Array.isArray(o) ? o : Object.keys(o)
}

/**
 * Throws TARGET_MISMATCH naming the first problem (and how many more there are); returns the
 * warnings. `faulty` comes from the backend's properties, when it has any.
 */
export function checkJobAgainstTarget(
  loaded: LoadedJobSpec,
  t: BackendTarget,
  faulty?: FaultyParts
): string[] {
  const problems: string[] = []
  const parsed = new Map<string, Circuit>()
  for (const [path, source] of loaded.circuits) {
    let c: Circuit
    try {
      c = parseQasm(source)
    } catch (e) {
      problems.push(`circuit ${path}: not valid OpenQASM 3: ${(e as Error).message}`)
      continue
    }
    parsed.set(path, c)
    for (const p of parsedCircuitProblems(c, t)) problems.push(`circuit ${path}: ${p}`)
    if (faulty)
      for (const p of faultyProblems(c, faulty, t.name)) problems.push(`circuit ${path}: ${p}`)
  }
  loaded.spec.pubs.forEach((pub, i) => {
    const c = parsed.get(pub.circuit)
    if (c) for (const p of pubProblems(pub, c)) problems.push(`PUB ${i} (${pub.circuit}): ${p}`)
    if (pub.observables === undefined) return
    // A circuit on physical qubits is as wide as the backend; Qiskit's apply_layout widens to that.
    for (const p of paulis(pub.observables))
      if (p.length !== t.nQubits) {
        problems.push(
          `PUB ${i} (${pub.circuit}): observable width ${p.length} ≠ circuit width ${t.nQubits} (Pauli strings span all ${t.nQubits} qubits of ${t.name}, rightmost character = $0)`
        )
        break
      }
  })
  problems.push(...optionProblems(loaded.spec.options, parsed))
  if (problems.length > 0) {
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : ''
    throw new QprovError('TARGET_MISMATCH', `${problems[0]}${more}`, {
      details: { backend: t.name, problems }
    })
  }
  return fractionalWarnings(t.fractional, loaded.spec.options, parsed)
}

async function properties(api: RuntimeApi, t: BackendTarget): Promise<FaultyParts | undefined> {
  if (t.simulator) return undefined
  try {
    const p = await api.getBackendProperties(t.name)
    return p === undefined ? undefined : faultyParts(t.name, p)
  } catch (e) {
    // A backend without properties has nothing marked faulty (the official client skips it too).
    if (e instanceof QprovError && e.details.status === 404) return undefined
    throw e
  }
}

/** Status and usage only delay a job: a failure to read them is itself a warning. */
async function healthWarnings(api: RuntimeApi, backend: string): Promise<string[]> {
  const out: string[] = []
  const read = async <T>(what: string, get: () => Promise<T>): Promise<T | undefined> =>
    get().catch((e: unknown) => {
      out.push(`could not read ${what}: ${e instanceof Error ? e.message : String(e)}`)
      return undefined
    })
  const status = await read(`the status of ${backend}`, () => api.getBackendStatus(backend))
  const s = status && statusWarning(backend, status)
  if (s) out.push(s)
  const usage = await read('the instance usage', () => api.getInstanceUsage())
  const u = usage && usageWarning(usage)
  if (u) out.push(u)
  return out
}

/** Reads the backend's configuration and properties, checks the job, and warns about its state. */
export async function checkTarget(
  api: RuntimeApi,
  loaded: LoadedJobSpec,
  backend: string,
  opts: {
    skip?: boolean
    onProgress?: (m: string) => void
    onWarning?: (m: string) => void
  } = {}
): Promise<TargetCheckOutcome> {
  if (opts.skip) return { status: 'skipped', backend }
  let config: Record<string, unknown>
  try {
    config = await api.getBackendConfiguration(backend)
  } catch (e) {
    if (e instanceof QprovError && e.details.status === 404)
      throw new QprovError(
        'BACKEND_UNKNOWN',
        `backend ${backend} is not available to this instance (${e.message})`,
        { cause: e, details: e.details }
      )
    throw e
  }
  const target = parseBackendConfiguration(backend, config)
  const faulty = await properties(api, target)
  const warnings = checkJobAgainstTarget(loaded, target, faulty)
  opts.onProgress?.(`circuits are ISA for ${backend} (${target.nQubits} qubits)`)
  for (const w of [...warnings, ...(await healthWarnings(api, backend))]) opts.onWarning?.(w)
  return {
    status: 'passed',
    backend,
    ...(target.version ? { version: target.version } : {}),
    qubits: target.nQubits
  }
}
