import {
  cpSync,
  mkdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  truncateSync,
  writeFileSync
} from 'node:fs'
import { join } from 'node:path'
import { REPO_ROOT } from '../helpers/cli.js'
import { fifoWriter, mkfifo, stopWriter } from './harness.js'

/** What a case may use: the proxied sandbox, a real attestation and a job made by "Python". */
export interface Fixtures {
  sbx: string
  att: string
  jobId: string
  trustedRoot: string
  identity: string
  issuer: string
  artifactDigest: string
  crn: string
  runtimeURL: string
  iamURL: string
  canaryUser: string
  canaryPass: string
}

export interface HostileCase {
  name: string
  /** argv; `dir` is the case's own empty directory, snapshotted before and after. */
  args: (fx: Fixtures, dir: string) => string[]
  code: string
  message: RegExp
  exit?: 1 | 2
  cwd?: (fx: Fixtures, dir: string) => string
  /** Creates what the case needs inside dir before the snapshot; may return a cleanup. */
  prep?: (fx: Fixtures, dir: string) => (() => void) | void
  /** A process writes into a FIFO of the case: qprov must not take a slow start for silence. */
  pipeWriter?: true
}

const credURL = (fx: Fixtures, path = '') =>
  `http://${fx.canaryUser}:${fx.canaryPass}@127.0.0.1:9${path}`

// Special files, made in the case's own directory.
const file = (dir: string, name = 'afile', text = 'x') => {
  writeFileSync(join(dir, name), text)
  return join(dir, name)
}
const fifo = (dir: string, name = 'fifo') => mkfifo(join(dir, name))
const link = (dir: string, to: string, name = 'link') => {
  symlinkSync(to, join(dir, name))
  return join(dir, name)
}
const sparse = (dir: string, bytes: number, name = 'big') => {
  const p = file(dir, name, '')
  truncateSync(p, bytes)
  return p
}
const endlessPipe = (dir: string) => {
  const w = fifoWriter(fifo(dir, 'endless'), '/dev/zero')
  return () => stopWriter(w)
}
const MiB = 1024 * 1024

function vb(
  fx: Fixtures,
  o: { bundle?: string; root?: string; key?: string; artifact?: string; policy?: string[] } = {}
): string[] {
  const args = ['verify-bundle', '--bundle', o.bundle ?? join(fx.att, 'statement.sigstore.json')]
  args.push('--trusted-root', o.root ?? fx.trustedRoot)
  if (o.key !== undefined) args.push('--key', o.key)
  else
    args.push(
      ...(o.policy ?? [
        '--certificate-identity',
        fx.identity,
        '--certificate-oidc-issuer',
        fx.issuer
      ])
    )
  args.push(o.artifact ?? fx.artifactDigest)
  return args
}

const verifyArgs = (fx: Fixtures) => [
  'verify',
  fx.att,
  '--certificate-identity',
  fx.identity,
  '--certificate-oidc-issuer',
  fx.issuer
]

const fetchPolicy = (fx: Fixtures) => [
  '--trusted-root',
  fx.trustedRoot,
  '--certificate-identity',
  fx.identity,
  '--certificate-oidc-issuer',
  fx.issuer
]

const conn = (fx: Fixtures) => [
  '--instance',
  fx.crn,
  '--runtime-url',
  fx.runtimeURL,
  '--iam-url',
  fx.iamURL
]
const attest = (fx: Fixtures, out: string, ...extra: string[]) => [
  'attest',
  '--workload',
  'examples/bell',
  '--sandbox',
  fx.sbx,
  '--out',
  out,
  ...extra
]
const submit = (fx: Fixtures, out: string, ...extra: string[]) => [
  'submit',
  '--workload',
  'examples/bell',
  '--sandbox',
  fx.sbx,
  '--out',
  out,
  ...extra
]
const tag = (fx: Fixtures, att: string, out: string, ...extra: string[]) => [
  'tag',
  '--job',
  fx.jobId,
  '--attestation',
  att,
  '--out',
  out,
  '--sandbox',
  fx.sbx,
  ...extra
]

/** A copy of the real attestation with one file edited (or replaced) by `edit`. */
function attCopy(fx: Fixtures, dir: string, edit: (att: string) => void): string {
  const att = join(dir, 'att')
  cpSync(fx.att, att, { recursive: true })
  edit(att)
  return att
}

/** A copy of the sandbox directory whose sandbox.json is changed by `edit`. */
function sbxCopy(fx: Fixtures, dir: string, edit: (cfg: Record<string, unknown>) => void): string {
  const sbx = join(dir, 'sbx')
  mkdirSync(sbx)
  const cfg = JSON.parse(readFileSync(join(fx.sbx, 'sandbox.json'), 'utf8')) as Record<
    string,
    unknown
  >
  edit(cfg)
  writeFileSync(join(sbx, 'sandbox.json'), JSON.stringify(cfg))
  return sbx
}

const receiptText = (lit = '3') =>
  `{"type":"aiir.commit_receipt","schema":"aiir/commit_receipt.v2","version":"1.2.5",` +
  `"commit":{"sha":"${'a'.repeat(40)}","files_changed":${lit}},"ai_attestation":{},` +
  `"provenance":{},"receipt_id":"g1-0","content_hash":"sha256:0"}\n`

const PIPE_NO_WRITER = /is a pipe with no writer \(nothing arrived within 0\.2 s\)/

export const CASES: HostileCase[] = [
  // verify-bundle: the bundle
  {
    name: 'verify-bundle --bundle FIFO without a writer',
    args: (fx, d) => vb(fx, { bundle: fifo(d) }),
    code: 'INPUT_INVALID',
    message: PIPE_NO_WRITER
  },
  {
    name: 'verify-bundle --bundle /dev/zero',
    args: fx => vb(fx, { bundle: '/dev/zero' }),
    code: 'INPUT_INVALID',
    message: /bundle \/dev\/zero is a character device, not a file or a pipe/
  },
  {
    name: 'verify-bundle --bundle a directory',
    args: (fx, d) => vb(fx, { bundle: d }),
    code: 'INPUT_INVALID',
    message: /is a directory, not a file/
  },
  {
    name: 'verify-bundle --bundle a symlink to /dev/zero',
    args: (fx, d) => vb(fx, { bundle: link(d, '/dev/zero') }),
    code: 'INPUT_INVALID',
    message: /is a character device/
  },
  {
    name: 'verify-bundle --bundle a dangling symlink',
    args: (fx, d) => vb(fx, { bundle: link(d, join(d, 'nowhere')) }),
    code: 'INPUT_NOT_FOUND',
    message: /bundle not found: /
  },
  {
    name: 'verify-bundle --bundle a symlink loop',
    args: (fx, d) => {
      link(d, join(d, 'b'), 'a')
      return vb(fx, { bundle: link(d, join(d, 'a'), 'b') })
    },
    code: 'INPUT_INVALID',
    message: /too many levels of symbolic links/
  },
  {
    name: 'verify-bundle --bundle over the 24 MiB cap',
    args: (fx, d) => vb(fx, { bundle: sparse(d, 25 * MiB) }),
    code: 'INPUT_TOO_LARGE',
    message: /26214400 bytes, over the 24 MiB limit for a bundle/
  },
  {
    name: 'verify-bundle --bundle an endless pipe',
    prep: (_fx, d) => endlessPipe(d),
    pipeWriter: true,
    args: (fx, d) => vb(fx, { bundle: join(d, 'endless') }),
    code: 'INPUT_TOO_LARGE',
    message: /more than the 24 MiB limit for a bundle/
  },
  {
    name: 'verify-bundle --bundle that is not JSON fails verification, not the reader',
    args: (fx, d) => vb(fx, { bundle: file(d, 'b.json', '{"mediaType":') }),
    code: 'BUNDLE_INVALID',
    exit: 1,
    message: /NOT verified/
  },
  // verify-bundle: trust material and policy
  {
    name: 'verify-bundle --trusted-root FIFO without a writer',
    args: (fx, d) => vb(fx, { root: fifo(d) }),
    code: 'INPUT_INVALID',
    message: PIPE_NO_WRITER
  },
  {
    name: 'verify-bundle --trusted-root /dev/zero',
    args: fx => vb(fx, { root: '/dev/zero' }),
    code: 'INPUT_INVALID',
    message: /trusted root \/dev\/zero is a character device/
  },
  {
    name: 'verify-bundle --trusted-root over the 4 MiB cap',
    args: (fx, d) => vb(fx, { root: sparse(d, 4 * MiB + 1) }),
    code: 'INPUT_TOO_LARGE',
    message: /over the 4 MiB limit for a trusted root/
  },
  {
    name: 'verify-bundle --trusted-root a directory',
    args: (fx, d) => vb(fx, { root: d }),
    code: 'INPUT_INVALID',
    message: /trusted root .* is a directory/
  },
  {
    name: 'verify-bundle --key /dev/zero',
    args: fx => vb(fx, { key: '/dev/zero' }),
    code: 'INPUT_INVALID',
    message: /public key \/dev\/zero is a character device/
  },
  {
    name: 'verify-bundle --key over the 64 KiB cap',
    args: (fx, d) => vb(fx, { key: sparse(d, 64 * 1024 + 1) }),
    code: 'INPUT_TOO_LARGE',
    message: /over the 64 KiB limit for a public key/
  },
  {
    name: 'verify-bundle --key that is not a key',
    args: (fx, d) => vb(fx, { key: file(d, 'key.pub', '-----BEGIN PUBLIC KEY-----\nnope\n') }),
    code: 'POLICY_INVALID',
    message: /--key .* is not a public key/
  },
  {
    name: 'verify-bundle --key FIFO without a writer',
    args: (fx, d) => vb(fx, { key: fifo(d) }),
    code: 'INPUT_INVALID',
    message: PIPE_NO_WRITER
  },
  {
    name: 'verify-bundle artifact FIFO without a writer',
    args: (fx, d) => vb(fx, { artifact: fifo(d) }),
    code: 'INPUT_INVALID',
    message: /artifact .* is a pipe with no writer/
  },
  {
    name: 'verify-bundle artifact /dev/zero',
    args: fx => vb(fx, { artifact: '/dev/zero' }),
    code: 'INPUT_INVALID',
    message: /artifact \/dev\/zero is a character device/
  },
  {
    name: 'verify-bundle artifact a directory',
    args: (fx, d) => vb(fx, { artifact: d }),
    code: 'INPUT_INVALID',
    message: /artifact .* is a directory/
  },
  {
    name: 'verify-bundle artifact over the 16 GiB cap (sparse, refused by its size)',
    args: (fx, d) => vb(fx, { artifact: sparse(d, 16 * 1024 * MiB + 1) }),
    code: 'INPUT_TOO_LARGE',
    message: /17179869185 bytes, over the 16 GiB limit for an artifact/
  },
  {
    name: 'verify-bundle artifact missing',
    args: (fx, d) => vb(fx, { artifact: join(d, 'missing.txt') }),
    code: 'INPUT_NOT_FOUND',
    message: /artifact not found: /
  },
  {
    name: "verify-bundle --certificate-identity-regexp '(['",
    args: fx =>
      vb(fx, {
        policy: ['--certificate-identity-regexp', '([', '--certificate-oidc-issuer', fx.issuer]
      }),
    code: 'POLICY_INVALID',
    message: /invalid identity regexp/
  },
  {
    name: 'verify-bundle --certificate-oidc-issuer with credentials',
    args: fx =>
      vb(fx, {
        policy: ['--certificate-identity', fx.identity, '--certificate-oidc-issuer', credURL(fx)]
      }),
    code: 'URL_CREDENTIALS',
    message: /--certificate-oidc-issuer must not contain a user name or password/
  },
  {
    name: 'verify-bundle --profile unknown',
    args: fx => [...vb(fx), '--profile', 'staging'],
    code: 'USAGE',
    message: /--profile must be one of public-good, github, custom, got "staging"/
  },
  // receipt verify
  {
    name: 'receipt verify a FIFO',
    args: (_fx, d) => ['receipt', 'verify', fifo(d)],
    code: 'INPUT_INVALID',
    message: /Not a regular file: /
  },
  {
    name: 'receipt verify /dev/zero',
    args: () => ['receipt', 'verify', '/dev/zero'],
    code: 'INPUT_INVALID',
    message: /Not a regular file: \/dev\/zero/
  },
  {
    name: 'receipt verify a receipt with a byte order mark',
    args: (_fx, d) => ['receipt', 'verify', file(d, 'r.json', `\uFEFF${receiptText()}`)],
    code: 'INPUT_NOT_JSON',
    message: /Unexpected UTF-8 BOM/
  },
  {
    name: 'receipt verify 100 000 nested arrays',
    args: (_fx, d) => [
      'receipt',
      'verify',
      file(d, 'r.json', `${'['.repeat(100_000)}${']'.repeat(100_000)}`)
    ],
    code: 'INPUT_NOT_JSON',
    message: /nesting too deep/
  },
  {
    name: 'receipt verify over the 50 MB cap',
    args: (_fx, d) => ['receipt', 'verify', sparse(d, 52_428_801, 'r.json')],
    code: 'INPUT_TOO_LARGE',
    message: /File too large \(52428801 bytes, max 52428800\)/
  },
  {
    name: 'receipt verify a symlink',
    args: (_fx, d) => ['receipt', 'verify', link(d, file(d, 'r.json', receiptText()))],
    code: 'INPUT_SYMLINK',
    message: /Receipt file is a symlink/
  },
  {
    name: 'receipt verify bytes that are not UTF-8',
    args: (_fx, d) => {
      writeFileSync(join(d, 'r.json'), Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))
      return ['receipt', 'verify', join(d, 'r.json')]
    },
    code: 'INPUT_NOT_JSON',
    message: /not valid UTF-8/
  },
  {
    name: 'receipt verify --bundle /dev/zero',
    args: fx => [
      'receipt',
      'verify',
      join(fx.att, 'statement.json'),
      '--bundle',
      '/dev/zero',
      '--certificate-identity',
      fx.identity,
      '--certificate-oidc-issuer',
      fx.issuer
    ],
    code: 'INPUT_INVALID',
    message: /Not a regular file: \/dev\/zero/
  },
  // receipt create
  {
    name: 'receipt create --out a regular file',
    args: (_fx, d) => ['receipt', 'create', '--out', file(d)],
    code: 'OUTPUT_UNUSABLE',
    message: /--out .* cannot be used: it is a regular file, not a directory/
  },
  {
    name: 'receipt create --out below a regular file',
    args: (_fx, d) => ['receipt', 'create', '--out', join(file(d), 'receipts')],
    code: 'OUTPUT_UNUSABLE',
    message: /a part of the path above it is a file/
  },
  {
    // Root ignores permission bits, so unwritable means /proc, where not even root creates files.
    name: 'receipt create --out under /proc',
    args: () => ['receipt', 'create', '--out', '/proc/1/qprov-receipts'],
    code: 'OUTPUT_UNUSABLE',
    message: /--out \/proc\/1\/qprov-receipts cannot be used: files cannot be created in \/proc\/1/
  },
  {
    name: 'receipt create --repo that does not exist (exits at once)',
    args: (_fx, d) => ['receipt', 'create', '--repo', join(d, 'no-repo')],
    code: 'NOT_A_GIT_REPO',
    message: /not a git repository/
  },
  {
    name: 'receipt create --commit that looks like an option',
    args: () => ['receipt', 'create', '--commit', '--output=/tmp/x'],
    code: 'BAD_REF',
    message: /invalid git ref/
  },
  {
    name: 'receipt create --commit ^HEAD (a negation, not a commit)',
    args: () => ['receipt', 'create', '--commit', '^HEAD'],
    code: 'BAD_REF',
    message: /"\^HEAD" does not name one commit/
  },
  // digest
  {
    name: 'digest a path that does not exist',
    args: () => ['digest', 'missing'],
    cwd: (_fx, d) => d,
    code: 'INPUT_NOT_FOUND',
    message: /workload path 'missing' not found/
  },
  {
    name: 'digest a path outside the package root',
    args: () => ['digest', '/dev/zero'],
    code: 'WORKLOAD_INVALID',
    message: /outside the package root/
  },
  {
    name: 'digest a FIFO inside the package',
    prep: (_fx, d) => void fifo(d, 'f.qasm'),
    args: () => ['digest', 'f.qasm'],
    cwd: (_fx, d) => d,
    code: 'WORKLOAD_INVALID',
    message: /f\.qasm/
  },
  // attest: output locations (the sandbox must receive nothing)
  {
    name: 'attest --out a regular file',
    args: (fx, d) => attest(fx, file(d)),
    code: 'OUTPUT_UNUSABLE',
    message: /it is a regular file, not a directory/
  },
  {
    name: 'attest --out below a regular file',
    args: (fx, d) => attest(fx, join(file(d), 'out')),
    code: 'OUTPUT_UNUSABLE',
    message: /a part of the path above it is a file/
  },
  {
    name: 'attest --out under /proc',
    args: fx => attest(fx, '/proc/1/qprov-att'),
    code: 'OUTPUT_UNUSABLE',
    message: /files cannot be created in \/proc\/1/
  },
  {
    name: 'attest --out whose statement.json is a directory',
    prep: (_fx, d) => void mkdirSync(join(d, 'out', 'statement.json'), { recursive: true }),
    args: (fx, d) => attest(fx, join(d, 'out')),
    code: 'OUTPUT_UNUSABLE',
    message: /statement\.json in it is a directory/
  },
  // attest: URLs and files
  {
    name: 'attest --fulcio-url with credentials',
    args: (fx, d) => attest(fx, join(d, 'out'), '--fulcio-url', credURL(fx)),
    code: 'URL_CREDENTIALS',
    message: /--fulcio-url must not contain a user name or password/
  },
  {
    name: 'attest --rekor-url with credentials',
    args: (fx, d) => attest(fx, join(d, 'out'), '--rekor-url', credURL(fx, '/rekor')),
    code: 'URL_CREDENTIALS',
    message: /--rekor-url must not contain/
  },
  {
    name: 'attest --tsa-url with a user name only',
    args: (fx, d) => attest(fx, join(d, 'out'), '--tsa-url', `http://${fx.canaryUser}@127.0.0.1:9`),
    code: 'URL_CREDENTIALS',
    message: /--tsa-url must not contain/
  },
  {
    name: 'attest --rekor-url with an ftp scheme',
    args: (fx, d) => attest(fx, join(d, 'out'), '--rekor-url', 'ftp://127.0.0.1/rekor'),
    code: 'USAGE',
    message: /--rekor-url must be an https URL/
  },
  {
    name: 'attest --identity-token-env holding a token instead of a name',
    args: (fx, d) => attest(fx, join(d, 'out'), '--identity-token-env', 'eyJhbGciOi.x.y'),
    code: 'USAGE',
    message: /takes the NAME of an environment variable/
  },
  // attest: sandbox.json
  {
    name: 'attest --sandbox whose sandbox.json is a FIFO',
    prep: (_fx, d) => {
      mkdirSync(join(d, 'sbx'))
      fifo(join(d, 'sbx'), 'sandbox.json')
    },
    args: (fx, d) => attest(fx, join(d, 'out')).map(a => (a === fx.sbx ? join(d, 'sbx') : a)),
    code: 'CONFIG_INVALID',
    message: /sandbox config .* is a pipe with no writer/
  },
  {
    name: 'attest --sandbox whose sandbox.json links to /dev/zero',
    prep: (_fx, d) => {
      mkdirSync(join(d, 'sbx'))
      link(join(d, 'sbx'), '/dev/zero', 'sandbox.json')
    },
    args: (fx, d) => attest(fx, join(d, 'out')).map(a => (a === fx.sbx ? join(d, 'sbx') : a)),
    code: 'CONFIG_INVALID',
    message: /is a character device/
  },
  {
    name: 'attest --sandbox whose sandbox.json is over the 64 KiB cap',
    prep: (_fx, d) => {
      mkdirSync(join(d, 'sbx'))
      sparse(join(d, 'sbx'), 64 * 1024 + 1, 'sandbox.json')
    },
    args: (fx, d) => attest(fx, join(d, 'out')).map(a => (a === fx.sbx ? join(d, 'sbx') : a)),
    code: 'CONFIG_INVALID',
    message: /over the 64 KiB limit for a sandbox config/
  },
  {
    name: 'attest --sandbox whose fulcioURL holds credentials',
    args: (fx, d) => {
      const sbx = sbxCopy(fx, d, c => (c.fulcioURL = credURL(fx, '/fulcio')))
      return attest(fx, join(d, 'out')).map(a => (a === fx.sbx ? sbx : a))
    },
    code: 'URL_CREDENTIALS',
    message: /fulcioURL in .*sandbox\.json must not contain/
  },
  {
    name: 'attest --sandbox whose token request URL holds credentials',
    args: (fx, d) => {
      const sbx = sbxCopy(fx, d, c => (c.actionsIdTokenRequestURL = credURL(fx, '/oidc/token')))
      return attest(fx, join(d, 'out')).map(a => (a === fx.sbx ? sbx : a))
    },
    code: 'URL_CREDENTIALS',
    message: /actionsIdTokenRequestURL in .*sandbox\.json must not contain/
  },
  {
    name: 'attest --sandbox a directory without sandbox.json',
    args: (fx, d) => attest(fx, join(d, 'out')).map(a => (a === fx.sbx ? d : a)),
    code: 'CONFIG_INVALID',
    message: /sandbox config not found/
  },
  // submit: outputs are checked before signing or creating anything
  {
    name: 'submit --out a regular file',
    args: (fx, d) => submit(fx, file(d)),
    code: 'OUTPUT_UNUSABLE',
    message: /it is a regular file, not a directory/
  },
  {
    name: 'submit --out below a regular file',
    args: (fx, d) => submit(fx, join(file(d), 'job')),
    code: 'OUTPUT_UNUSABLE',
    message: /a part of the path above it is a file/
  },
  {
    name: 'submit --out under /proc',
    args: fx => submit(fx, '/proc/1/qprov-job'),
    code: 'OUTPUT_UNUSABLE',
    message: /files cannot be created in \/proc\/1/
  },
  {
    name: 'submit --no-attest --out a regular file',
    args: (fx, d) => submit(fx, file(d), '--no-attest'),
    code: 'OUTPUT_UNUSABLE',
    message: /it is a regular file/
  },
  {
    name: 'submit --out whose runtime-job.json is a directory',
    prep: (_fx, d) => void mkdirSync(join(d, 'out', 'runtime-job.json'), { recursive: true }),
    args: (fx, d) => submit(fx, join(d, 'out')),
    code: 'OUTPUT_UNUSABLE',
    message: /runtime-job\.json in it is a directory/
  },
  {
    name: 'submit --runtime-url with credentials',
    args: (fx, d) => submit(fx, join(d, 'out'), '--runtime-url', credURL(fx)),
    code: 'URL_CREDENTIALS',
    message: /--runtime-url must not contain/
  },
  {
    name: 'submit --rekor-url with credentials (refused before the target check)',
    args: (fx, d) => submit(fx, join(d, 'out'), '--rekor-url', credURL(fx, '/rekor')),
    code: 'URL_CREDENTIALS',
    message: /--rekor-url must not contain/
  },
  {
    name: 'submit --iam-url with credentials',
    args: (fx, d) => submit(fx, join(d, 'out'), '--iam-url', credURL(fx)),
    code: 'URL_CREDENTIALS',
    message: /--iam-url must not contain/
  },
  {
    name: 'submit --runtime-url javascript:',
    args: (fx, d) => submit(fx, join(d, 'out'), '--runtime-url', 'javascript:alert(1)'),
    code: 'USAGE',
    message: /--runtime-url must be an https URL/
  },
  {
    name: 'submit --sandbox whose runtimeURL holds credentials',
    args: (fx, d) => {
      const sbx = sbxCopy(fx, d, c => (c.runtimeURL = credURL(fx, '/api')))
      return submit(fx, join(d, 'out')).map(a => (a === fx.sbx ? sbx : a))
    },
    code: 'URL_CREDENTIALS',
    message: /runtimeURL in .*sandbox\.json must not contain/
  },
  {
    name: 'submit a workload whose qprov.job.json is a FIFO',
    prep: (_fx, d) => {
      cpSync(join(REPO_ROOT, 'examples/bell'), join(d, 'wl'), { recursive: true })
      rmSync(join(d, 'wl', 'qprov.job.json'))
      mkfifo(join(d, 'wl', 'qprov.job.json'))
    },
    args: (fx, d) => ['submit', '--workload', 'wl', '--sandbox', fx.sbx, '--out', join(d, 'out')],
    cwd: (_fx, d) => d,
    code: 'INPUT_INVALID',
    message: /job spec .* is a FIFO, not a file/
  },
  {
    name: 'submit --timeout-ms not a number',
    args: (fx, d) => submit(fx, join(d, 'out'), '--timeout-ms', '1e3'),
    code: 'USAGE',
    message: /--timeout-ms must be an integer/
  },
  // tag: the attestation directory must be what was signed
  {
    name: 'tag with statement.json one trailing newline off the signed payload',
    args: (fx, d) =>
      tag(
        fx,
        attCopy(fx, d, a =>
          writeFileSync(join(a, 'statement.json'), `${readFileSync(join(a, 'statement.json'))}\n`)
        ),
        join(d, 'out')
      ),
    code: 'ATTESTATION_MISMATCH',
    message: /statement\.json \(\d+ bytes\) differs from the signed payload \(\d+ bytes\)/
  },
  {
    name: 'tag with one byte of statement.json changed',
    args: (fx, d) =>
      tag(
        fx,
        attCopy(fx, d, a => {
          const b = readFileSync(join(a, 'statement.json'))
          b[10] ^= 1
          writeFileSync(join(a, 'statement.json'), b)
        }),
        join(d, 'out')
      ),
    code: 'ATTESTATION_MISMATCH',
    message: /differs from the signed payload .* at byte 10/
  },
  {
    name: 'tag with a manifest that is not the signed one',
    args: (fx, d) =>
      tag(
        fx,
        attCopy(fx, d, a => {
          const m = JSON.parse(readFileSync(join(a, 'workload.manifest.json'), 'utf8'))
          m.files[0].sha256 = '0'.repeat(64)
          writeFileSync(join(a, 'workload.manifest.json'), JSON.stringify(m))
        }),
        join(d, 'out')
      ),
    code: 'ATTESTATION_MISMATCH',
    message: /workload\.manifest\.json is not the manifest the statement signs/
  },
  {
    name: 'tag with a bundle that holds no DSSE envelope',
    args: (fx, d) =>
      tag(
        fx,
        attCopy(fx, d, a => {
          const b = JSON.parse(readFileSync(join(a, 'statement.sigstore.json'), 'utf8'))
          delete b.dsseEnvelope
          writeFileSync(join(a, 'statement.sigstore.json'), JSON.stringify(b))
        }),
        join(d, 'out')
      ),
    code: 'ATTESTATION_MISMATCH',
    message: /holds no DSSE envelope/
  },
  {
    name: 'tag with a bundle whose tlog entry is null',
    args: (fx, d) =>
      tag(
        fx,
        attCopy(fx, d, a => {
          const b = JSON.parse(readFileSync(join(a, 'statement.sigstore.json'), 'utf8'))
          b.verificationMaterial.tlogEntries = [null]
          writeFileSync(join(a, 'statement.sigstore.json'), JSON.stringify(b))
        }),
        join(d, 'out')
      ),
    code: 'ATTESTATION_MISMATCH',
    message: /the bundle tlog entry is not an object/
  },
  {
    name: 'tag with a bundle that is not JSON',
    args: (fx, d) =>
      tag(
        fx,
        attCopy(fx, d, a => writeFileSync(join(a, 'statement.sigstore.json'), '{"dsseEnvelope":')),
        join(d, 'out')
      ),
    code: 'INPUT_NOT_JSON',
    message: /bundle .*statement\.sigstore\.json is not valid JSON/
  },
  {
    name: 'tag with statement.json a FIFO',
    args: (fx, d) =>
      tag(
        fx,
        attCopy(fx, d, a => {
          rmSync(join(a, 'statement.json'))
          mkfifo(join(a, 'statement.json'))
        }),
        join(d, 'out')
      ),
    code: 'INPUT_INVALID',
    message: PIPE_NO_WRITER
  },
  {
    name: 'tag with statement.sigstore.json linking to /dev/zero',
    args: (fx, d) =>
      tag(
        fx,
        attCopy(fx, d, a => {
          rmSync(join(a, 'statement.sigstore.json'))
          symlinkSync('/dev/zero', join(a, 'statement.sigstore.json'))
        }),
        join(d, 'out')
      ),
    code: 'INPUT_INVALID',
    message: /is a character device/
  },
  {
    name: 'tag with workload.manifest.json a directory',
    args: (fx, d) =>
      tag(
        fx,
        attCopy(fx, d, a => {
          rmSync(join(a, 'workload.manifest.json'))
          mkdirSync(join(a, 'workload.manifest.json'))
        }),
        join(d, 'out')
      ),
    code: 'INPUT_INVALID',
    message: /workload manifest .* is a directory/
  },
  {
    name: 'tag with a bundle over the 24 MiB cap',
    args: (fx, d) =>
      tag(
        fx,
        attCopy(fx, d, a => truncateSync(join(a, 'statement.sigstore.json'), 25 * MiB)),
        join(d, 'out')
      ),
    code: 'INPUT_TOO_LARGE',
    message: /over the 24 MiB limit for a bundle/
  },
  {
    name: 'tag with an attestation directory that does not exist',
    args: (fx, d) => tag(fx, join(d, 'none'), join(d, 'out')),
    code: 'INPUT_NOT_FOUND',
    message: /statement\.json not found \(give the --out directory of `qprov attest`\)/
  },
  {
    name: 'tag --out a regular file',
    args: (fx, d) => tag(fx, fx.att, file(d)),
    code: 'OUTPUT_UNUSABLE',
    message: /it is a regular file/
  },
  {
    name: 'tag --out below a regular file',
    args: (fx, d) => tag(fx, fx.att, join(file(d), 'out')),
    code: 'OUTPUT_UNUSABLE',
    message: /a part of the path above it is a file/
  },
  {
    name: 'tag --runtime-url with credentials',
    args: (fx, d) => tag(fx, fx.att, join(d, 'out'), '--runtime-url', credURL(fx)),
    code: 'URL_CREDENTIALS',
    message: /--runtime-url must not contain/
  },
  {
    name: 'tag --fulcio-url with credentials (refused before the job is read)',
    args: (fx, d) => tag(fx, fx.att, join(d, 'out'), '--fulcio-url', credURL(fx)),
    code: 'URL_CREDENTIALS',
    message: /--fulcio-url must not contain/
  },
  {
    name: 'tag --out whose binding.json is a directory',
    prep: (_fx, d) => void mkdirSync(join(d, 'out', 'binding.json'), { recursive: true }),
    args: (fx, d) => tag(fx, fx.att, join(d, 'out')),
    code: 'OUTPUT_UNUSABLE',
    message: /binding\.json in it is a directory/
  },
  // job get
  {
    name: 'job get --runtime-url with credentials',
    args: fx =>
      ['job', 'get', '--job', fx.jobId, ...conn(fx)].map(a =>
        a === fx.runtimeURL ? credURL(fx) : a
      ),
    code: 'URL_CREDENTIALS',
    message: /--runtime-url must not contain/
  },
  {
    name: 'job get --iam-url with credentials',
    args: fx =>
      ['job', 'get', '--job', fx.jobId, ...conn(fx)].map(a => (a === fx.iamURL ? credURL(fx) : a)),
    code: 'URL_CREDENTIALS',
    message: /--iam-url must not contain/
  },
  {
    name: 'job get --job with a path in it',
    args: fx => ['job', 'get', '--job', '../../v1/jobs', ...conn(fx)],
    code: 'USAGE',
    message: /--job must be a Runtime job ID/
  },
  {
    name: 'job get --sandbox whose sandbox.json is a FIFO',
    prep: (_fx, d) => void fifo(d, 'sandbox.json'),
    args: (fx, d) => ['job', 'get', '--job', fx.jobId, '--sandbox', d],
    code: 'CONFIG_INVALID',
    message: /sandbox config .*sandbox\.json is a pipe with no writer/
  },
  {
    name: 'job get --sandbox whose emulator.json is a directory',
    prep: (_fx, d) => void mkdirSync(join(d, 'emulator.json')),
    args: (fx, d) => ['job', 'get', '--job', fx.jobId, '--sandbox', d],
    code: 'CONFIG_INVALID',
    message: /emulator\.json is a directory/
  },
  // verify (proof bundles)
  {
    name: 'verify --trusted-root /dev/zero',
    args: fx => [...verifyArgs(fx), '--trusted-root', '/dev/zero'],
    code: 'INPUT_INVALID',
    message: /trusted root \/dev\/zero is a character device/
  },
  {
    name: 'verify --trusted-root FIFO without a writer',
    args: (fx, d) => [...verifyArgs(fx), '--trusted-root', fifo(d)],
    code: 'INPUT_INVALID',
    message: PIPE_NO_WRITER
  },
  {
    name: 'verify --html below a regular file',
    args: (fx, d) => [...verifyArgs(fx), '--html', join(file(d), 'report.html')],
    code: 'OUTPUT_UNUSABLE',
    message: /--html .* it is a regular file, not a directory/
  },
  {
    name: "verify --certificate-identity-regexp '(['",
    args: fx => [
      'verify',
      fx.att,
      '--certificate-identity-regexp',
      '([',
      '--certificate-oidc-issuer',
      fx.issuer
    ],
    code: 'POLICY_INVALID',
    message: /invalid identity regexp/
  },
  {
    name: 'verify --certificate-oidc-issuer with credentials',
    args: fx => [
      'verify',
      fx.att,
      '--certificate-identity',
      fx.identity,
      '--certificate-oidc-issuer',
      credURL(fx)
    ],
    code: 'URL_CREDENTIALS',
    message: /--certificate-oidc-issuer must not contain/
  },
  // fetch
  {
    name: 'fetch --out a regular file (refused before the job is read)',
    args: (fx, d) => [
      'fetch',
      '--job',
      fx.jobId,
      '--from',
      fx.att,
      '--out',
      file(d),
      '--sandbox',
      fx.sbx,
      ...fetchPolicy(fx)
    ],
    code: 'OUTPUT_UNUSABLE',
    message: /--out .* it is a regular file/
  },
  {
    name: 'fetch --runtime-url with credentials',
    args: (fx, d) => [
      'fetch',
      '--job',
      fx.jobId,
      '--from',
      fx.att,
      '--out',
      join(d, 'out'),
      '--sandbox',
      fx.sbx,
      ...fetchPolicy(fx),
      '--runtime-url',
      credURL(fx)
    ],
    code: 'URL_CREDENTIALS',
    message: /--runtime-url must not contain/
  },
  {
    name: 'fetch without a verification policy',
    args: (fx, d) => ['fetch', '--job', fx.jobId, '--from', fx.att, '--out', join(d, 'out')],
    code: 'USAGE',
    message: /give exactly one of --certificate-identity \/ --certificate-identity-regexp/
  },
  // bundle pack / unpack
  {
    name: 'bundle unpack /dev/zero',
    args: (_fx, d) => ['bundle', 'unpack', '/dev/zero', '--out', join(d, 'out')],
    code: 'INPUT_INVALID',
    message: /\/dev\/zero is not a regular file/
  },
  {
    name: 'bundle unpack a FIFO',
    args: (_fx, d) => ['bundle', 'unpack', fifo(d), '--out', join(d, 'out')],
    code: 'INPUT_INVALID',
    message: /fifo is not a regular file/
  },
  {
    name: 'bundle unpack --out a regular file',
    args: (_fx, d) => ['bundle', 'unpack', file(d, 'b.qprov.json'), '--out', file(d)],
    code: 'OUTPUT_UNUSABLE',
    message: /--out .* it is a regular file/
  },
  {
    name: 'bundle pack a directory that is no proof bundle',
    args: (fx, d) => ['bundle', 'pack', fx.att, '--out', join(d, 'x.qprov.json')],
    code: 'PROOF_BUNDLE_INVALID',
    message: /lacks binding\.json/
  },
  // sandbox and emulator
  {
    name: 'sandbox --dir a regular file',
    args: (_fx, d) => ['sandbox', '--dir', file(d)],
    code: 'OUTPUT_UNUSABLE',
    message: /--dir .* it is a regular file/
  },
  {
    name: 'sandbox --dir below a regular file',
    args: (_fx, d) => ['sandbox', '--dir', join(file(d), 'sbx')],
    code: 'OUTPUT_UNUSABLE',
    message: /a part of the path above it is a file/
  },
  {
    name: 'sandbox --dir under /proc',
    args: () => ['sandbox', '--dir', '/proc/1/qprov-sbx'],
    code: 'OUTPUT_UNUSABLE',
    message: /files cannot be created in \/proc\/1/
  },
  {
    name: 'sandbox --dir whose sandbox.json is a directory',
    prep: (_fx, d) => void mkdirSync(join(d, 'sbx', 'sandbox.json'), { recursive: true }),
    args: (_fx, d) => ['sandbox', '--dir', join(d, 'sbx')],
    code: 'OUTPUT_UNUSABLE',
    message: /sandbox\.json in it is a directory/
  },
  {
    name: 'emulator --dir a regular file',
    args: (_fx, d) => ['emulator', '--dir', file(d)],
    code: 'OUTPUT_UNUSABLE',
    message: /--dir .* it is a regular file/
  },
  {
    name: 'emulator --dir under /proc',
    args: () => ['emulator', '--dir', '/proc/1/qprov-emu'],
    code: 'OUTPUT_UNUSABLE',
    message: /files cannot be created in \/proc\/1/
  },
  {
    name: 'emulator --port out of range',
    args: (_fx, d) => ['emulator', '--dir', d, '--port', '65536'],
    code: 'USAGE',
    message: /--port must be an integer from 0 to 65535/
  }
]

/**
 * Cases whose input is read after the OIDC token request by design (a missing `id-token: write`
 * fails before any hashing); they must still reach no Fulcio, Rekor, TSA or Runtime endpoint.
 */
export const TOKEN_FIRST_CASES: HostileCase[] = [
  {
    name: 'attest --commit ^HEAD (the receipt is generated after the token request)',
    args: (fx, d) => attest(fx, join(d, 'out'), '--commit', '^HEAD'),
    code: 'BAD_REF',
    message: /"\^HEAD" does not name one commit/
  },
  {
    name: 'attest --receipt FIFO',
    args: (fx, d) => attest(fx, join(d, 'out'), '--receipt', fifo(d)),
    code: 'INPUT_INVALID',
    message: /Not a regular file/
  },
  {
    name: 'attest --receipt /dev/zero',
    args: (fx, d) => attest(fx, join(d, 'out'), '--receipt', '/dev/zero'),
    code: 'INPUT_INVALID',
    message: /Not a regular file: \/dev\/zero/
  }
]

/** Flat receipts holding numbers the canonical form cannot carry, and what must be said. */
export const NUMBER_REASONS: [name: string, literal: string, reason: RegExp][] = [
  ['NaN', 'NaN', /^Out of range float values are not JSON compliant: nan$/],
  ['-Infinity', '-Infinity', /^Out of range float values are not JSON compliant: -inf$/],
  ['1e999999', '1e999999', /^Out of range float values are not JSON compliant: inf$/],
  [
    'a 100,000-digit integer',
    '9'.repeat(100_000),
    /^Exceeds the limit \(4300 digits\) for integer string conversion: value has 100000 digits$/
  ],
  ['1.5', '1.5', /^unsupported number: 1\.5 is not an integer/]
]

export { receiptText }
