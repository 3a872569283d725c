import { spawnSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { REPO_ROOT } from '../helpers/cli.js'

const CONFIG = join(REPO_ROOT, '.dependency-cruiser.mjs')
const DEPCRUISE = join(REPO_ROOT, 'node_modules/dependency-cruiser/bin/dependency-cruise.mjs')

interface Violation {
  from: string
  to: string
  rule: { name: string }
}

/** Runs the project's rules over src/ of `cwd` and returns what they report. */
function cruise(cwd: string): Violation[] {
  const r = spawnSync(
    process.execPath,
    [DEPCRUISE, 'src', '--config', CONFIG, '--output-type', 'json'],
    { cwd, encoding: 'utf8' }
  )
  expect(r.stderr).toBe('')
  const out = JSON.parse(r.stdout) as { summary: { violations: Violation[] } }
  return out.summary.violations
}

function tree(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'qprov-layers-'))
  writeFileSync(
    join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext' } })
  )
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true })
    writeFileSync(join(dir, path), text)
  }
  return dir
}

const rules = (v: Violation[]) => v.map(x => `${x.rule.name}: ${x.from} -> ${x.to}`).sort()

describe('the layer rules (.dependency-cruiser.mjs)', () => {
  it('report an import cycle and each kind of layer violation', () => {
    const dir = tree({
      // a root file importing a folder
      'src/errors.ts': "import type { A } from './attest/a.js'\nexport const E: A | 0 = 0\n",
      // one front door using the other, and product code using a stand-in
      'src/action/run.ts':
        "import type { C } from '../cli/c.js'\nimport type { S } from '../sandbox/s.js'\nexport type Run = C | S\n",
      'src/cli/c.ts': 'export type C = 3\n',
      // a cycle inside one folder, through a type import
      'src/attest/a.ts': "import type { B } from './b.js'\nexport type A = B | 1\n",
      'src/attest/b.ts': "import type { A } from './a.js'\nexport type B = A | 2\n",
      // runtime/ reaching into attest/
      'src/runtime/client.ts': "import type { A } from '../attest/a.js'\nexport type R = A\n",
      // a kernel reaching up, and into the other kernel
      'src/receipt/r.ts':
        "import type { R } from '../runtime/client.js'\nimport { W } from '../workload/w.js'\nexport const X: R | number = W\n",
      'src/workload/w.ts': "import { E } from '../errors.js'\nexport const W = E\n",
      // the stand-in sharing client code
      'src/sandbox/s.ts': "import type { R } from '../runtime/client.js'\nexport type S = R\n",
      // the verifier reaching the Runtime client, and a format reaching the verifier
      'src/verify/v.ts': "import type { R } from '../runtime/client.js'\nexport type V = R\n",
      'src/proof/p.ts': "import type { V } from '../verify/v.js'\nexport type P = V\n",
      // a folder without a layer
      'src/misc/m.ts': "import { E } from '../errors.js'\nexport const M = E\n"
    })
    expect(rules(cruise(dir))).toEqual(
      [
        'edges-apart: src/action/run.ts -> src/cli/c.ts',
        'only-cli-starts-the-sandbox: src/action/run.ts -> src/sandbox/s.ts',
        'root-files-are-leaves: src/errors.ts -> src/attest/a.ts',
        'layer-root: src/errors.ts -> src/attest/a.ts',
        'every-folder-has-a-layer: src/misc/m.ts -> src/errors.ts',
        'kernel-folders-apart: src/receipt/r.ts -> src/workload/w.ts',
        'layer-verify: src/verify/v.ts -> src/runtime/client.ts',
        'layer-proof: src/proof/p.ts -> src/verify/v.ts',
        'layer-kernel: src/receipt/r.ts -> src/runtime/client.ts',
        'no-circular: src/attest/a.ts -> src/attest/b.ts',
        'runtime-is-the-ibm-edge: src/runtime/client.ts -> src/attest/a.ts',
        'sandbox-shares-no-client-code: src/sandbox/s.ts -> src/runtime/client.ts'
      ].sort()
    )
  })

  it('report a TUF client brought in at run time', () => {
    const dir = tree({
      'src/attest/sign.ts': "import { attest } from 'sigstore'\nexport const S = attest\n",
      'src/sigstore/root.ts':
        "import { getTrustedRoot } from '@sigstore/tuf'\nexport const R = getTrustedRoot\n"
    })
    expect(rules(cruise(dir))).toEqual([
      'no-tuf-at-run-time: src/attest/sign.ts -> sigstore',
      'no-tuf-at-run-time: src/sigstore/root.ts -> @sigstore/tuf'
    ])
  })

  it('accept imports that follow the layer order', () => {
    const dir = tree({
      'src/errors.ts': 'export const E = 1\n',
      'src/workload/w.ts': "import { E } from '../errors.js'\nexport const W = E\n",
      'src/attest/a.ts': "import { W } from '../workload/w.js'\nexport const A = W\n",
      'src/binding/b.ts': "import { A } from '../attest/a.js'\nexport const B = A\n",
      'src/cli/c.ts': "import { B } from '../binding/b.js'\nexport const C = B\n"
    })
    expect(cruise(dir)).toEqual([])
  })

  // src/ itself is cruised by the static checks of `npm test` and `npm run lint` (depcruise).
})
