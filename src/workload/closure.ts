import { createHash } from 'node:crypto'
import path from 'node:path'

/**
 * The closure of a workload package: every circuit a job spec in the package names is itself a
 * file of the package, with the digest that is signed. `submit` refuses a package without it
 * before anything is signed or sent, and `verify` checks the same rule on the signed manifest.
 * Pure: callers do the reading.
 */

export const JOB_SPEC_FILE = 'qprov.job.json'
export const MAX_SPEC_BYTES = 1024 * 1024

/** A file of the package: its POSIX path relative to the package root and its sha256 (hex). */
export interface PackageFile {
  path: string
  sha256?: string
}

/** A job spec of the package, with the bytes that were read of it. */
export interface SpecBytes {
  path: string
  bytes: Uint8Array
}

interface Named {
  spec: string
  pub: number
  circuit: string
}

export type ClosureFinding =
  | (Named & { kind: 'circuit-outside-package' })
  | (Named & { kind: 'circuit-not-in-package'; path: string })
  | (Named & { kind: 'circuit-digest-differs'; path: string; signed: string; used: string })
  | { kind: 'spec-not-in-package'; spec: string }
  | { kind: 'spec-digest-differs'; spec: string; signed: string; used: string }

export const sha256Hex = (bytes: Uint8Array): string =>
  createHash('sha256').update(bytes).digest('hex')

export const isJobSpecPath = (p: string): boolean => path.posix.basename(p) === JOB_SPEC_FILE

/**
 * The circuit path of each PUB, as `submit` reads the spec: strict UTF-8 (a leading BOM dropped,
 * as the reader does), JSON.parse, `pubs[].circuit` strings. undefined when the bytes are not a
 * spec submit could have used, so no job can have run from them.
 */
export function pubCircuits(bytes: Uint8Array): string[] | undefined {
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes))
  } catch {
    return undefined
  }
  const pubs = (value as { pubs?: unknown } | null)?.pubs
  if (!Array.isArray(pubs) || pubs.length === 0) return undefined
  const circuits: string[] = []
  for (const pub of pubs) {
    const c = (pub as { circuit?: unknown } | null)?.circuit
    if (typeof c !== 'string') return undefined
    circuits.push(c)
  }
  return circuits
}

/** The package path of a circuit named by the spec at specPath; undefined if it leaves the root. */
export function circuitPackagePath(specPath: string, circuit: string): string | undefined {
  if (circuit === '' || circuit.startsWith('/') || circuit.includes('\\')) return undefined
  const p = path.posix.normalize(path.posix.join(path.posix.dirname(specPath), circuit))
  return p === '..' || p.startsWith('../') || p === '.' ? undefined : p
}

export interface ClosureInput {
  /** Every file of the package, by path; with the signed digest where there is one. */
  files: readonly PackageFile[]
  /** The job specs to check (for verify: every parseable qprov.job.json of the package). */
  specs: readonly SpecBytes[]
  /** sha256 of each circuit's bytes as used (sent, or re-hashed), by package path. */
  used?: ReadonlyMap<string, string>
}

/** Every way the specs name something that is not a signed file of the package; [] when closed. */
export function closureFindings(input: ClosureInput): ClosureFinding[] {
  const files = new Map(input.files.map(f => [f.path, f.sha256]))
  const findings: ClosureFinding[] = []
  for (const spec of input.specs) {
    if (!files.has(spec.path)) {
      findings.push({ kind: 'spec-not-in-package', spec: spec.path })
      continue
    }
    const signedSpec = files.get(spec.path)
    const usedSpec = sha256Hex(spec.bytes)
    if (signedSpec !== undefined && signedSpec !== usedSpec) {
      findings.push({
        kind: 'spec-digest-differs',
        spec: spec.path,
        signed: signedSpec,
        used: usedSpec
      })
      continue
    }
    const circuits = pubCircuits(spec.bytes) ?? []
    circuits.forEach((circuit, pub) => {
      const named = { spec: spec.path, pub, circuit }
      const p = circuitPackagePath(spec.path, circuit)
      if (p === undefined) return findings.push({ kind: 'circuit-outside-package', ...named })
      if (!files.has(p)) return findings.push({ kind: 'circuit-not-in-package', path: p, ...named })
      const signed = files.get(p)
      const used = input.used?.get(p)
      if (signed !== undefined && used !== undefined && signed !== used)
        findings.push({ kind: 'circuit-digest-differs', path: p, signed, used, ...named })
    })
  }
  return findings
}

/**
 * What can be said from the paths alone: a spec names at least one `.qasm` file inside its own
 * directory, so a package whose spec has none beside it cannot be closed. (Earlier versions
 * signed `--workload dir/qprov.job.json` as a package of the spec alone.)
 */
export function specsWithoutCircuits(paths: readonly string[]): string[] {
  return paths.filter(isJobSpecPath).filter(spec => {
    const dir = path.posix.dirname(spec)
    const prefix = dir === '.' ? '' : `${dir}/`
    return !paths.some(p => p.startsWith(prefix) && p.endsWith('.qasm'))
  })
}

/** One line for a person; decisions read the kind, never this text. */
export function describeFinding(f: ClosureFinding): string {
  switch (f.kind) {
    case 'spec-not-in-package':
      return `job spec ${f.spec} is not a file of the package`
    case 'spec-digest-differs':
      return `job spec ${f.spec} read as sha256:${f.used}, the package holds sha256:${f.signed}`
    case 'circuit-outside-package':
      return `${f.spec} PUB ${f.pub} names ${JSON.stringify(f.circuit)}, outside the package`
    case 'circuit-not-in-package':
      return `${f.spec} PUB ${f.pub} names ${f.path}, which is not a file of the package`
    case 'circuit-digest-differs':
      return `${f.spec} PUB ${f.pub}: ${f.path} is sha256:${f.used}, the package holds sha256:${f.signed}`
  }
}
