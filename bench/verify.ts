// `qprov verify` on 200 copies of a sandbox proof bundle, against a raw @sigstore/verify loop
// over the same two signatures per bundle, measured in the same run. qprov runs as the shipped
// bundle (esbuild into a temp dir, dist/verify-worker.js beside it), start-up included.
import { spawnSync } from 'node:child_process'
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { bundleFromJSON } from '@sigstore/bundle'
import { TrustedRoot } from '@sigstore/protobuf-specs'
import { Verifier, toSignedEntity, toTrustMaterial } from '@sigstore/verify'
import { makeBenchProof, verdictsOf } from './proof.js'
import { compare, type BenchRow } from './table.js'

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
}

/** The baseline: only the two Sigstore verifications per bundle, trust material built once. */
function rawLoop(dirs: string[], rootText: string, identity: string, issuer: string): number {
  const verifier = new Verifier(toTrustMaterial(TrustedRoot.fromJSON(JSON.parse(rootText))), {
    tlogThreshold: 1,
    ctlogThreshold: 1,
    timestampThreshold: 1
  })
  const policy = {
    subjectAlternativeName: new RegExp(`^${escape(identity)}$`),
    extensions: { issuer }
  }
  const t = performance.now()
  for (const d of dirs)
    for (const f of ['statement.sigstore.json', 'binding.sigstore.json']) {
      const bundle = bundleFromJSON(JSON.parse(readFileSync(join(d, f), 'utf8')))
      verifier.verify(toSignedEntity(bundle), policy)
    }
  return (performance.now() - t) / 1000
}

/** Two rows: workers 1 (target: at most 1.25x the loop) and workers 2 (at least 1.6x faster). */
export async function runVerifyBench(quick = false): Promise<BenchRow[]> {
  const COPIES = quick ? 20 : 200
  const work = mkdtempSync(join(tmpdir(), 'qprov-verify-bench-'))
  const { sandbox, bundle: one, dist } = await makeBenchProof(work)
  try {
    const copies = join(work, 'copies')
    const dirs = Array.from({ length: COPIES }, (_, i) =>
      join(copies, `b${String(i).padStart(3, '0')}`)
    )
    for (const d of dirs) cpSync(one, d, { recursive: true })
    const rootText = readFileSync(sandbox.config.trustedRoot, 'utf8')
    const { identity, issuer } = sandbox.config
    const cli = (workers: number): number => {
      const t = performance.now()
      const r = spawnSync(
        process.execPath,
        [
          join(dist, 'cli.js'),
          'verify',
          copies,
          '--trusted-root',
          sandbox.config.trustedRoot,
          '--certificate-identity',
          identity,
          '--certificate-oidc-issuer',
          issuer,
          '--json',
          '--workers',
          String(workers)
        ],
        { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }
      )
      const s = (performance.now() - t) / 1000
      const { ok, verdicts } = verdictsOf(r.stdout)
      if (r.status !== 0 || !ok || verdicts.length !== COPIES || !verdicts.every(v => v.ok)) {
        const bad = verdicts.find(v => !v.ok)
        const why = bad ? JSON.stringify(bad).slice(0, 600) : r.stderr.trim().split('\n')[0]
        throw new Error(
          `qprov verify --workers ${workers} did not verify all ${COPIES} copies (exit ${r.status}): ${why}`
        )
      }
      return s
    }
    rawLoop(dirs.slice(0, 5), rootText, identity, issuer) // warm the baseline's code paths
    // Three interleaved rounds, medians: one run of each swings by a third on a shared machine.
    const rounds = quick ? 1 : 3
    const loops: number[] = []
    const w1s: number[] = []
    const w2s: number[] = []
    for (let r = 0; r < rounds; r++) {
      loops.push(rawLoop(dirs, rootText, identity, issuer))
      w1s.push(cli(1))
      w2s.push(cli(2))
    }
    const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!
    const loop = median(loops)
    const w1 = median(w1s)
    const w2 = median(w2s)
    const work_ = { amount: COPIES, unit: 'bundles' }
    const reference = {
      label: 'raw @sigstore/verify loop (2 signatures per bundle)',
      seconds: loop,
      work: work_
    }
    console.error(
      `verify: workers 1 = ${(w1 / loop).toFixed(2)}x the loop's time (target <= 1.25x)`
    )
    console.error(
      `verify: workers 2 = ${(loop / w2).toFixed(2)}x faster than the loop (target >= 1.6x)`
    )
    return [
      compare(
        'verify: 1 worker',
        { label: 'qprov verify --workers 1', seconds: w1, work: work_ },
        reference,
        `time ratio ${(w1 / loop).toFixed(2)}x (target <= 1.25x)`
      ),
      compare(
        'verify: 2 workers',
        { label: 'qprov verify --workers 2', seconds: w2, work: work_ },
        reference,
        `speed-up ${(loop / w2).toFixed(2)}x (target >= 1.6x)`
      )
    ]
  } finally {
    await sandbox.close()
    rmSync(work, { recursive: true, force: true })
  }
}
