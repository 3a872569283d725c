/**
 * IBM Cloud IAM and Qiskit Runtime /api/v1 over raw fetch, as IBM documents them. The Runtime
 * emulator is the oracle the client is tested against, so the tests that check the emulator must
 * not go through qprov's client code: this module imports nothing from src/.
 */
import { expect } from 'vitest'

// Response bodies are whatever the emulator sent; the assertions check their shape.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any

/** Where a running emulator listens and what it accepts (a RuntimeEmulatorHandle fits). */
interface IbmEndpoints {
  iamURL: string
  apiKey: string
  runtimeURL: string
  instanceCRN: string
}

export interface RuntimeConn {
  runtimeURL: string
  token: string
  crn: string
  /** Added to the documented headers; `undefined` leaves one out. */
  headers?: Record<string, string | undefined>
}

/** POST /identity/token with the API-key grant, the response unread. */
export function requestIamToken(iamURL: string, apiKey: string): Promise<Response> {
  return fetch(`${iamURL}/identity/token`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'urn:ibm:params:oauth:grant-type:apikey',
      apikey: apiKey
    }).toString()
  })
}

async function iamToken(iamURL: string, apiKey: string): Promise<string> {
  const res = await requestIamToken(iamURL, apiKey)
  if (res.status !== 200) throw new Error(`IAM answered ${res.status}: ${await res.text()}`)
  return ((await res.json()) as { access_token: string }).access_token
}

/** A token from the emulator's IAM and what a Runtime call needs besides. */
export async function connectRaw(
  ibm: IbmEndpoints,
  headers?: RuntimeConn['headers']
): Promise<RuntimeConn> {
  const token = await iamToken(ibm.iamURL, ibm.apiKey)
  return { runtimeURL: ibm.runtimeURL, token, crn: ibm.instanceCRN, headers }
}

export function runtimeHeaders(c: RuntimeConn): Record<string, string> {
  const h: Record<string, string | undefined> = {
    Authorization: `Bearer ${c.token}`,
    'Service-CRN': c.crn,
    'IBM-API-Version': '2026-04-15',
    'Content-Type': 'application/json',
    ...c.headers
  }
  return Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<
    string,
    string
  >
}

/** One Runtime call; `json` is the parsed body, undefined when the body is empty. */
export async function rawRuntimeCall(c: RuntimeConn, method: string, path: string, body?: unknown) {
  const res = await fetch(`${c.runtimeURL}${path}`, {
    method,
    headers: runtimeHeaders(c),
    body: body === undefined ? undefined : JSON.stringify(body)
  })
  const text = await res.text()
  return {
    status: res.status,
    headers: res.headers,
    text,
    json: (text ? JSON.parse(text) : undefined) as Json
  }
}

/** Creates a job (expecting 200) and reads it until it leaves Queued/Running, at most 4 times. */
export async function runJob(c: RuntimeConn, body: Record<string, unknown>) {
  const created = await rawRuntimeCall(c, 'POST', '/jobs', body)
  expect(created.status, JSON.stringify(created.json)).toBe(200)
  let job: Json
  for (let i = 0; i < 4; i++) {
    job = (await rawRuntimeCall(c, 'GET', `/jobs/${created.json.id}`)).json
    if (!['Queued', 'Running'].includes(job.state.status)) break
  }
  return { id: created.json.id as string, job }
}
