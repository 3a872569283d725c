import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import {
  bindingBytes,
  parseBinding,
  type BindingDocument
} from '../../src/proof/binding-document.js'
import { PROOF_FILES } from '../../src/proof/layout.js'
import { readProofDirectory, type ProofFiles } from '../../src/proof/proof-bundle.js'
import { prepareTrustMaterial } from '../../src/sigstore/verify-bundle.js'
import { completeContext, digestOf, type BundleContext } from '../../src/verify/bundle-context.js'
import type { CheckOptions } from '../../src/verify/options.js'
import { checkSignedBundle, type SignedBundleOutcome } from '../../src/verify/signature-checks.js'
import type { CheckResult, Outcome } from '../../src/verify/verdict.js'
import { REPO_ROOT } from '../helpers/cli.js'

/**
 * The committed proof chain (examples/proof-chain), a genuine sandbox bundle, as fast unit-test
 * material: its two signatures are verified once, and each check is then run on contexts edited
 * field by field, with no sandbox and no further cryptography.
 */
export const EXAMPLE = join(REPO_ROOT, 'examples/proof-chain')
export const exampleRoot = readFileSync(
  join(EXAMPLE, 'sandbox-trusted-root.NOT-FOR-PRODUCTION.json'),
  'utf8'
)
export const exampleTrust = prepareTrustMaterial(exampleRoot)
export const exampleFiles: ProofFiles = await readProofDirectory(join(EXAMPLE, 'bundle'))
export const exampleBinding = (): BindingDocument => parseBinding(exampleFiles[PROOF_FILES.binding])
export const examplePolicy = exampleBinding().provenance.signer
export const exampleOpts: CheckOptions = {
  trustedRoot: exampleRoot,
  policy: examplePolicy,
  aiPolicy: 'any'
}

let signed: { stmt: SignedBundleOutcome; bind: SignedBundleOutcome } | undefined
/** Both Sigstore bundles of the example, verified once. */
export function exampleSignatures(): { stmt: SignedBundleOutcome; bind: SignedBundleOutcome } {
  if (signed === undefined) {
    const sig = { trust: exampleTrust, policy: examplePolicy }
    const stmt = checkSignedBundle(
      exampleFiles[PROOF_FILES.statementBundle],
      PROOF_FILES.statementBundle,
      digestOf(exampleFiles, PROOF_FILES.manifest) as string,
      sig
    )
    const bind = checkSignedBundle(
      exampleFiles[PROOF_FILES.bindingBundle],
      PROOF_FILES.bindingBundle,
      digestOf(exampleFiles, PROOF_FILES.statement) as string,
      sig,
      stmt.json
    )
    signed = { stmt, bind }
  }
  return signed
}

export interface ContextEdit {
  files?: ProofFiles
  /** File names to leave out. */
  without?: string[]
  opts?: Partial<CheckOptions>
  stmt?: Partial<SignedBundleOutcome>
  bind?: Partial<SignedBundleOutcome>
  declaredJobId?: string
  namedJobId?: string
}

/** The example's context, with edits; parsed the way verifyBundleFiles parses it. */
export function exampleContext(edit: ContextEdit = {}): BundleContext {
  const { stmt, bind } = exampleSignatures()
  const files: ProofFiles = { ...exampleFiles, ...edit.files }
  for (const name of edit.without ?? []) delete files[name]
  return completeContext({
    files,
    opts: { ...exampleOpts, ...edit.opts },
    stmt: { ...stmt, ...edit.stmt },
    bind: { ...bind, ...edit.bind },
    ...(edit.declaredJobId !== undefined ? { declaredJobId: edit.declaredJobId } : {}),
    ...(edit.namedJobId !== undefined ? { namedJobId: edit.namedJobId } : {})
  })
}

/** A context whose *signed* binding and binding.json are both this edited document. */
export function withSignedBinding(
  edit: (d: BindingDocument) => void,
  more: ContextEdit = {}
): BundleContext {
  const doc = exampleBinding()
  edit(doc)
  const ctx = exampleContext(more)
  ctx.signedBinding = doc
  ctx.files[PROOF_FILES.binding] = bindingBytes(doc)
  return ctx
}

export const skippedFor = (o: Outcome): string | undefined =>
  o.status === 'skip' ? `${o.reason}:${o.prerequisite ?? ''}` : undefined
/** finding:field,field… of a failed outcome, for compact exact assertions. */
export const findingOf = (o: Outcome | CheckResult): string =>
  o.status === 'fail'
    ? `${o.finding}${o.mismatches ? `:${o.mismatches.map(m => m.field).join(',')}` : ''}`
    : o.status
