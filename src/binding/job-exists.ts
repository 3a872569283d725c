import { QprovError, oneLine } from '../errors.js'

/**
 * The one wrapper for a failure that leaves a Runtime job behind: the error keeps its code and
 * cause, and gains the job's ID (message and details.jobId) and how to bind it. Without an ID (a
 * lost create answer whose job was not found again) it says how to bind the job once found.
 */
export function jobExistsError(
  e: unknown,
  jobId: string | undefined,
  hint: (jobId: string) => string
): QprovError {
  const q = e instanceof QprovError ? e : new QprovError('INTERNAL', oneLine(e))
  const message =
    jobId === undefined
      ? `${oneLine(q)}; once found, ${hint('JOB_ID')} (JOB_ID being its ID)`
      : `${oneLine(q)}. Job ${jobId} exists; ${hint(jobId)}`
  return new QprovError(q.code, message, {
    cause: e,
    details: jobId === undefined ? q.details : { ...q.details, jobId }
  })
}
