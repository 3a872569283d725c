"""Submits examples/bell with qiskit-ibm-runtime and prints `job-id=<id>` for $GITHUB_OUTPUT.

qprov's `tag` mode then attests the same workload, tags this job and signs the binding.
"""
import os

from qiskit import QuantumCircuit, qasm3
from qiskit.transpiler.preset_passmanagers import generate_preset_pass_manager
from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2

service = QiskitRuntimeService(
    channel="ibm_cloud",
    token=os.environ["QISKIT_IBM_TOKEN"],
    instance=os.environ["IBM_QUANTUM_CRN"],
)
backend = service.least_busy(operational=True, simulator=False)
with open("examples/bell/circuits/bell.qasm", encoding="utf-8") as f:
    circuit: QuantumCircuit = qasm3.loads(f.read())
isa = generate_preset_pass_manager(backend=backend, optimization_level=1).run(circuit)
job = SamplerV2(mode=backend).run([isa], shots=1024)
print(f"job-id={job.job_id()}")
