"""Submits the circuits of examples/bell/qprov.job.json, exactly as signed, to the backend the spec
names, with qiskit-ibm-runtime; prints `job-id=<id>` for $GITHUB_OUTPUT.

No transpilation and no backend choice here: the circuits are already ISA circuits for the spec's
backend, and they are the files qprov attests. A re-transpiled circuit, or one sent to
`least_busy()`, would be a job that the signed workload does not describe. The Sampler refuses
circuits that are not ISA for the backend, so a mismatch fails here, before anything runs.
"""
import json
import os
from pathlib import Path

from qiskit import qasm3
from qiskit_ibm_runtime import QiskitRuntimeService, SamplerV2

WORKLOAD = Path("examples/bell")
spec = json.loads((WORKLOAD / "qprov.job.json").read_text(encoding="utf-8"))
assert spec["program"] == "sampler", "this script submits Sampler jobs only"

service = QiskitRuntimeService(
    channel="ibm_cloud",
    token=os.environ["QISKIT_IBM_TOKEN"],
    instance=os.environ["IBM_QUANTUM_CRN"],
)
backend = service.backend(spec["backend"])
pubs = [
    (
        qasm3.loads((WORKLOAD / pub["circuit"]).read_text(encoding="utf-8")),
        pub.get("parameter_values"),
        pub.get("shots"),
    )
    for pub in spec["pubs"]
]
job = SamplerV2(mode=backend).run(pubs)
print(f"job-id={job.job_id()}")
