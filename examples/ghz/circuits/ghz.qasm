OPENQASM 3.0;
include "stdgates.inc";
// A 3-qubit GHZ state on the coupled chain $0 - $1 - $2 of ibm_torino (Heron r1).
// h $0; cx $0, $1; cx $1, $2, each cx written as h target; cz; h target. Expect 000 and 111.
bit[3] c;
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
rz(pi/2) $2;
sx $2;
rz(pi/2) $2;
cz $1, $2;
rz(pi/2) $2;
sx $2;
rz(pi/2) $2;
barrier $0, $1, $2;
c[0] = measure $0;
c[1] = measure $1;
c[2] = measure $2;
