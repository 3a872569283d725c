import { execFileSync } from 'node:child_process'
import { cpSync, mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { submitWorkload, type SubmittedWorkload } from '../../src/binding/submit-workload.js'
import { createRuntimeClient } from '../../src/runtime/client.js'
import type { SandboxHandle } from '../../src/sandbox/sandbox.js'
import { signingSettings } from '../../src/settings/signing.js'
import { REPO_ROOT } from './cli.js'

export const tmpDir = (prefix = 'qprov-ip-') => mkdtempSync(join(tmpdir(), prefix))

/** A committed git repository holding the given example directories (and nothing else). */
export function gitWorkspace(examples: string[] = ['examples/bell']): string {
  const dir = tmpDir('qprov-ws-')
  for (const e of examples) cpSync(join(REPO_ROOT, e), join(dir, e), { recursive: true })
  commitAll(dir, 'workload')
  return dir
}

export function commitAll(dir: string, message: string): void {
  const git = (...args: string[]) =>
    execFileSync(
      'git',
      [
        '-c',
        'user.name=T',
        '-c',
        'user.email=t@example.com',
        '-c',
        'commit.gpgsign=false',
        ...args
      ],
      { cwd: dir, stdio: 'pipe' }
    )
  git('init', '-q', '-b', 'main')
  git('add', '-A')
  git('commit', '-q', '--allow-empty', '-m', message)
}

/** `submit` with attestation, in this process, against a running sandbox (Sigstore + emulator). */
export function submitInProcess(
  sb: SandboxHandle,
  ws: string,
  workload: string[],
  outDir: string = join(tmpDir(), 'out')
): Promise<SubmittedWorkload> {
  const { runtimeURL, iamURL, apiKey, instanceCRN } = sb.runtime
  return submitWorkload({
    workload,
    cwd: ws,
    connect: () => ({
      api: createRuntimeClient({ runtimeURL, iamURL, apiKey, instanceCRN }),
      instanceCRN,
      runtimeURL
    }),
    attest: {
      signing: () => signingSettings({ sandbox: sb.dir }),
      receipt: { from: 'git', commit: 'HEAD' }
    },
    outDir,
    hint: id => `re-bind ${id}`,
    env: {}
  })
}
