/**
 * What the service finds when a created job leaves the queue: each OpenQASM 3 circuit must be ISA
 * for the backend and each estimator observable as wide as its circuit. A job that fails here was
 * still created (and tagged); it ends Failed with the reason, as on IBM Quantum.
 */
import { checkIsa, type CircuitFacts } from './isa.js'
import { isObject } from './job-body.js'
import type { EmulatedTarget } from './targets.js'

export interface Admission {
  failure?: string
  circuits: (CircuitFacts | undefined)[]
}

function observableWidths(o: unknown): number[] {
  if (typeof o === 'string') return [o.length]
  if (Array.isArray(o)) return o.flatMap(observableWidths)
  return isObject(o) ? Object.keys(o).map(k => k.length) : []
}

export function admit(
  program: 'sampler' | 'estimator',
  params: Record<string, unknown>,
  t: EmulatedTarget
): Admission {
  const pubs = Array.isArray(params.pubs) ? params.pubs : []
  const circuits: (CircuitFacts | undefined)[] = []
  let failure: string | undefined
  pubs.forEach((pub: unknown, i) => {
    const [circuit, observables] = Array.isArray(pub) ? pub : [pub]
    // Encoded QPY (what the Python client sends) is not decoded here: accepted as it comes.
    if (typeof circuit !== 'string') return void circuits.push(undefined)
    const v = checkIsa(circuit, t)
    circuits.push(v.ok ? v.facts : undefined)
    if (failure) return
    if (!v.ok) failure = `PUB ${i}: ${v.reason}`
    else if (program === 'estimator') {
      const bad = observableWidths(observables).find(w => w !== v.facts.width)
      if (bad !== undefined)
        failure = `PUB ${i}: The number of qubits of the circuit (${v.facts.width}) does not match the number of qubits of the observable (${bad}).`
    }
  })
  return failure === undefined ? { circuits } : { failure, circuits }
}
