/**
 * ISA circuits for the emulator's built-in ibm_torino (Heron r1: cz id rz sx x; $0-$1-$2 coupled),
 * for tests that need a job the emulator accepts and completes.
 */
export const ISA_BACKEND = 'ibm_torino'
export const ISA_WIDTH = 133

const H = (q: number) => `rz(pi/2) $${q}; sx $${q}; rz(pi/2) $${q};`

/** A Bell pair on $0, $1 measured into the classical register `reg`. */
export function isaBell(reg = 'c', measure = true): string {
  const body = `${H(0)} ${H(1)} cz $0, $1; ${H(1)}`
  const m = measure ? ` ${reg}[0] = measure $0; ${reg}[1] = measure $1;` : ''
  return `OPENQASM 3.0; include "stdgates.inc";${measure ? ` bit[2] ${reg};` : ''} ${body}${m}`
}

/** A Pauli string over all of ibm_torino's qubits: `p` acts on $0.. from its right end. */
export const wide = (p: string) => 'I'.repeat(ISA_WIDTH - p.length) + p
