/**
 * What IBM refuses, refused before anything is signed or sent; each rule names where it comes
 * from (a file of qiskit-ibm-runtime or Qiskit, or an IBM documentation page).
 */
import { describe, expect, it } from 'vitest'
import { QprovError } from '../../src/errors.js'
import { faultyParts, statusWarning, usageWarning } from '../../src/runtime/backend-health.js'
import { parseBackendConfiguration } from '../../src/runtime/backend-target.js'
import { circuitProblems } from '../../src/runtime/circuit-check.js'
import type { JobSpec, LoadedJobSpec, PubSpec } from '../../src/runtime/job-spec.js'
import { describeReason, toRuntimeJob } from '../../src/runtime/job-state.js'
import { bindingsOf } from '../../src/runtime/pub-checks.js'
import { checkJobAgainstTarget } from '../../src/runtime/target-check.js'

/** A 4-qubit line with the fractional gates of a current Heron. */
function heron(extra: Record<string, unknown> = {}) {
  const pairs = [
    [0, 1],
    [1, 0],
    [1, 2],
    [2, 1],
    [2, 3],
    [3, 2]
  ]
  return parseBackendConfiguration('ibm_line', {
    backend_name: 'ibm_line',
    n_qubits: 4,
    basis_gates: ['cz', 'id', 'rz', 'sx', 'x', 'rx', 'rzz'],
    supported_instructions: ['cz', 'delay', 'measure', 'reset', 'rx', 'rzz', 'if_else'],
    gates: [
      { name: 'rz', parameters: ['theta'] },
      { name: 'rx', parameters: ['theta'] },
      { name: 'rzz', parameters: ['theta'], coupling_map: pairs },
      { name: 'cz', parameters: [], coupling_map: pairs }
    ],
    coupling_map: pairs,
    ...extra
  })
}

function job(
  circuit: string,
  pub: Partial<PubSpec> = {},
  spec: Partial<JobSpec> = {}
): LoadedJobSpec {
  return {
    path: 'qprov.job.json',
    spec: {
      version: 1,
      program: 'sampler',
      backend: 'ibm_line',
      pubs: [{ circuit: 'c.qasm', ...pub }],
      ...spec
    },
    circuits: new Map([['c.qasm', `OPENQASM 3.0; bit[2] c; ${circuit}`]])
  }
}

function refusal(f: () => unknown): string {
  try {
    f()
  } catch (e) {
    expect(e).toBeInstanceOf(QprovError)
    expect((e as QprovError).code).toBe('TARGET_MISMATCH')
    return (e as Error).message
  }
  throw new Error('not refused')
}

describe('the gate set, as convert_to_target builds the Target (utils/backend_converter.py)', () => {
  // fake_provider/backends/fractional/conf_fractional.json lists u1, u2, u3 under
  // supported_instructions only: convert_to_target keeps basis_gates, never those.
  it('refuses a gate supported_instructions lists but basis_gates does not', () => {
    const t = heron({ supported_instructions: ['measure', 'u3', 'u2', 'u1', 'delay', 'reset'] })
    expect(circuitProblems('OPENQASM 3.0; u3(0.1, 0.2, 0.3) $0;', t)).toEqual([
      "line 1: gate 'u3' on $0 is not supported by ibm_line (basis: cz, id, rx, rz, rzz, sx, x); supported_instructions lists it, but only basis_gates count as gates"
    ])
  })

  // fake_provider/backends/miami/conf_miami.json lists no reset: measure, reset and delay count
  // only when supported_instructions names them.
  it('refuses reset on a backend whose supported_instructions lacks it', () => {
    const t = heron({ supported_instructions: ['cz', 'delay', 'measure', 'rz', 'sx', 'x'] })
    expect(circuitProblems('OPENQASM 3.0; reset $0;', t)).toEqual([
      "line 1: 'reset' is not supported by ibm_line (supported: cz, delay, id, measure, rx, rz, rzz, sx, x)"
    ])
  })
})

describe('fractional gates (IBM docs guides/fractional-gates; utils/utils.py is_isa_circuit)', () => {
  it.each([
    ['rzz(pi/2) $0, $1;', []],
    ['rzz(0) $0, $1;', []],
    ['rzz(1.5707963268) $0, $1;', []],
    ['rx(7.5) $0;', []],
    [
      'rzz(-0.1) $0, $1;',
      [
        'line 1: rzz $0, $1: angle -0.1 is outside [0, pi/2], the only range IBM runs rzz in (fractional gates)'
      ]
    ],
    [
      'rzz(pi) $1, $2;',
      [
        `line 1: rzz $1, $2: angle ${Math.PI} is outside [0, pi/2], the only range IBM runs rzz in (fractional gates)`
      ]
    ],
    ['rzz(0.5) $0, $2;', ['line 1: rzz $0, $2: qubits not coupled on ibm_line']]
  ])('%s', (body, problems) => {
    expect(circuitProblems(`OPENQASM 3.0; ${body}`, heron())).toEqual(problems)
  })

  // qiskit-ibm-runtime utils/utils.py is_valid_rzz_pub: the angles parameter values bind too.
  it('refuses an rzz angle that a row of parameter values takes out of range', () => {
    const circuit = 'input float[64] theta; rzz(2 * theta) $0, $1;'
    expect(() =>
      checkJobAgainstTarget(job(circuit, { parameter_values: [0.1, 0.7] }), heron())
    ).not.toThrow()
    expect(
      refusal(() => checkJobAgainstTarget(job(circuit, { parameter_values: [0.1, 0.8] }), heron()))
    ).toBe(
      'PUB 0 (c.qasm): line 1: rzz $0, $1: angle 1.6 is outside [0, pi/2], the only range IBM runs rzz in (fractional gates), via parameter values theta=0.8'
    )
  })

  // qiskit-ibm-runtime 0.42.0 release note (release-notes/0.42.0.rst, PR 2366): backends run
  // fractional gates and dynamic circuits together, so the client no longer refuses the pair;
  // IBM's fractional-gates guide still lists dynamic circuits under "When not to use": a warning.
  it('warns, not refuses, about fractional gates with control flow, twirling or PEC', () => {
    const circuit = 'rzz(0.5) $0, $1; c[0] = measure $0; if (c[0]) { x $1; }'
    const w = checkJobAgainstTarget(
      job(circuit, {}, { options: { twirling: { enable_gates: true } } }),
      heron()
    )
    expect(w).toEqual([
      "c.qasm uses fractional gates and control flow; IBM's fractional-gates guide lists dynamic circuits as unsupported with them",
      "c.qasm uses fractional gates; IBM's fractional-gates guide lists Pauli twirling as unsupported with them"
    ])
    expect(checkJobAgainstTarget(job('rz(0.5) $0; x $1;'), heron())).toEqual([])
  })
})

describe('dynamical decoupling with dynamic circuits (utils/validations.py)', () => {
  it('refuses dynamical_decoupling.enable with a circuit that has control flow', () => {
    const dd = { options: { dynamical_decoupling: { enable: true } } }
    expect(
      refusal(() =>
        checkJobAgainstTarget(job('c[0] = measure $0; if (c[0]) { x $0; }', {}, dd), heron())
      )
    ).toBe(
      'options.dynamical_decoupling.enable: Dynamical decoupling currently cannot be used with dynamic circuits (c.qasm has control flow)'
    )
    expect(() =>
      checkJobAgainstTarget(job('x $0; c[0] = measure $0;', {}, dd), heron())
    ).not.toThrow()
  })
})

describe('input parameters against parameter_values (Qiskit primitives/containers)', () => {
  // sampler_pub.py SamplerPub.validate; bindings_array.py BindingsArray (_infer_shape: a single
  // parameter may leave its last axis off).
  it.each([
    [0, undefined, { shape: [], rows: [[]] }],
    [
      2,
      undefined,
      'The number of values (0) does not match the number of parameters (2) for the circuit.'
    ],
    [2, [0.1, 0.2], { shape: [], rows: [[0.1, 0.2]] }],
    [
      2,
      [
        [0.1, 0.2],
        [0.3, 0.4],
        [0.5, 0.6]
      ],
      {
        shape: [3],
        rows: [
          [0.1, 0.2],
          [0.3, 0.4],
          [0.5, 0.6]
        ]
      }
    ],
    [
      2,
      [0.1, 0.2, 0.3],
      'The number of values (3) does not match the number of parameters (2) for the circuit.'
    ],
    [1, [0.1, 0.2, 0.3], { shape: [3], rows: [[0.1], [0.2], [0.3]] }],
    [1, [[0.1], [0.2]], { shape: [2], rows: [[0.1], [0.2]] }],
    [
      0,
      [0.5],
      'The number of values (1) does not match the number of parameters (0) for the circuit.'
    ],
    [
      2,
      [[0.1, 0.2], [0.3]],
      'parameter_values has rows of different lengths, so it is not an array'
    ],
    [2, [0.1, [0.2, 0.3]], 'parameter_values mixes numbers and lists, so it is not an array']
  ] as const)('%i input(s), values %j', (inputs, values, want) => {
    expect(bindingsOf(values as PubSpec['parameter_values'], inputs)).toEqual(want)
  })

  it('refuses a PUB whose values do not match the circuit inputs, naming the PUB', () => {
    const circuit = 'input float[64] a; input float[64] b; rz(a) $0; rz(b) $1;'
    expect(
      refusal(() => checkJobAgainstTarget(job(circuit, { parameter_values: [1, 2, 3] }), heron()))
    ).toBe(
      'PUB 0 (c.qasm): The number of values (3) does not match the number of parameters (2) for the circuit.'
    )
  })

  // estimator_pub.py EstimatorPub: observables and parameter values must broadcast.
  it('refuses observables and parameter values whose shapes do not broadcast', () => {
    const loaded = job(
      'input float[64] a; rz(a) $0;',
      {
        observables: ['IIIZ', 'IIZI', 'IZII'],
        parameter_values: [0.1, 0.2]
      },
      { program: 'estimator' }
    )
    expect(refusal(() => checkJobAgainstTarget(loaded, heron()))).toBe(
      'PUB 0 (c.qasm): The observables shape (3,) and the parameter values shape (2,) are not broadcastable.'
    )
  })
})

describe('faulty qubits and edges (ibm_backend.py check_faulty, models/backend_properties.py)', () => {
  const props = {
    backend_name: 'ibm_line',
    last_update_date: '2026-05-01T00:00:00Z',
    qubits: [[], [], [{ name: 'operational', value: 0, unit: '', date: 'd' }], []],
    gates: [
      {
        gate: 'cz',
        qubits: [0, 1],
        parameters: [{ name: 'operational', value: 0, unit: '', date: 'd' }]
      },
      { gate: 'cz', qubits: [1, 0], parameters: [] },
      {
        gate: 'sx',
        qubits: [3],
        parameters: [{ name: 'gate_error', value: 0.001, unit: '', date: 'd' }]
      }
    ],
    general: []
  }

  it('refuses an instruction on a faulty qubit or a faulty edge, in that direction', () => {
    const f = faultyParts('ibm_line', props)
    expect([...f.qubits, ...f.edges]).toEqual([2, '0,1'])
    expect(refusal(() => checkJobAgainstTarget(job('x $2;'), heron(), f))).toBe(
      'circuit c.qasm: line 1: x $2: qubit $2 is faulty on ibm_line (properties of 2026-05-01T00:00:00Z)'
    )
    expect(refusal(() => checkJobAgainstTarget(job('cz $0, $1;'), heron(), f))).toBe(
      'circuit c.qasm: line 1: cz $0, $1: edge (0, 1) is faulty on ibm_line (properties of 2026-05-01T00:00:00Z)'
    )
    expect(() =>
      checkJobAgainstTarget(job('cz $1, $0; barrier $1, $2; x $3;'), heron(), f)
    ).not.toThrow()
  })

  it('fails closed on properties it cannot read', () => {
    expect(() =>
      faultyParts('ibm_line', { qubits: [[{ name: 'operational', value: 'no' }]], gates: [] })
    ).toThrow(expect.objectContaining({ code: 'RUNTIME_BAD_RESPONSE' }))
    expect(() => faultyParts('ibm_line', { gates: [] })).toThrow(
      expect.objectContaining({ code: 'RUNTIME_BAD_RESPONSE' })
    )
  })
})

describe('warnings, not refusals', () => {
  // ibm_backend.py IBMBackend.status(): operational=True with status_msg 'internal' accepts jobs
  // without running them.
  it.each([
    [{ state: true, status: 'active' }, undefined],
    [
      { state: false, status: 'maintenance', message: 'calibrating' },
      'ibm_x is not operational (status maintenance: calibrating); the job would wait in its queue'
    ],
    [
      { state: true, status: 'internal' },
      'ibm_x accepts jobs but is not running them (status internal)'
    ]
  ])('backend status %j', (status, want) => {
    expect(statusWarning('ibm_x', status)).toBe(want)
  })

  // qiskit_runtime_service.py _check_instance_usage.
  it.each([
    [{ usage_consumed_seconds: 10, usage_limit_reached: false }, undefined],
    [
      { usage_consumed_seconds: 600, usage_limit_seconds: 600, usage_limit_reached: true },
      'this instance has met its usage limit: workloads will not run until time is made available'
    ],
    [
      { usage_consumed_seconds: 5, usage_limit_reached: true },
      "there is no more time available for this instance's plan: workloads will not run until time is made available"
    ]
  ])('instance usage %j', (usage, want) => {
    expect(usageWarning(usage)).toBe(want)
  })
})

describe('job states (base_runtime_job.py _set_status, runtime_job_v2.py)', () => {
  it('reads the top-level status and either spelling of the reason code', () => {
    const j = toRuntimeJob(
      {
        id: 'j1',
        status: 'Cancelled - Ran too long',
        state: { status: 'Cancelled', reason: 'Ran too long', reasonCode: 1305 }
      },
      'get job'
    )
    expect([j.status, j.statusDetail, j.ranTooLong, j.reasonCode]).toEqual([
      'Cancelled',
      'Cancelled - Ran too long',
      true,
      1305
    ])
    expect(describeReason(j)).toBe(
      'error code 1305; the job ran longer than its maximum execution time (max_execution_time / cost) (Ran too long)'
    )
    const plain = toRuntimeJob(
      { id: 'j2', status: 'Cancelled', state: { status: 'Cancelled' } },
      'get job'
    )
    expect([plain.statusDetail, plain.ranTooLong, describeReason(plain)]).toEqual([
      undefined,
      false,
      undefined
    ])
    const odd = toRuntimeJob(
      { id: 'j3', state: { status: 'Failed', reason: 'x', reason_code: 4242 } },
      'get job'
    )
    expect(describeReason(odd)).toBe('error code 4242; x')
  })
})
