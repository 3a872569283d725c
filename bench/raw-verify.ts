// The reference for the cold-start rows: a Node process that only runs raw @sigstore/verify over a
// proof bundle's two signatures. Bundled by bench/action.ts, as qprov's own entries are.
// Usage: node raw-verify.mjs BUNDLE_DIR TRUSTED_ROOT IDENTITY ISSUER
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { bundleFromJSON } from '@sigstore/bundle'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify'

const [dir, rootFile, identity, issuer] = process.argv.slice(2) as [string, string, string, string]
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
const root = TrustedRoot.fromJSON(JSON.parse(readFileSync(rootFile, 'utf8')))
const verifier = new Verifier(toTrustMaterial(root), {
  tlogThreshold: 1,
  ctlogThreshold: 1,
  timestampThreshold: 1
})
for (const f of ['statement.sigstore.json', 'binding.sigstore.json'])
  verifier.verify(toSignedEntity(bundleFromJSON(JSON.parse(readFileSync(join(dir, f), 'utf8')))), {
    subjectAlternativeName: new RegExp(`^${escape(identity)}$`),
    extensions: { issuer }
  })
process.stdout.write('ok\n')
