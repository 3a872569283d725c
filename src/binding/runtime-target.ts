import type { RuntimeApi } from '../runtime/client.js'

/** A connected Runtime client and where it points (for runtime-job.json). */
export interface RuntimeTarget {
  api: RuntimeApi
  instanceCRN: string
  runtimeURL: string
}

/** Builds the client; called by the orchestration at the moment it first needs the service. */
export type Connect = () => RuntimeTarget

/** What to tell the user when a job exists but is not bound, e.g. the re-tag command. */
export type RebindHint = (jobId: string, instanceCRN: string) => string
