OPENQASM 3.0;
include "stdgates.inc";
// A Bell pair, ISA for ibm_torino (Heron r1, basis cz id rz sx x): $0 and $1 are coupled.
// h = rz(pi/2) sx rz(pi/2); cx $0, $1 = h $1; cz $0, $1; h $1. Expect about half 00 and half 11.
bit[2] c;
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
c[0] = measure $0;
c[1] = measure $1;
