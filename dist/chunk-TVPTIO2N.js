import { createRequire as __qprovCreateRequire } from 'node:module';
import { fileURLToPath as __qprovFileURLToPath } from 'node:url';
import { dirname as __qprovDirname } from 'node:path';
const require = __qprovCreateRequire(import.meta.url);
var __filename = __qprovFileURLToPath(import.meta.url);
var __dirname = __qprovDirname(__filename);

// src/proof/layout.ts
var PROOF_FILES = {
  binding: "binding.json",
  bindingBundle: "binding.sigstore.json",
  statement: "statement.json",
  statementBundle: "statement.sigstore.json",
  receipt: "receipt.json",
  manifest: "workload.manifest.json",
  runtimeJob: "runtime-job.json"
};
var RESULTS_FILES = {
  results: "results.json",
  jobMetrics: "job-metrics.json",
  backendProperties: "backend-properties.json",
  statement: "results-statement.json",
  bundle: "results.sigstore.json"
};
var RESULTS_PREDICATE_TYPE = "https://qprov.dev/predicates/runtime-results/v1";
var BINDING_SCHEMA_ID = "https://qprov.dev/binding/v1";
var BINDING_PREDICATE_TYPE = "https://qprov.dev/predicates/runtime-binding/v1";
var PROOF_BUNDLE_MEDIA_TYPE = "application/vnd.qprov.proof-bundle.v1+json";
var PROOF_BUNDLE_SUFFIX = ".qprov.json";

export {
  PROOF_FILES,
  RESULTS_FILES,
  RESULTS_PREDICATE_TYPE,
  BINDING_SCHEMA_ID,
  BINDING_PREDICATE_TYPE,
  PROOF_BUNDLE_MEDIA_TYPE,
  PROOF_BUNDLE_SUFFIX
};
