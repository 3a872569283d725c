// Regenerates src/sigstore/public-good-trusted-root.json from the trusted_root.json target that
// @sigstore/tuf ships in its seeds. qprov pins this root so verification never needs the network;
// rotating it (new Rekor shard, new CA) means re-running this script and shipping a release.
import { readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { fileURLToPath } from 'node:url'

const SEED_MIRROR = 'https://tuf-repo-cdn.sigstore.dev'
const require = createRequire(import.meta.url)
const seedsPath = require.resolve('@sigstore/tuf/seeds.json')
const seeds = JSON.parse(readFileSync(seedsPath, 'utf8'))
const target = seeds[SEED_MIRROR]?.targets?.['trusted_root.json']
if (typeof target !== 'string') {
  console.error(
    `refresh-trusted-root: no trusted_root.json target for ${SEED_MIRROR} in ${seedsPath}`
  )
  process.exit(1)
}
const root = JSON.parse(Buffer.from(target, 'base64').toString('utf8'))
if (!String(root.mediaType).startsWith('application/vnd.dev.sigstore.trustedroot')) {
  console.error(`refresh-trusted-root: unexpected mediaType ${root.mediaType}`)
  process.exit(1)
}
const out = fileURLToPath(new URL('../src/sigstore/public-good-trusted-root.json', import.meta.url))
writeFileSync(out, `${JSON.stringify(root, null, 2)}\n`)
console.log(`wrote ${out} (${root.tlogs.length} tlogs, ${root.certificateAuthorities.length} CAs)`)
