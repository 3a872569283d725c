import { createHash, sign, type KeyObject } from 'node:crypto'

/** RFC 8785 (JCS) for JSON data: sorted keys, ES number and string forms. Rekor signs this form. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    const text = JSON.stringify(value) as string | undefined
    if (text === undefined) throw new TypeError(`not JSON: ${typeof value}`)
    return text
  }
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`
  const obj = value as Record<string, unknown>
  const keys = Object.keys(obj)
    .filter(k => obj[k] !== undefined)
    .sort()
  return `{${keys.map(k => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`
}

export interface LogKeyPair {
  publicKey: KeyObject
  privateKey: KeyObject
}

/**
 * The log's signing key: signed entry timestamps (SETs) and checkpoints. The checkpoint is a
 * signed note (transparency-dev/formats log/README.md): origin, size, base64 root, then after a
 * blank line "— <name> <base64(key hint ‖ signature)>", the key hint being the first 4 bytes of
 * the log ID. Verifiers match <name> against the tlog base URL of the trusted root, so it is the
 * host of the Rekor URL, as in Rekor's own "rekor.sigstore.dev - <tree id>" origin.
 */
export class LogSigner {
  /** DER SPKI of the log key. */
  readonly publicKey: Buffer
  /** sha256 of the DER SPKI: Rekor's log ID and the trusted root's logId.keyId. */
  readonly logID: Buffer
  readonly name: string
  readonly origin: string

  constructor(
    rekorURL: string,
    readonly treeID: bigint,
    private readonly keys: LogKeyPair
  ) {
    this.publicKey = keys.publicKey.export({ format: 'der', type: 'spki' })
    this.logID = createHash('sha256').update(this.publicKey).digest()
    this.name = new URL(rekorURL).host
    this.origin = `${this.name} - ${treeID}`
  }

  /** Rekor v1's SET: a signature over the canonical {body, integratedTime, logID, logIndex}. */
  signEntryTimestamp(entry: { body: string; integratedTime: number; logIndex: number }): string {
    const payload = canonicalJson({ ...entry, logID: this.logID.toString('hex') })
    return sign('sha256', Buffer.from(payload), this.keys.privateKey).toString('base64')
  }

  signCheckpoint(treeSize: number, rootHash: Buffer): string {
    const note = `${this.origin}\n${treeSize}\n${rootHash.toString('base64')}\n`
    const signature = sign('sha256', Buffer.from(note), this.keys.privateKey)
    const hinted = Buffer.concat([this.logID.subarray(0, 4), signature]).toString('base64')
    return `${note}\n\u2014 ${this.name} ${hinted}\n`
  }
}
