OPENQASM 3.0;
include "stdgates.inc";
// A Bell pair: expect about half 00 and half 11.
qubit[2] q;
bit[2] c;
h q[0];
cx q[0], q[1];
c = measure q;
