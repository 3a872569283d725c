// `npm run demo`: the proof chain end to end against the local sandbox, through the real CLI.
// Every step is a separate `qprov` process talking HTTP to loopback servers, as a user's CI would.
import { spawn, execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../', import.meta.url))
const CLI = join(ROOT, 'dist/cli.js')
const keep = process.argv.includes('--keep')
const work = mkdtempSync(join(tmpdir(), 'qprov-demo-'))
const sandboxDir = join(work, 'sandbox')
const repo = join(work, 'repo')
const out = join(work, 'out')

const bold = (s: string): string => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s)
const step = (n: number, title: string): void => console.log(`\n${bold(`[${n}] ${title}`)}`)

interface Run {
  code: number
  stdout: string
  stderr: string
}

function qprov(args: string[], expectOk = true): Run {
  const shown = args.map(a => (a.startsWith(work) ? a.replace(work, '$DEMO') : a))
  console.log(`$ qprov ${shown.join(' ')}`)
  try {
    const stdout = execFileSync(process.execPath, [CLI, ...args], {
      cwd: repo,
      encoding: 'utf8',
      env: { ...process.env, QPROV_QUIET: '1' },
      stdio: ['ignore', 'pipe', 'pipe']
    })
    if (!expectOk) throw new Error(`expected qprov ${args[0]} to fail, but it succeeded`)
    return { code: 0, stdout, stderr: '' }
  } catch (e) {
    const err = e as { status?: number; stdout?: string; stderr?: string }
    if (err.status === undefined) throw e
    const r = { code: err.status, stdout: err.stdout ?? '', stderr: err.stderr ?? '' }
    if (expectOk) {
      console.error(r.stdout, r.stderr)
      throw new Error(`qprov ${args[0]} failed with exit code ${r.code}`)
    }
    return r
  }
}

function indent(text: string): void {
  for (const line of text.trimEnd().split('\n')) console.log(`    ${line}`)
}

function git(args: string[]): string {
  return execFileSync('git', args, {
    cwd: repo,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_AUTHOR_NAME: 'Ada Quantum',
      GIT_AUTHOR_EMAIL: 'ada@example.org',
      GIT_COMMITTER_NAME: 'Ada Quantum',
      GIT_COMMITTER_EMAIL: 'ada@example.org'
    }
  })
}

async function startSandbox(): Promise<() => Promise<void>> {
  const child = spawn(process.execPath, [CLI, 'sandbox', '--dir', sandboxDir], {
    stdio: ['ignore', 'pipe', 'inherit']
  })
  await new Promise<void>((resolve, reject) => {
    let buf = ''
    child.stdout.on('data', d => {
      buf += d
      if (buf.includes('ready')) resolve()
    })
    child.on('exit', code => reject(new Error(`qprov sandbox exited early (${code})`)))
  })
  return () =>
    new Promise<void>(resolve => {
      child.removeAllListeners('exit')
      child.on('exit', () => resolve())
      child.kill('SIGTERM')
    })
}

/** `attest` and `submit` over the bell workload with the demo's receipt, as parsed --json output. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function withReceipt(command: 'attest' | 'submit', outName: string): any {
  const args = ['--workload', 'bell', '--receipt', join(work, 'receipt.json')]
  args.push('--sandbox', sandboxDir, '--out', join(out, outName), '--json')
  return JSON.parse(qprov([command, ...args]).stdout)
}

async function main(): Promise<void> {
  if (!existsSync(CLI)) throw new Error('dist/cli.js is missing; run `npm run build` first')
  console.log(
    bold(
      'qprov demo: workload -> AIIR receipt -> signed statement -> Runtime job -> offline verify'
    )
  )
  console.log(`working directory: ${work}`)

  step(
    1,
    'Start the local sandbox (Fulcio, Rekor, TSA, OIDC and the IBM Runtime emulator on 127.0.0.1)'
  )
  const stopSandbox = await startSandbox()
  try {
    const sandbox = JSON.parse(readFileSync(join(sandboxDir, 'sandbox.json'), 'utf8'))
    indent(`fulcio ${sandbox.fulcioURL}\nrekor  ${sandbox.rekorURL}\nruntime ${sandbox.runtimeURL}`)

    step(2, 'A source change with declared AI involvement (Co-authored-by trailer)')
    cpSync(join(ROOT, 'examples/bell'), join(repo, 'bell'), { recursive: true })
    git(['init', '-q', '-b', 'main'])
    git(['add', '.'])
    git([
      'commit',
      '-q',
      '-m',
      'Add Bell-state sampler workload\n\nCo-authored-by: GitHub Copilot <copilot@github.com>'
    ])
    indent(git(['log', '-1', '--format=%H %s']))

    step(3, 'AIIR receipt for HEAD, then verify it')
    const receipts = JSON.parse(qprov(['receipt', 'create', '--commit', 'HEAD', '--json']).stdout)
    const receipt = receipts[0]
    writeFileSync(join(work, 'receipt.json'), `${JSON.stringify(receipt, null, 2)}\n`)
    indent(
      `receipt_id ${receipt.receipt_id}\nai_attestation.authorship_class ${receipt.ai_attestation.authorship_class}`
    )
    indent(qprov(['receipt', 'verify', join(work, 'receipt.json')]).stdout)

    step(4, 'Digest the workload package')
    indent(qprov(['digest', 'bell']).stdout)

    step(5, 'Attest: in-toto statement with the receipt as predicate, DSSE-signed, logged in Rekor')
    const att = withReceipt('attest', 'attestation')
    indent(
      `statement digest ${att.statementDigest}\npackage digest   ${att.packageDigest}\nrekor log index  ${att.rekor?.logIndex}\nrekor uuid       ${att.rekor?.uuid}`
    )

    step(6, 'Verify the bundle offline, pinned to the sandbox root and the signer identity')
    // qprov statements are verified with their predicateType pinned; it follows the receipt's schema.
    const predicateType = `https://invariantsystems.io/predicates/aiir/commit_receipt/${
      receipt.schema === 'aiir/commit_receipt.v1' ? 'v1' : 'v2'
    }`
    const verifyArgs = (bundle: string, artifact: string): string[] => [
      'verify-bundle',
      '--bundle',
      bundle,
      '--predicate-type',
      predicateType,
      '--trusted-root',
      sandbox.trustedRoot,
      '--certificate-identity',
      sandbox.identity,
      '--certificate-oidc-issuer',
      sandbox.issuer,
      artifact
    ]
    const bundlePath = join(out, 'attestation/statement.sigstore.json')
    const ok = qprov(verifyArgs(bundlePath, att.packageDigest))
    indent(ok.stdout || 'verified')

    step(7, 'Tampering is rejected (fail closed)')
    const tampered = JSON.parse(readFileSync(bundlePath, 'utf8'))
    const payload = Buffer.from(tampered.dsseEnvelope.payload, 'base64')
      .toString('utf8')
      .replace('"is_ai_authored":true', '"is_ai_authored":false')
    tampered.dsseEnvelope.payload = Buffer.from(payload).toString('base64')
    const tamperedPath = join(work, 'tampered.sigstore.json')
    writeFileSync(tamperedPath, JSON.stringify(tampered))
    const bad = qprov(verifyArgs(tamperedPath, att.packageDigest), false)
    indent(
      `edited predicate: exit ${bad.code}: ${(bad.stderr || bad.stdout).trim().split('\n')[0]}`
    )
    writeFileSync(join(repo, 'bell/circuits/bell.qasm'), '// changed after signing\n', {
      flag: 'a'
    })
    const changed = JSON.parse(qprov(['digest', 'bell', '--json']).stdout).digest
    const bad2 = qprov(verifyArgs(bundlePath, changed), false)
    indent(
      `edited circuit:   exit ${bad2.code}: ${(bad2.stderr || bad2.stdout).trim().split('\n')[0]}`
    )
    git(['checkout', '-q', '--', 'bell'])

    step(8, 'Submit the Runtime job with provenance tags (IBM Runtime emulator)')
    const sub = withReceipt('submit', 'submit')
    indent(`job id ${sub.jobId}\ntags:\n  ${(sub.tags as string[]).join('\n  ')}`)
    indent(qprov(['job', 'get', '--job', sub.jobId, '--sandbox', sandboxDir]).stdout)

    console.log(
      `\n${bold('demo complete')}: evidence in ${keep ? out : '(removed; pass --keep to keep it)'}`
    )
  } finally {
    await stopSandbox()
    if (!keep) rmSync(work, { recursive: true, force: true })
  }
}

main().catch(e => {
  console.error(`demo failed: ${(e as Error).message}`)
  process.exitCode = 1
})
