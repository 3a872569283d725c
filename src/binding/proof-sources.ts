import { readdir, stat } from 'node:fs/promises'
import { join } from 'node:path'
import { QprovError } from '../errors.js'
import { DIGESTED_FILES, parseBinding, sha256Digest } from '../proof/binding-document.js'
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
 * query; the caller verifies each one (fetch-proof.ts), never the source.
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
      if (st === undefined) throw new QprovError('INPUT_NOT_FOUND', `--from ${dir}: not found`)
      if (!st.isDirectory())
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
