import {
  DSSEBundleBuilder,
  FulcioSigner,
  RekorWitness,
  TSAWitness,
  type Witness
} from '@sigstore/sign'
import { RekorV2Witness } from './rekor-v2.js'
import type { SigningEndpoints } from './signing-types.js'

/** sigstore-js's own defaults for Fulcio, Rekor v1 and the TSA: 5 s per try, two retries. */
const FETCH_OPTIONS = { timeout: 5000, retry: { retries: 2 } } as const

/**
 * The DSSE bundle builder for one signature, from @sigstore/sign's parts: a Fulcio signer holding
 * an ephemeral key, then one witness per service (the Rekor entry, the RFC 3161 timestamp), each
 * testifying to the signature. A Rekor v2 shard gets qprov's own witness (rekor-v2.ts). The bundle is v0.3 with the leaf certificate only, as
 * sigstore-js's attest() builds it, but without the TUF client attest() brings along.
 */
export function dsseBundleBuilder(endpoints: SigningEndpoints, token: string): DSSEBundleBuilder {
  const signer = new FulcioSigner({
    fulcioBaseURL: endpoints.fulcioURL,
    identityProvider: { getToken: () => Promise.resolve(token) },
    ...FETCH_OPTIONS
  })
  const witnesses: Witness[] = []
  if (endpoints.rekorURL && endpoints.rekorVersion === 2)
    witnesses.push(new RekorV2Witness({ baseURL: endpoints.rekorURL }))
  else if (endpoints.rekorURL)
    witnesses.push(
      new RekorWitness({
        rekorBaseURL: endpoints.rekorURL,
        entryType: 'dsse',
        // A retried POST whose first answer was lost meets 409: take the entry the log holds.
        fetchOnConflict: true,
        ...FETCH_OPTIONS
      })
    )
  if (endpoints.tsaURL)
    witnesses.push(new TSAWitness({ tsaBaseURL: endpoints.tsaURL, ...FETCH_OPTIONS }))
  return new DSSEBundleBuilder({ signer, witnesses, certificateChain: false })
}
