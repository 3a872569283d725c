/**
 * What Qiskit's OpenQASM 3 exporter writes, one sample per construct, checked by the client's
 * target check and by the emulator (its oracle) against the same real configurations: accepted
 * where the configuration allows the construct, refused with a precise message where it does not.
 * Qiskit's samples use virtual qubits (`_qubit0`, `q[0]`); an ISA circuit names physical ones, so
 * each sample is laid out on `$0`, `$1`, and gates no IBM basis has are replaced (noted per sample).
 */
import { describe, expect, it } from 'vitest'
import { parseBackendConfiguration } from '../../src/runtime/backend-target.js'
import { circuitProblems } from '../../src/runtime/circuit-check.js'
import { parseQasm } from '../../src/runtime/qasm.js'
import { checkIsa } from '../../src/sandbox/runtime/isa.js'
import { configurationView, target } from '../../src/sandbox/runtime/targets.js'

const HEAD = 'OPENQASM 3.0;\ninclude "stdgates.inc";\n'

// Qiskit test/python/qasm3/test_export.py, TestExperimentalFeatures.test_switch_v1_register
// (dumps(…, experimental=ExperimentalFeatures.SWITCH_CASE_V1), as IBM's REST guides export);
// y and z bodies became sx and rz(pi).
const SWITCH_V1 = `${HEAD}bit[2] c;
int switch_dummy;
switch_dummy = c;
switch (switch_dummy) {
  case 0: {
    x $0;
  }
  break;
  case 1: {
    sx $0;
  }
  break;
  case 2: {
    rz(pi) $0;
  }
  break;
}
`

// test_export.py test_switch_v1_multiple_cases_to_same_block and test_switch_v1_with_default:
// a fall-through label (`case 1:` then `case 2: {`) and `default: {`.
const SWITCH_V1_FALLTHROUGH = `${HEAD}bit[2] c;
int switch_dummy;
switch_dummy = c;
switch (switch_dummy) {
  case 0: {
    x $0;
  }
  break;
  case 1:
  case 2: {
    sx $0;
  }
  break;
  default: {
    rz(pi) $0;
  }
  break;
}
`

// test_export.py test_for_loop_with_no_parameter: a loop over an explicit index set (h → x).
const FOR_SET = `${HEAD}for int _ in {0, 3, 4} {
  x $1;
}
`

// test_export.py test_alias_classical_registers: overlapping registers as `let` aliases of bits
// (dumps(…, allow_aliasing=True); `qr[0]` is $0 here).
const LET_ALIASES = `${HEAD}bit _bit0;
bit _bit1;
bit _bit2;
bit _bit3;
bit _bit4;
bit _bit5;
bit _bit6;
let cr1 = {_bit1, _bit2};
let cr2 = {_bit4, _bit5};
let cr3 = {cr2[1], _bit6};
_bit0 = measure $0;
cr1[0] = measure $0;
cr1[1] = measure $0;
_bit3 = measure $0;
cr2[0] = measure $0;
cr3[0] = measure $0;
cr3[1] = measure $0;
`

// test_export.py test_simple_defcal: IBM's measure_2 and reset_2 (instruction_signatures of
// qiskit-ibm-runtime fake_provider/backends/boston/conf_boston.json take no parameter, so
// `reset_2(2.5)` is `reset_2`; h is rz sx rz).
const MEASURE_2 = `OPENQASM 3.0;
bit[1] c;
rz(pi/2) $0;
sx $0;
rz(pi/2) $0;
c[0] = measure_2 $0;
if (c[0]) {
  reset_2 $0;
}
c[0] = measure $0;
`

// test_export.py test_box (h → x).
const BOX = `${HEAD}box {
  x $0;
}
box[50.0ms] {
  x $1;
}
`

// test_export.py test_simple_for_loop: `break;` and `continue;` in a loop body (rx → rz).
const BREAK = `${HEAD}for int my_x in {0, 3, 4} {
  rz(my_x) $1;
  break;
  continue;
}
x $0;
`

const client = (backend: string, extra: Record<string, unknown> = {}) => {
  const c = { ...configurationView(target(backend)!), ...extra }
  return parseBackendConfiguration(backend, c)
}
const oracle = (qasm: string, backend: string) => checkIsa(qasm, target(backend)!)

describe('constructs Qiskit writes, against configurations that allow them', () => {
  it.each([
    ['the preview switch with break after each case', SWITCH_V1, 'ibm_torino'],
    ['a preview switch with a fall-through label and default', SWITCH_V1_FALLTHROUGH, 'ibm_torino'],
    ['a for loop over an explicit index set', FOR_SET, 'ibm_torino'],
    ['let aliases of classical bits', LET_ALIASES, 'ibm_torino'],
    ['let aliases of classical bits', LET_ALIASES, 'ibm_boston'],
    ['measure_2 and reset_2', MEASURE_2, 'ibm_boston']
  ])('accepts %s on %s, and so does the emulator', (_, qasm, backend) => {
    expect(circuitProblems(qasm, client(backend))).toEqual([])
    expect(oracle(qasm, backend)).toMatchObject({ ok: true })
  })

  it('accepts box on a configuration that lists it (CONTROL_FLOW_OP_NAMES holds box)', () => {
    const listed = [...(target('ibm_torino')!.facts.supported_instructions as string[]), 'box']
    expect(circuitProblems(BOX, client('ibm_torino', { supported_instructions: listed }))).toEqual(
      []
    )
  })

  it('reads the aliases as registers of their bits, in client and emulator', () => {
    expect(parseQasm(LET_ALIASES).bitRegisters.filter(r => r.alias)).toEqual([
      { name: 'cr1', size: 2, alias: true },
      { name: 'cr2', size: 2, alias: true },
      { name: 'cr3', size: 2, alias: true }
    ])
    const v = oracle(LET_ALIASES, 'ibm_torino')
    expect(v.ok && v.facts.registers.slice(-3)).toEqual([
      { name: 'cr1', bits: 2 },
      { name: 'cr2', bits: 2 },
      { name: 'cr3', bits: 2 }
    ])
  })
})

describe('constructs Qiskit writes, against configurations that do not allow them', () => {
  it.each([
    [
      SWITCH_V1,
      'ibm_boston',
      "line 6: 'switch_case' is not supported by ibm_boston (control flow it lists: if_else)",
      'switch_case'
    ],
    [
      FOR_SET,
      'ibm_boston',
      "line 3: 'for_loop' is not supported by ibm_boston (control flow it lists: if_else)",
      'for_loop'
    ],
    [
      BOX,
      'ibm_boston',
      "line 3: 'box' is not supported by ibm_boston (control flow it lists: if_else)",
      'box'
    ],
    [
      MEASURE_2,
      'ibm_torino',
      "line 6: 'measure_2' is not supported by ibm_torino (instructions it defines: none)",
      'measure_2'
    ]
  ])(
    'refuses a construct on a backend whose configuration lacks it (%#)',
    (qasm, backend, first, name) => {
      expect(circuitProblems(qasm, client(backend))[0]).toBe(first)
      const v = oracle(qasm, backend)
      expect(v).toMatchObject({ ok: false, unreadable: false })
      expect(!v.ok && v.why).toMatch(new RegExp(`^The instruction ${name} `))
    }
  )

  it('refuses break and continue as instructions no configuration lists, not as syntax errors', () => {
    expect(circuitProblems(BREAK, client('ibm_torino'))).toEqual([
      "line 5: 'break_loop' is not supported by ibm_torino (no IBM backend configuration lists it)",
      "line 6: 'continue_loop' is not supported by ibm_torino (no IBM backend configuration lists it)"
    ])
    expect(oracle(BREAK, 'ibm_torino')).toEqual({
      ok: false,
      unreadable: false,
      why: 'The instruction break_loop on qubits () is not supported by the target system.'
    })
  })

  it('checks measure_2 and reset_2 against their signatures: a bit out of one, none out of the other', () => {
    const boston = client('ibm_boston')
    expect(circuitProblems('OPENQASM 3.0; measure_2 $0;', boston)).toEqual([
      "line 1: measure_2 $0: returns a bit on ibm_boston; write it as 'c[0] = measure_2 $0;'"
    ])
    expect(circuitProblems('OPENQASM 3.0; bit[1] c; c[0] = reset_2 $0;', boston)).toEqual([
      'line 1: reset_2 $0: returns nothing on ibm_boston; it cannot be assigned to a bit'
    ])
    expect(circuitProblems('OPENQASM 3.0; reset_2(2.5) $0;', boston)).toEqual([
      'line 1: reset_2 on $0: takes 0 parameter(s), got 1'
    ])
    expect(oracle('OPENQASM 3.0; measure_2 $0;', 'ibm_boston')).toMatchObject({ ok: false })
    expect(oracle('OPENQASM 3.0; bit[1] c; c[0] = reset_2 $0;', 'ibm_boston')).toMatchObject({
      ok: false
    })
  })
})
