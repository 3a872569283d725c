OPENQASM 3.0;
include "stdgates.inc";
// A Bell pair on $0, $1 of ibm_torino without measuring: the estimator measures the observables.
rz(pi/2) $0;
sx $0;
rz(pi/2) $0;
rz(pi/2) $1;
sx $1;
rz(pi/2) $1;
cz $0, $1;
rz(pi/2) $1;
sx $1;
rz(pi/2) $1;
