import { QprovError } from '../errors.js'

/** The parts of an IBM Cloud instance CRN that decide where and how qprov talks to Runtime. */
export interface InstanceCrn {
  crn: string
  /** `bluemix` in production, `staging` on the test cloud. */
  cname: string
  ctype: string
  location: string
  accountId: string
  instanceId: string
}

// crn:v1:<cname>:<ctype>:quantum-computing:<location>:a/<account>:<instance>::
const CRN_SHAPE =
  /^crn:v1:([a-z][a-z0-9-]{0,31}):([a-z][a-z0-9-]{0,31}):quantum-computing:([a-z][a-z0-9-]{0,31}):a\/([A-Za-z0-9-]{1,64}):([A-Za-z0-9-]{1,64})::$/

/** The official client only checks the `crn:` prefix; a typo there would send jobs nowhere useful. */
export function parseInstanceCrn(crn: string): InstanceCrn {
  const m = CRN_SHAPE.exec(crn.trim())
  if (!m)
    throw new QprovError(
      'INPUT_INVALID',
      `not a Qiskit Runtime instance CRN: "${crn}" (expected crn:v1:<cname>:<ctype>:quantum-computing:<region>:a/<account>:<instance>::)`
    )
  return {
    crn: crn.trim(),
    cname: m[1],
    ctype: m[2],
    location: m[3],
    accountId: m[4],
    instanceId: m[5]
  }
}

/** us-east is served from the bare host; every other region has its own subdomain. */
export function runtimeBaseURL(crn: InstanceCrn): string {
  if (crn.location === 'us-east') return 'https://quantum.cloud.ibm.com/api/v1'
  return `https://${crn.location}.quantum.cloud.ibm.com/api/v1`
}

/** IAM host for the CRN's cloud: the staging cloud has its own identity service. */
export function iamBaseURL(crn: InstanceCrn): string {
  return crn.cname === 'staging' ? 'https://iam.test.cloud.ibm.com' : 'https://iam.cloud.ibm.com'
}

export function stripTrailingSlash(url: string): string {
  return url.replace(/\/+$/, '')
}
