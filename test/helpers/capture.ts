import { vi } from 'vitest'

export interface Captured<T> {
  result: T
  stdout: string
  stderr: string
}

/**
 * Runs fn with process.stdout and process.stderr captured, for in-process tests of the CLI's
 * and the action's output (both write there, the action through @actions/core).
 */
export async function captureOutput<T>(fn: () => Promise<T> | T): Promise<Captured<T>> {
  let stdout = ''
  let stderr = ''
  const text = (chunk: unknown) =>
    typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8')
  const out = vi.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    stdout += text(chunk)
    return true
  })
  const err = vi.spyOn(process.stderr, 'write').mockImplementation(chunk => {
    stderr += text(chunk)
    return true
  })
  const exitCode = process.exitCode
  try {
    const result = await fn()
    return { result, stdout, stderr }
  } finally {
    out.mockRestore()
    err.mockRestore()
    process.exitCode = exitCode
  }
}
