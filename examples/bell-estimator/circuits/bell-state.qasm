OPENQASM 3.0;
include "stdgates.inc";
// Prepares a Bell pair without measuring: the estimator measures the observables itself.
qubit[2] q;
h q[0];
cx q[0], q[1];
