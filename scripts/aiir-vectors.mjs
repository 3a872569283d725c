// Lays out ../shared/vectors/aiir from a checkout of github.com/invariant-systems-ai/aiir (with its
// history), so the AIIR conformance suites run where only that repository is at hand (GitHub CI).
// Copied as published: the schemas and test vectors, the adversarial corpus, 3 v2 receipts with
// their CBOR sidecars and 7 signed v1 receipts. Derived here, as the reference derives them: the raw
// `git log --format=%B` and `git diff` bytes of the 3 v2 receipts' commits, and the reference
// verifier's outputs (python3, the checkout's own aiir package: standard library only).
// Usage: node scripts/aiir-vectors.mjs AIIR_CHECKOUT OUT_DIR
import { execFileSync } from 'node:child_process'
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const UNSIGNED_V2 = [
  'receipt_cab48e179671_a25601c5e18c7009',
  'receipt_465ac8b33e96_a256735c70b6de58',
  'receipt_0136dd109a8f_a256b217c11cbb49'
]
const SIGNED_V1 = [
  'receipt_25efd95ac696_a256d63a8ac45ea8',
  'receipt_304b4b8f36f2_a25604dd5dfcaa1f',
  'receipt_472fe23e9273_a2569df620e354c9',
  'receipt_6fd76a436a58_a256ea00d123d6a9',
  'receipt_cf8033cdafb5_a256e4e751c8d511',
  'receipt_df664af8996b_a25620cfe4c4d9b1',
  'receipt_eb1843825328_a256f701e17f24e7'
]
/** The real receipts whose reference outputs the tests compare (test/receipt/files.test.ts). */
const REFERENCE_RECEIPTS = [
  ...UNSIGNED_V2.toSorted().map(r => `.aiir/receipts/${r}.json`),
  ...SIGNED_V1.slice(0, 2).map(r => `.receipts/${r}.json`)
]

const [aiir, out] = process.argv.slice(2)
if (!aiir || !out) {
  console.error('usage: node scripts/aiir-vectors.mjs AIIR_CHECKOUT OUT_DIR')
  process.exit(2)
}

/** The reference's own git settings: no pager, no user or system configuration. */
const git = args =>
  execFileSync('git', ['-C', aiir, '--no-optional-locks', ...args], {
    env: { PATH: process.env.PATH, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' },
    maxBuffer: 64 * 1024 * 1024
  })

mkdirSync(out, { recursive: true })
cpSync(join(aiir, 'schemas'), join(out, 'schemas'), { recursive: true })
cpSync(join(aiir, 'tests/adversarial'), join(out, 'tests/adversarial'), { recursive: true })
for (const r of UNSIGNED_V2)
  for (const ext of ['json', 'cbor'])
    cpSync(join(aiir, `.aiir/receipts/${r}.${ext}`), join(out, `receipts/unsigned-v2/${r}.${ext}`))
for (const r of SIGNED_V1)
  for (const ext of ['json', 'json.sigstore'])
    cpSync(join(aiir, `.receipts/${r}.${ext}`), join(out, `receipts/signed-v1/${r}.${ext}`))

// The commands of aiir/_detect.py and _core.py: the message before Python's strip(), and the diff
// against the first parent, exactly as git prints them.
const derived = join(out, 'derived-git-inputs')
mkdirSync(derived, { recursive: true })
const items = UNSIGNED_V2.map(r => {
  const receipt = JSON.parse(readFileSync(join(aiir, `.aiir/receipts/${r}.json`), 'utf8'))
  const { sha, message_hash, diff_hash } = receipt.commit
  const short = sha.slice(0, 12)
  writeFileSync(
    join(derived, `${short}.log-format-B.raw`),
    git(['log', '-1', '--no-mailmap', '--format=%B', sha])
  )
  writeFileSync(
    join(derived, `${short}.diff.raw`),
    git(['diff', '--no-ext-diff', '--no-textconv', `${sha}~1`, sha])
  )
  return {
    receipt: `.aiir/receipts/${r}.json`,
    sha,
    git_log_format_B_file: `derived-git-inputs/${short}.log-format-B.raw`,
    git_diff_file: `derived-git-inputs/${short}.diff.raw`,
    message_hash,
    diff_hash
  }
})
writeFileSync(
  join(derived, 'manifest.json'),
  `${JSON.stringify({ description: 'Raw git outputs of 3 receipts, by scripts/aiir-vectors.mjs', items }, null, 1)}\n`
)

const reference = fileURLToPath(new URL('./aiir-reference-outputs.py', import.meta.url))
writeFileSync(
  join(out, 'reference_verify_outputs.json'),
  execFileSync('python3', [reference, aiir, ...REFERENCE_RECEIPTS], {
    env: { ...process.env, PYTHONPATH: aiir, PYTHONDONTWRITEBYTECODE: '1' },
    maxBuffer: 64 * 1024 * 1024
  })
)
console.log(`aiir-vectors: ${out} laid out from ${git(['rev-parse', 'HEAD']).toString().trim()}`)
