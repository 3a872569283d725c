import { mkdtempSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { sandboxRuntime, sandboxSigning } from '../../src/settings/sandbox.js'
import { startSandbox } from '../../src/sandbox/sandbox.js'

describe('startSandbox', () => {
  it('writes a private sandbox.json that the CLI sandbox reader accepts, and stops every service on close', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'qprov-sb-')), 'nested')
    const sb = await startSandbox({ dir })
    let closed = false
    try {
      const cfg = { ...sandboxSigning(dir), ...sandboxRuntime(dir) }
      expect({ ...cfg, file: undefined }).toEqual({ ...sb.config, file: undefined })
      expect(cfg.trustedRoot).toBe(join(dir, 'trusted_root.json'))
      expect(statSync(join(dir, 'sandbox.json')).mode & 0o077).toBe(0)
      expect(cfg.runtimeURL && cfg.iamURL && cfg.apiKey && cfg.instanceCRN).toBeTruthy()
      const token = await fetch(`${cfg.actionsIdTokenRequestURL}&audience=sigstore`, {
        headers: { authorization: `Bearer ${cfg.actionsIdTokenRequestToken}` }
      })
      expect(token.status).toBe(200)
      await sb.close()
      closed = true
      await expect(fetch(cfg.actionsIdTokenRequestURL)).rejects.toThrow()
      await expect(fetch(String(cfg.runtimeURL))).rejects.toThrow()
    } finally {
      if (!closed) await sb.close()
    }
  })
})
