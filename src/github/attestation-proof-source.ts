import { bundleFromJSON, bundleToJSON } from '@sigstore/bundle'
import type { IdentityPolicy } from '../sigstore/identity-policy.js'
import type { VerifyProfile } from '../sigstore/profiles.js'
import { PREDICATE_AIIR_V1, PREDICATE_AIIR_V2 } from '../proof/statement.js'
import {
  prepareTrustMaterial,
  verifyBundle,
  type PreparedTrust,
  type VerifyBundleResult
} from '../sigstore/verify-bundle.js'
import { canonicalJson, checkBinding, sha256Digest } from '../proof/binding-document.js'
import { receiptFileBytes } from '../proof/binding-statement.js'
import { BINDING_PREDICATE_TYPE, PROOF_FILES } from '../proof/layout.js'
import type { ProofFiles } from '../proof/proof-bundle.js'
import type {
  FoundProof,
  ProofQuery,
  ProofSource,
  SkippedCandidate
} from '../binding/proof-sources.js'
import { oneLine } from '../errors.js'
import type { AttestationStore, SigstoreBundleJSON } from './attestation-store.js'

/** Who must have signed the attestations: the same policy `qprov verify` is given. */
export interface AttestationPolicy {
  policy: IdentityPolicy
  /** trusted_root.json text; default the embedded public-good root. */
  trustedRoot?: string
  profile: VerifyProfile
}

const canonicalBundle = (b: SigstoreBundleJSON): Buffer =>
  Buffer.from(`${JSON.stringify(bundleToJSON(bundleFromJSON(b)))}\n`, 'utf8')

function payloadOf(b: SigstoreBundleJSON): Buffer | undefined {
  const p = (b as { dsseEnvelope?: { payload?: unknown } }).dsseEnvelope?.payload
  return typeof p === 'string' ? Buffer.from(p, 'base64') : undefined
}

/**
 * The repository's attestation store. The binding statement is found by the tagged statement
 * digest (its first subject), the workload statement by the bound package digest (its manifest
 * subject). A digest can carry many attestations (other signers, other predicate types,
 * GitHub's own release attestations): each candidate is verified offline against the pinned
 * root and the signer policy, and both must have the same signer; order never decides.
 *
 * The store holds only the two DSSE bundles, so a candidate carries five of the seven files
 * (binding.json, receipt.json and statement.json follow from the signed payloads).
 * workload.manifest.json (file sizes are not in the statement) and runtime-job.json (recorded
 * at tag time) must come from a later source, byte-identical to the digests the binding signs.
 */
export class AttestationStoreSource implements ProofSource {
  readonly name = 'attestations'
  skipped: SkippedCandidate[] = []
  private readonly trust: PreparedTrust

  constructor(
    private readonly store: AttestationStore,
    private readonly repository: string,
    private readonly signer: AttestationPolicy
  ) {
    this.trust = prepareTrustMaterial(signer.trustedRoot)
  }

  private verify(b: SigstoreBundleJSON, digest: string, predicateType: string) {
    return verifyBundle({
      bundle: b,
      artifact: { digest },
      trustMaterial: this.trust,
      policy: { kind: 'identity', ...this.signer.policy },
      profile: this.signer.profile,
      expectedPredicateType: predicateType
    })
  }

  async find(q: ProofQuery): Promise<FoundProof[]> {
    this.skipped = []
    const found: FoundProof[] = []
    const bindings = await this.store.find(q.statementDigest, BINDING_PREDICATE_TYPE)
    for (const [i, b] of bindings.entries()) {
      const where = `attestation #${i + 1} for ${q.statementDigest} in ${this.repository}`
      const v = this.verify(b, q.statementDigest, BINDING_PREDICATE_TYPE)
      if (!v.verified || !v.statement) {
        this.skipped.push({ location: where, reason: `not verified: ${v.error ?? v.code}` })
        continue
      }
      let bindingJson: Buffer
      let jobId: string
      let pkg: string
      try {
        const doc = checkBinding(v.statement.predicate)
        bindingJson = Buffer.from(canonicalJson(v.statement.predicate), 'utf8')
        jobId = doc.runtime.job_id
        pkg = doc.provenance.workload_package
      } catch (e) {
        this.skipped.push({ location: where, reason: oneLine(e) })
        continue
      }
      if (jobId !== q.jobId) {
        this.skipped.push({ location: where, reason: `it binds job ${jobId}` })
        continue
      }
      const statement = await this.statementBundle(pkg, q.statementDigest, v)
      if (statement === undefined) continue
      const payload = payloadOf(statement.bundle) as Buffer
      const files: ProofFiles = {
        [PROOF_FILES.binding]: bindingJson,
        [PROOF_FILES.bindingBundle]: canonicalBundle(b),
        [PROOF_FILES.statement]: payload,
        [PROOF_FILES.statementBundle]: canonicalBundle(statement.bundle),
        [PROOF_FILES.receipt]: receiptFileBytes(payload)
      }
      found.push({
        source: this.name,
        location: `${where} (binding) and ${statement.where} (statement)`,
        files
      })
    }
    return found
  }

  /** The workload statement bundle whose payload is the tagged statement, signed as the binding. */
  private async statementBundle(
    pkg: string,
    statementDigest: string,
    binding: VerifyBundleResult
  ): Promise<{ bundle: SigstoreBundleJSON; where: string } | undefined> {
    for (const type of [PREDICATE_AIIR_V2, PREDICATE_AIIR_V1]) {
      for (const [i, b] of (await this.store.find(pkg, type)).entries()) {
        const where = `attestation #${i + 1} for ${pkg} (${type.split('/').pop()})`
        const payload = payloadOf(b)
        if (payload === undefined || sha256Digest(payload) !== statementDigest) {
          this.skipped.push({ location: where, reason: 'its payload is another statement' })
          continue
        }
        const v = this.verify(b, pkg, type)
        if (!v.verified) {
          this.skipped.push({ location: where, reason: `not verified: ${v.error ?? v.code}` })
          continue
        }
        if (
          v.signer?.identity !== binding.signer?.identity ||
          v.signer?.issuer !== binding.signer?.issuer
        ) {
          this.skipped.push({
            location: where,
            reason: 'signed by another signer than the binding'
          })
          continue
        }
        return { bundle: b, where }
      }
    }
    this.skipped.push({
      location: `attestations for ${pkg}`,
      reason: `no verified statement ${statementDigest}`
    })
    return undefined
  }
}
