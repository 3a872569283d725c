import { createHash } from 'node:crypto'
import type { TransparencyLogEntry } from '@sigstore/bundle'
import { dsse, pem } from '@sigstore/core'
import { TransparencyLogEntry as TlogEntryJSON } from '@sigstore/protobuf-specs'
import { InternalError, type SignatureBundle, type Witness } from '@sigstore/sign'

/**
 * Rekor v2 answers once the entry is sequenced and its checkpoint signed (witnessed, in time),
 * which takes seconds: Sigstore's clients wait at least 20 s where v1 gets 5 s.
 */
export const REKOR_V2_TIMEOUT_MS = 20_000
const RETRIES = 2
const RETRYABLE = (status: number) => status === 408 || status === 429 || status >= 500

interface RekorV2Options {
  baseURL: string
  timeoutMs?: number
  retries?: number
  /** Milliseconds before retry n (1-based); default 1 s, then 2 s. */
  backoff?: (n: number) => number
}

/** A v2 log refused the request; `logIndex` is set on 409, where the log already holds the entry. */
class RekorV2Error extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly logIndex?: string
  ) {
    super(`(${status}) ${message}`)
  }
}

/**
 * The request body of POST /api/v2/log/entries for one signature. Rekor v2 has no dsse type: a
 * DSSE envelope is logged as a hashedrekord 0.0.2 over sha256(PAE(payloadType, payload)), the
 * bytes its signature covers, with the signing certificate as verifier.
 */
export function hashedRekordRequest(content: SignatureBundle, certificatePEM: string): object {
  const [digest, signature] =
    content.$case === 'dsseEnvelope'
      ? [
          createHash('sha256')
            .update(
              dsse.preAuthEncoding(content.dsseEnvelope.payloadType, content.dsseEnvelope.payload)
            )
            .digest(),
          content.dsseEnvelope.signatures[0]?.sig
        ]
      : [content.messageSignature.messageDigest?.digest, content.messageSignature.signature]
  if (digest === undefined || signature === undefined)
    throw new Error('nothing to log: the signature or its digest is missing')
  return {
    hashedRekordRequestV002: {
      digest: Buffer.from(digest).toString('base64'),
      signature: {
        content: Buffer.from(signature).toString('base64'),
        verifier: {
          keyDetails: 'PKIX_ECDSA_P256_SHA_256',
          x509Certificate: { rawBytes: pem.toDER(certificatePEM).toString('base64') }
        }
      }
    }
  }
}

/** One Rekor v2 shard: POST an entry, get back the TransparencyLogEntry for the bundle. */
export class RekorV2Log {
  constructor(private readonly opts: RekorV2Options) {}

  async createEntry(request: object): Promise<TransparencyLogEntry> {
    const url = `${this.opts.baseURL.replace(/\/+$/, '')}/api/v2/log/entries`
    const retries = this.opts.retries ?? RETRIES
    for (let attempt = 0; ; attempt++) {
      let res: Response
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', accept: 'application/json' },
          body: JSON.stringify(request),
          signal: AbortSignal.timeout(this.opts.timeoutMs ?? REKOR_V2_TIMEOUT_MS)
        })
      } catch (e) {
        if (attempt < retries) {
          await this.pause(attempt + 1)
          continue
        }
        throw e
      }
      const text = await res.text()
      if (res.ok) return parseEntry(text)
      if (RETRYABLE(res.status) && attempt < retries) {
        await this.pause(attempt + 1)
        continue
      }
      throw new RekorV2Error(
        res.status,
        messageOf(text) ?? res.statusText,
        res.status === 409 ? (res.headers.get('x-log-index') ?? undefined) : undefined
      )
    }
  }

  private pause(n: number): Promise<void> {
    const ms = this.opts.backoff?.(n) ?? 1000 * 2 ** (n - 1)
    return new Promise(resolve => setTimeout(resolve, ms))
  }
}

function messageOf(text: string): string | undefined {
  try {
    const m = (JSON.parse(text) as { message?: unknown }).message
    return typeof m === 'string' ? m : undefined
  } catch {
    return undefined
  }
}

function parseEntry(text: string): TransparencyLogEntry {
  const entry = TlogEntryJSON.fromJSON(JSON.parse(text))
  const kind = entry.kindVersion
  if (entry.logId === undefined || kind === undefined || entry.inclusionProof === undefined)
    throw new Error('the log answered an entry without logId, kindVersion or inclusionProof')
  if (kind.kind !== 'hashedrekord' || kind.version !== '0.0.2')
    throw new Error(`the log answered a ${kind.kind} ${kind.version} entry, not hashedrekord 0.0.2`)
  return entry as TransparencyLogEntry
}

/** @sigstore/sign's Witness for a v2 shard, in place of its RekorWitness (which still sends dsse). */
export class RekorV2Witness implements Witness {
  private readonly log: RekorV2Log

  constructor(opts: RekorV2Options) {
    this.log = new RekorV2Log(opts)
  }

  async testify(
    content: SignatureBundle,
    certificatePEM: string
  ): Promise<{ tlogEntries: TransparencyLogEntry[] }> {
    try {
      return {
        tlogEntries: [await this.log.createEntry(hashedRekordRequest(content, certificatePEM))]
      }
    } catch (e) {
      // v2 names a duplicate only by index; rebuilding its proof needs the shard's tiles and its
      // key from a trusted root. A duplicate means a retried write whose first answer was lost:
      // a new run signs with a new key, so it logs a new entry.
      const dup = e instanceof RekorV2Error && e.status === 409
      throw new InternalError({
        code: 'TLOG_CREATE_ENTRY_ERROR',
        message: dup
          ? `the Rekor v2 log already holds this signature at index ${e.logIndex ?? '?'} ` +
            '(an earlier answer was lost); run the command again to sign anew'
          : `error creating Rekor v2 entry: ${(e as Error).message}`,
        cause: e
      })
    }
  }
}
