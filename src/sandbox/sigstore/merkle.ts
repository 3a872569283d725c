import { createHash } from 'node:crypto'

/**
 * An append-only RFC 6962 Merkle tree (section 2.1), as Rekor v1 keeps one per log shard.
 * Written here rather than borrowed from the client so the sandbox stays an independent oracle.
 */
const LEAF_PREFIX = Buffer.from([0x00])
const NODE_PREFIX = Buffer.from([0x01])

export const hashLeaf = (body: Buffer): Buffer =>
  createHash('sha256').update(LEAF_PREFIX).update(body).digest()

export const hashChildren = (left: Buffer, right: Buffer): Buffer =>
  createHash('sha256').update(NODE_PREFIX).update(left).update(right).digest()

/** The largest power of two strictly smaller than n (n >= 2). */
function splitPoint(n: number): number {
  let k = 1
  while (k * 2 < n) k *= 2
  return k
}

export class MerkleTree {
  private readonly leaves: Buffer[] = []

  get size(): number {
    return this.leaves.length
  }

  /** Appends the leaf hash of `body`; returns its index. */
  append(body: Buffer): number {
    this.leaves.push(hashLeaf(body))
    return this.leaves.length - 1
  }

  /** MTH(D[0:size]) of the tree as it was when it held `size` leaves. */
  root(size = this.size): Buffer {
    if (size < 1 || size > this.size) throw new RangeError(`no tree of size ${size}`)
    return this.subtree(0, size)
  }

  /** PATH(index, D[0:size]): sibling hashes from the leaf upwards. */
  inclusionProof(index: number, size = this.size): Buffer[] {
    if (size < 1 || size > this.size) throw new RangeError(`no tree of size ${size}`)
    if (index < 0 || index >= size) throw new RangeError(`index ${index} outside size ${size}`)
    return this.path(index, 0, size)
  }

  /** MTH(D[start:end]); a tile holds these for aligned power-of-two ranges. */
  rangeHash(start: number, end: number): Buffer {
    if (start < 0 || end > this.size || start >= end)
      throw new RangeError(`no range ${start}..${end} in a tree of size ${this.size}`)
    return this.subtree(start, end)
  }

  private subtree(start: number, end: number): Buffer {
    const n = end - start
    if (n === 1) return this.leaves[start] as Buffer
    const k = splitPoint(n)
    return hashChildren(this.subtree(start, start + k), this.subtree(start + k, end))
  }

  private path(index: number, start: number, end: number): Buffer[] {
    const n = end - start
    if (n === 1) return []
    const k = splitPoint(n)
    return index < k
      ? [...this.path(index, start, start + k), this.subtree(start + k, end)]
      : [...this.path(index - k, start + k, end), this.subtree(start, start + k)]
  }
}
