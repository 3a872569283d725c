import {
  closureFindings,
  describeFinding,
  isJobSpecPath,
  pubCircuits,
  specsWithoutCircuits,
  type ClosureFinding,
  type SpecBytes
} from '../workload/closure.js'
import { parseManifest, type ManifestEntry } from '../workload/manifest.js'
import { fail, pass, skip, type BundleContext } from './bundle-context.js'
import type { Outcome } from './signature-checks.js'

/** Why `workload-closure` did not pass, as data; the detail line is rendered from it. */
export type ClosureProblem =
  | { kind: 'not-run'; why: 'statement-unverified' | 'manifest-invalid'; detail?: string }
  | { kind: 'spec-without-circuits'; spec: string }
  | { kind: 'spec-not-in-workload'; spec: string }
  | { kind: 'finding'; finding: ClosureFinding }

export const NO_WORKLOAD = 'no --workload given'

export function describeProblem(p: ClosureProblem): string {
  switch (p.kind) {
    case 'not-run':
      return p.why === 'statement-unverified'
        ? 'not run: the workload statement did not verify'
        : `not run: the manifest is invalid (${p.detail ?? ''})`
    case 'spec-without-circuits':
      return `the signed job spec ${p.spec} names circuits, but the signed package holds no .qasm file beside it`
    case 'spec-not-in-workload':
      return `the signed job spec ${p.spec} is not in the --workload given`
    case 'finding':
      return describeFinding(p.finding)
  }
}

/** The signed job specs whose closure is judged: those whose bytes are in the workload given. */
function specsToCheck(
  signed: readonly ManifestEntry[],
  workload: readonly SpecBytes[]
): SpecBytes[] | ClosureProblem {
  const byPath = new Map(workload.map(s => [s.path, s]))
  const out: SpecBytes[] = []
  for (const f of signed) {
    if (!isJobSpecPath(f.path)) continue
    const s = byPath.get(f.path)
    if (s === undefined) return { kind: 'spec-not-in-workload', spec: f.path }
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
export function closureProblem(ctx: BundleContext): ClosureProblem | 'closed' | 'no-workload' {
  if (ctx.stmt.signature.status !== 'pass') return { kind: 'not-run', why: 'statement-unverified' }
  if (ctx.manifest === undefined)
    return { kind: 'not-run', why: 'manifest-invalid', detail: ctx.manifestError }
  const signed = ctx.manifest.files
  const bare = specsWithoutCircuits(signed.map(f => f.path))
  if (bare.length > 0) return { kind: 'spec-without-circuits', spec: bare[0] }
  if (!signed.some(f => isJobSpecPath(f.path))) return 'closed'
  const given = ctx.opts.workloadSpecs
  if (given === undefined || ctx.opts.workloadManifest === undefined) return 'no-workload'
  const specs = specsToCheck(signed, given)
  if (!Array.isArray(specs)) return specs
  const rehashed = parseManifest(Buffer.from(ctx.opts.workloadManifest)).files
  const findings = closureFindings({
    files: signed,
    specs,
    used: new Map(rehashed.map(f => [f.path, f.sha256]))
  })
  return findings.length > 0 ? { kind: 'finding', finding: findings[0] } : 'closed'
}

export function workloadClosure(ctx: BundleContext): Outcome {
  const p = closureProblem(ctx)
  if (p === 'no-workload') return skip(NO_WORKLOAD)
  if (p === 'closed') {
    const specs = ctx.manifest?.files.filter(f => isJobSpecPath(f.path)) ?? []
    if (specs.length === 0) return pass('the signed package holds no job spec')
    const pubs = (ctx.opts.workloadSpecs ?? [])
      .filter(s => specs.some(f => f.path === s.path))
      .reduce((n, s) => n + (pubCircuits(s.bytes)?.length ?? 0), 0)
    return pass(
      `the ${pubs} circuit(s) named by ${specs.length} signed job spec(s) are signed files of the package`
    )
  }
  return p.kind === 'not-run' ? skip(describeProblem(p)) : fail(describeProblem(p))
}
