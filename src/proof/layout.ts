/**
 * The proof bundle: a directory of these files, or one JSON file (`<job-id>.qprov.json`) that
 * holds them. docs/binding-spec.md defines each file; verification reads no trust root, key or
 * policy from either form.
 */
export const PROOF_FILES = {
  binding: 'binding.json',
  bindingBundle: 'binding.sigstore.json',
  statement: 'statement.json',
  statementBundle: 'statement.sigstore.json',
  receipt: 'receipt.json',
  manifest: 'workload.manifest.json',
  runtimeJob: 'runtime-job.json'
} as const

/**
 * The results layer (`qprov results`): optional, all five files or none. What IBM served for the
 * finished job, and the signed statement that witnesses it.
 */
export const RESULTS_FILES = {
  results: 'results.json',
  jobMetrics: 'job-metrics.json',
  backendProperties: 'backend-properties.json',
  statement: 'results-statement.json',
  bundle: 'results.sigstore.json'
} as const

/** Predicate type of the results statement. */
export const RESULTS_PREDICATE_TYPE = 'https://qprov.dev/predicates/runtime-results/v1'

/** Schema id and media type of binding.json. */
export const BINDING_SCHEMA_ID = 'https://qprov.dev/binding/v1'
/** Predicate type of the runtime-binding statement (its predicate is binding.json). */
export const BINDING_PREDICATE_TYPE = 'https://qprov.dev/predicates/runtime-binding/v1'
/** Media type of the single-file proof bundle. */
export const PROOF_BUNDLE_MEDIA_TYPE = 'application/vnd.qprov.proof-bundle.v1+json'
export const PROOF_BUNDLE_SUFFIX = '.qprov.json'
