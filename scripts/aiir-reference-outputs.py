# The AIIR reference verifier's outputs for the conformance vectors, the adversarial corpus and
# the real receipts named on the command line (scripts/aiir-vectors.mjs runs this with the aiir
# checkout on PYTHONPATH). Usage: python3 aiir-reference-outputs.py AIIR_CHECKOUT RECEIPT...
import glob
import json
import os
import sys

import aiir
from aiir._verify import verify_receipt

root = sys.argv[1]


def load(rel):
    with open(os.path.join(root, rel), encoding="utf-8") as f:
        return json.load(f)


def outcome(source, ident, expected, receipt):
    v = verify_receipt(receipt)
    # verify_receipt runs the schema check on every object, and on nothing else.
    schema = v.get("schema_errors", []) if isinstance(receipt, dict) else None
    return {
        "source": source,
        "id": ident,
        "expected": expected,
        "reference_valid": v["valid"],
        "reference_errors": v["errors"],
        "reference_schema_errors": schema,
    }


results = [
    outcome("schemas/test_vectors.json", v["id"], v["expected"], v["receipt"])
    for v in load("schemas/test_vectors.json")["vectors"]
]
for path in sorted(glob.glob("tests/adversarial/*/*.json", root_dir=root)):
    fx = load(path)
    results.append(outcome(path, fx["id"], fx["expected"], fx["receipt"]))
for path in sys.argv[2:]:
    results.append(outcome(path, os.path.basename(path), None, load(path)))

json.dump(
    {
        "generated_with": f"aiir reference implementation {aiir.__version__}: aiir._verify.verify_receipt",
        "results": results,
    },
    sys.stdout,
    indent=1,
    ensure_ascii=False,
)
sys.stdout.write("\n")
