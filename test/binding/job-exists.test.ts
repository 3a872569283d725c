import { describe, expect, it } from 'vitest'
import { jobExistsError } from '../../src/binding/job-exists.js'
import { QprovError } from '../../src/errors.js'

const rebind = (id: string) => `re-bind it with: qprov tag --job ${id}`

describe('a failure that leaves a job behind', () => {
  it('keeps the code, exit code, details and cause, and names the job and the re-bind command', () => {
    const cause = new QprovError('RUNTIME_TAGS_REJECTED', 'HTTP 400', { details: { status: 400 } })
    const e = jobExistsError(cause, 'j1', rebind)
    expect(e.code).toBe('RUNTIME_TAGS_REJECTED')
    expect(e.exitCode).toBe(1)
    expect(e.message).toBe('HTTP 400. Job j1 exists; re-bind it with: qprov tag --job j1')
    expect(e.details).toEqual({ status: 400, jobId: 'j1' })
    expect(e.cause).toBe(cause)
  })

  it('says how to bind a job whose ID was lost, once found', () => {
    const cause = new QprovError('RUNTIME_TIMEOUT', 'timed out', { details: { recoveryTag: 't' } })
    const e = jobExistsError(cause, undefined, rebind)
    expect(e.message).toBe(
      'timed out; once found, re-bind it with: qprov tag --job JOB_ID (JOB_ID being its ID)'
    )
    expect(e.details).toEqual({ recoveryTag: 't' })
  })

  it('turns a foreign exception into INTERNAL on one line', () => {
    const e = jobExistsError(new Error('boom\nline two'), 'j2', rebind)
    expect(e.code).toBe('INTERNAL')
    expect(e.message).toBe('boom line two. Job j2 exists; re-bind it with: qprov tag --job j2')
  })
})
