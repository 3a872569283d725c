import { describe, expect, it } from 'vitest'
import { iamBaseURL, parseInstanceCrn, runtimeBaseURL } from '../../src/proof/crn.js'

const crn = (cname: string, region: string) =>
  `crn:v1:${cname}:public:quantum-computing:${region}:a/0123456789abcdef0123456789abcdef:6d3f2b1a-1111-2222-3333-444455556666::`

describe('instance CRN', () => {
  it('maps us-east to the bare host and other regions to their subdomain', () => {
    expect(runtimeBaseURL(parseInstanceCrn(crn('bluemix', 'us-east')))).toBe(
      'https://quantum.cloud.ibm.com/api/v1'
    )
    expect(runtimeBaseURL(parseInstanceCrn(crn('bluemix', 'eu-de')))).toBe(
      'https://eu-de.quantum.cloud.ibm.com/api/v1'
    )
  })

  it('uses the test IAM for the staging cloud', () => {
    expect(iamBaseURL(parseInstanceCrn(crn('staging', 'us-east')))).toBe(
      'https://iam.test.cloud.ibm.com'
    )
    expect(iamBaseURL(parseInstanceCrn(crn('bluemix', 'us-east')))).toBe(
      'https://iam.cloud.ibm.com'
    )
  })

  it.each([
    'crn:v1:bluemix:public:quantum-computing:us-east:a/abc:def',
    'crn:v1:bluemix:public:cloud-object-storage:us-east:a/abc:def::',
    'crn:v2:bluemix:public:quantum-computing:us-east:a/abc:def::',
    'crn:v1:bluemix:public:quantum-computing:us-east:abc:def::',
    'hub/group/project'
  ])('rejects the malformed CRN %s', bad => {
    expect(() => parseInstanceCrn(bad)).toThrow(/not a Qiskit Runtime instance CRN/)
  })
})
