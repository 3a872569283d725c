import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { QprovError } from '../../src/errors.js'
import { findJobSpec, loadJobSpec } from '../../src/runtime/job-spec.js'
import { parseQasm } from '../../src/runtime/qasm.js'
import {
  checkJobAgainstTarget,
  circuitProblems,
  parseBackendConfiguration,
  type BackendTarget
} from '../../src/runtime/target-check.js'
import { REPO_ROOT } from '../helpers/cli.js'
import { runs } from '../helpers/property.js'

/** A 5-qubit line, Heron-like (cz both ways) and Eagle-like (ecr one way). */
function config(two: 'cz' | 'ecr', extra: Record<string, unknown> = {}) {
  const line = [
    [0, 1],
    [1, 2],
    [2, 3],
    [3, 4]
  ]
  const coupling =
    two === 'cz'
      ? line.flatMap(([a, b]) => [
          [a, b],
          [b, a]
        ])
      : line
  return {
    backend_name: 'ibm_line',
    n_qubits: 5,
    basis_gates: [two, 'id', 'rz', 'sx', 'x'],
    supported_instructions: [two, 'id', 'rz', 'sx', 'x', 'measure', 'reset', 'delay', 'if_else'],
    gates: [
      { name: 'rz', parameters: ['theta'] },
      { name: 'sx', parameters: [] },
      { name: two, parameters: [], coupling_map: coupling }
    ],
    coupling_map: coupling,
    ...extra
  }
}
const heron = () => parseBackendConfiguration('ibm_line', config('cz'))
const eagle = () => parseBackendConfiguration('ibm_line', config('ecr'))
const qasm = (body: string) => `OPENQASM 3.0;\ninclude "stdgates.inc";\nbit[2] c;\n${body}\n`

describe('the OpenQASM 3 parser', () => {
  it('reads what qasm3.dumps writes for an ISA circuit', () => {
    const c = parseQasm(readFileSync(join(REPO_ROOT, 'examples/ghz/circuits/ghz.qasm'), 'utf8'))
    expect(c.qubitRegisters).toEqual([])
    expect(c.bitRegisters).toEqual([{ name: 'c', size: 3 }])
    expect(c.instructions.map(i => i.name)).toEqual([
      ...['rz', 'sx', 'rz', 'rz', 'sx', 'rz', 'cz', 'rz', 'sx', 'rz'],
      ...['rz', 'sx', 'rz', 'cz', 'rz', 'sx', 'rz', 'barrier', 'measure', 'measure', 'measure']
    ])
    expect(c.instructions[6].operands).toEqual([{ physical: 0 }, { physical: 1 }])
  })

  it('reads gate definitions, parameters, delays, resets and if/else blocks', () => {
    const c = parseQasm(
      'OPENQASM 3.0; input float[64] θ; gate ecr _q0, _q1 { rzx(pi/4) _q0, _q1; x _q0; }\n' +
        'bit[1] m; reset $3; delay[160dt] $3; rz(-θ/2 + 0.5e-1) $3; ecr $3, $4; m[0] = measure $3;\n' +
        'measure $4 -> m[0]; if (m[0]) { x $4; } else { sx $4; }'
    )
    expect(c.definedGates).toEqual(['ecr'])
    expect(c.instructions.map(i => `${i.kind}:${i.name}:${i.params.length}`)).toEqual([
      'reset:reset:0',
      'delay:delay:1',
      'gate:rz:1',
      'gate:ecr:0',
      'measure:measure:0',
      'measure:measure:0',
      'if_else:if_else:0',
      'gate:x:0',
      'gate:sx:0'
    ])
  })

  it('names the line of a syntax error', () => {
    expect(() => parseQasm('OPENQASM 3.0;\nrz(pi $0;\n')).toThrow(/^line 2: /)
    expect(() => parseQasm('OPENQASM 2.0;')).toThrow(/only OpenQASM 3/)
  })

  it('either parses or throws a coded TARGET_MISMATCH on arbitrary input', () => {
    const piece = fc.constantFrom(
      ...['OPENQASM 3.0;', 'bit[2] c;', 'rz(pi/2) $0;', 'cz $0, $1;', 'c[0] = measure $0;'],
      ...['if (c[0]) {', '}', '(', '$', '//x\n', '/*', '"', "'", 'gate g a {', 'x', ';', ' ', '['],
      ...['\n', '\t', 'measure', 'reset', '@', 'ctrl', '->', '=', 'switch (c) {', 'case 0:'],
      ...['break;', 'default: {', 'for int i in {0, 3}', 'let a = {c[0]};', 'box {', 'measure_2 $0']
    )
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), parts => {
        try {
          parseQasm(parts.join(' '))
        } catch (e) {
          expect(e).toBeInstanceOf(QprovError)
          expect((e as QprovError).code).toBe('TARGET_MISMATCH')
          expect((e as Error).message).toMatch(/^line \d+: [^\n]+$/)
        }
      }),
      runs()
    )
  })
})

describe('the target check', () => {
  it('accepts native gates on coupled physical qubits', () => {
    expect(
      circuitProblems(qasm('rz(pi/2) $0; sx $0; cz $1, $0; c[0] = measure $0;'), heron())
    ).toEqual([])
  })

  it.each([
    ['h $0;', "line 4: gate 'h' on $0 is not supported by ibm_line (basis: cz, id, rz, sx, x)"],
    ['cz $0, $2;', 'line 4: cz $0, $2: qubits not coupled on ibm_line'],
    ['x $5;', 'line 4: x $5: qubit $5 does not exist on ibm_line (5 qubits)'],
    ['rz $0;', 'line 4: rz on $0: takes 1 parameter(s), got 0'],
    [
      'ctrl @ x $0, $1;',
      "line 4: gate 'ctrl @ x' on $0, $1 is not supported by ibm_line (basis: cz, id, rz, sx, x)"
    ],
    [
      'for uint i in [0:1] { x $0; }',
      "line 4: 'for_loop' is not supported by ibm_line (control flow it lists: if_else)"
    ]
  ])('refuses %s', (body, problem) => {
    expect(circuitProblems(qasm(body), heron())).toEqual([problem])
  })

  it('follows the direction of an Eagle ecr coupling map', () => {
    expect(circuitProblems(qasm('ecr $0, $1;'), eagle())).toEqual([])
    expect(circuitProblems(qasm('ecr $1, $0;'), eagle())).toEqual([
      'line 4: ecr $1, $0: ibm_line runs ecr on this pair only as ecr $0, $1'
    ])
  })

  it('reports virtual qubits, and only the first problem with a count of the rest', () => {
    const loaded = loadJobSpec(findJobSpec(['examples/bell'], REPO_ROOT))
    loaded.circuits.set('circuits/bell.qasm', 'OPENQASM 3.0; qubit[2] q; h q[0]; cx q[0], q[1];')
    const err = (() => {
      try {
        checkJobAgainstTarget(loaded, heron())
      } catch (e) {
        return e as QprovError
      }
    })()!
    expect(err.code).toBe('TARGET_MISMATCH')
    expect(err.exitCode).toBe(2)
    expect(err.message).toBe(
      "circuit circuits/bell.qasm: line 1: declares virtual qubits 'q'; an ISA circuit addresses physical qubits ($0 … $4 on ibm_line) (and 2 more)"
    )
    expect(err.details.problems).toHaveLength(3)
  })

  it('requires observables as wide as the backend', () => {
    const loaded = loadJobSpec(findJobSpec(['examples/bell-estimator'], REPO_ROOT))
    const torinoWide: BackendTarget = { ...heron(), name: 'ibm_torino', nQubits: 133 }
    expect(() => checkJobAgainstTarget(loaded, torinoWide)).not.toThrow()
    loaded.spec.pubs[0].observables = { ZZ: 1 }
    expect(() => checkJobAgainstTarget(loaded, torinoWide)).toThrow(
      /^PUB 0 \(circuits\/bell-state\.qasm\): observable width 2 ≠ circuit width 133 /
    )
  })

  it.each([
    ['another backend', { backend_name: 'ibm_other' }],
    ['no n_qubits', { n_qubits: undefined }],
    ['no basis gates', { basis_gates: [] }],
    ['no coupling map', { coupling_map: undefined }],
    ['a malformed coupling map', { coupling_map: [[0, 'x']] }]
  ])('fails closed on a configuration with %s', (_, change) => {
    expect(() => parseBackendConfiguration('ibm_line', config('cz', change))).toThrow(
      expect.objectContaining({ code: 'RUNTIME_BAD_RESPONSE' })
    )
  })
})
