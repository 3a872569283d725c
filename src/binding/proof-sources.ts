import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { QprovError, oneLine } from '../errors.js'
import {
  DIGESTED_FILES,
  entryTagRefs,
  parseBinding,
  sha256Digest
} from '../proof/binding-document.js'
import { PROOF_BUNDLE_SUFFIX, PROOF_FILES } from '../proof/layout.js'
import { PROOF_FILE_NAMES, loadProofBundle, type ProofFiles } from '../proof/proof-bundle.js'
import type { ProvenanceRefs } from '../proof/tags.js'

/** What a job's qprov tags point at, plus its ID: everything a source may search by. */
export interface ProofQuery extends ProvenanceRefs {
  jobId: string
}

export interface FoundProof {
  /** The source's name, e.g. `local`. */
  source: string
  /** Where in the source, for the report (a path, an attestation ID, an asset URL). */
  location: string
  files: ProofFiles
  /** Where files missing from this candidate came from (byte-identical to what its binding signs). */
  completedFrom?: string[]
}

/** A candidate a source looked at and passed over, and why (for the report). */
export interface SkippedCandidate {
  location: string
  reason: string
}

/**
 * A place proof bundles can be found. `find` returns every candidate that may belong to the
 * query; the caller decides which one agrees with the job's tags, never the source.
 */
export interface ProofSource {
  name: string
  find(query: ProofQuery): Promise<FoundProof[]>
  /** What the last find passed over before any tag check (e.g. attestations of other signers). */
  readonly skipped?: SkippedCandidate[]
}

/**
 * Fills the files `partial` lacks from `donor`, taking only bytes whose sha256 is the one the
 * partial's binding signs (binding.json `files`). Returns the names it filled.
 */
export function completeFrom(partial: FoundProof, donor: FoundProof): string[] {
  const bytes = partial.files[PROOF_FILES.binding]
  if (bytes === undefined) return []
  let digests: Record<string, string>
  try {
    digests = parseBinding(bytes).files
  } catch {
    return []
  }
  const filled: string[] = []
  for (const name of DIGESTED_FILES) {
    const d = donor.files[name]
    if (partial.files[name] !== undefined || d === undefined) continue
    if (sha256Digest(d) !== digests[name]) continue
    partial.files[name] = d
    filled.push(name)
  }
  if (filled.length > 0) (partial.completedFrom ??= []).push(donor.location)
  return filled
}

/** Why a candidate does not belong to the job, or undefined when its binding agrees with every tag. */
export function disagreement(files: ProofFiles, q: ProofQuery): string | undefined {
  const bytes = files[PROOF_FILES.binding]
  if (bytes === undefined) return 'it has no binding.json'
  let b
  try {
    b = parseBinding(bytes)
  } catch (e) {
    return oneLine(e)
  }
  const stmt = files[PROOF_FILES.statement]
  const t = b.provenance.transparency_entry
  if (b.runtime.job_id !== q.jobId) return `its binding is for job ${b.runtime.job_id}`
  if (b.provenance.aiir_statement !== q.statementDigest)
    return `its statement is ${b.provenance.aiir_statement}, the job's tag says ${q.statementDigest}`
  if (stmt === undefined || sha256Digest(stmt) !== q.statementDigest)
    return 'its statement.json is not the tagged statement'
  // A tag the job lacks is a disagreement too, exactly as `qprov verify` (runtime-record) sees it.
  if (b.provenance.workload_package !== q.packageDigest)
    return `its package is ${b.provenance.workload_package}, the job's tag says ${q.packageDigest}`
  const bound = entryTagRefs(t)
  if (bound.rekorLogIndex !== q.rekorLogIndex)
    return `its Rekor index is ${bound.rekorLogIndex}, the job's tag says ${q.rekorLogIndex}`
  if (q.rekorUuid !== undefined && bound.rekorUuid !== q.rekorUuid)
    return `its Rekor UUID is ${bound.rekorUuid}, the job's tag says ${q.rekorUuid}`
  if (bound.rekorLogId !== q.rekorLogId)
    return `its Rekor log is ${bound.rekorLogId}, the job's tag says ${q.rekorLogId}`
  // Its other files (runtime-job.json and its tags among them) must be the ones it signs, so
  // a changed copy in an earlier source never shadows an intact one in a later source.
  for (const name of DIGESTED_FILES) {
    const bytes = files[name]
    if (bytes !== undefined && sha256Digest(bytes) !== b.files[name])
      return `its ${name} is not the file its binding signs`
  }
  return undefined
}

/**
 * `--from DIR`: proof bundle directories and `*.qprov.json` files in DIR (DIR itself, or its
 * direct entries), candidates when their binding names the job.
 */
export class LocalDirectorySource implements ProofSource {
  readonly name = 'local'
  constructor(private readonly dirs: string[]) {}

  async find(query: ProofQuery): Promise<FoundProof[]> {
    const found: FoundProof[] = []
    for (const dir of this.dirs) {
      const st = await stat(dir).catch(() => undefined)
      if (st === undefined || !st.isDirectory())
        throw new QprovError('INPUT_NOT_FOUND', `--from ${dir} is not a directory`)
      const entries = (await readdir(dir, { withFileTypes: true })).sort((x, y) =>
        x.name < y.name ? -1 : x.name > y.name ? 1 : 0
      )
      const candidates = entries.some(e => PROOF_FILE_NAMES.includes(e.name))
        ? [dir]
        : entries
            .filter(e => e.isDirectory() || (e.isFile() && e.name.endsWith(PROOF_BUNDLE_SUFFIX)))
            .map(e => join(dir, e.name))
      for (const path of candidates) {
        const loaded = await loadProofBundle(path).catch(() => undefined)
        if (loaded === undefined || loaded.error !== undefined) continue
        const b = loaded.files[PROOF_FILES.binding]
        if (b === undefined) continue
        try {
          if (parseBinding(b).runtime.job_id !== query.jobId) continue
        } catch {
          continue
        }
        found.push({ source: this.name, location: path, files: loaded.files })
      }
    }
    return found
  }
}
