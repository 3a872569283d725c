import {
  closureFindings,
  isJobSpecPath,
  pubCircuits,
  specsWithoutCircuits,
  type ClosureFinding,
  type SpecBytes
} from '../workload/closure.js'
import { parseManifest, type ManifestEntry } from '../workload/manifest.js'
import type { BundleContext } from './bundle-context.js'
import { fail, mismatch, notRun, pass, skip } from './outcome.js'
import type { FindingFacts } from './outcome-text.js'
import type { FindingKind, Outcome } from './verdict.js'

/** The verdict's finding kind for each way a package can fail to hold what its spec runs. */
const FINDING_OF: Record<ClosureFinding['kind'], FindingKind> = {
  'spec-not-in-package': 'spec-not-in-workload',
  'spec-digest-differs': 'spec-digest-differs',
  'circuit-outside-package': 'circuit-outside-package',
  'circuit-not-in-package': 'circuit-not-in-manifest',
  'circuit-digest-differs': 'circuit-digest-differs'
}

/** Who and what, for the sentence; the decision is the kind alone. */
function factsOf(f: ClosureFinding, count: number): FindingFacts {
  const more = count > 1 ? `; ${count - 1} more` : ''
  switch (f.kind) {
    case 'spec-not-in-package':
      return { subject: f.spec }
    case 'spec-digest-differs':
      return { subject: f.spec, mismatches: [mismatch('sha256', f.signed, f.used)] }
    case 'circuit-outside-package':
      return { subject: `${f.spec} PUB ${f.pub}`, note: `${JSON.stringify(f.circuit)}${more}` }
    case 'circuit-not-in-package':
      return { subject: `${f.spec} PUB ${f.pub}`, note: `${f.path}${more}` }
    case 'circuit-digest-differs':
      return {
        subject: `${f.spec} PUB ${f.pub}`,
        mismatches: [mismatch(`${f.path} sha256`, f.signed, f.used)]
      }
  }
}

/** The signed job specs whose closure is judged, with their bytes from the workload given. */
function specsToCheck(
  signed: readonly ManifestEntry[],
  workload: readonly SpecBytes[]
): SpecBytes[] | string {
  const byPath = new Map(workload.map(s => [s.path, s]))
  const out: SpecBytes[] = []
  for (const f of signed) {
    if (!isJobSpecPath(f.path)) continue
    const s = byPath.get(f.path)
    if (s === undefined) return f.path
    out.push(s)
  }
  return out
}

/**
 * `workload-closure`: every circuit a signed job spec names is a file of the signed manifest,
 * with its digest. From the manifest alone: a spec with no `.qasm` file beside it fails (bundles
 * of earlier versions signed `--workload dir/qprov.job.json` as the spec alone). The full rule
 * needs the spec's bytes, which only the workload holds: without --workload it is skipped.
 */
export function workloadClosure(ctx: BundleContext): Outcome {
  if (ctx.stmt.signature.status !== 'pass') return notRun('statement-signature')
  if (ctx.manifest === undefined) return notRun('statement-content')
  const signed = ctx.manifest.files
  const bare = specsWithoutCircuits(signed.map(f => f.path))
  if (bare.length > 0) return fail('spec-without-circuits', { subject: bare[0] })
  const specPaths = signed.filter(f => isJobSpecPath(f.path))
  if (specPaths.length === 0) return pass('the signed package holds no job spec')
  const given = ctx.opts.workloadSpecs
  if (given === undefined || ctx.opts.workloadManifest === undefined) return skip('no-workload')
  const specs = specsToCheck(signed, given)
  if (typeof specs === 'string') return fail('spec-not-in-workload', { subject: specs })
  const rehashed = parseManifest(Buffer.from(ctx.opts.workloadManifest)).files
  const findings = closureFindings({
    files: signed,
    specs,
    used: new Map(rehashed.map(f => [f.path, f.sha256]))
  })
  const first = findings[0]
  if (first !== undefined) return fail(FINDING_OF[first.kind], factsOf(first, findings.length))
  const pubs = specs.reduce((n, s) => n + (pubCircuits(s.bytes)?.length ?? 0), 0)
  return pass(
    `the ${pubs} circuit(s) named by ${specs.length} signed job spec(s) are signed files of the package`
  )
}
