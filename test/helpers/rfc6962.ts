import { createHash } from 'node:crypto'

/** RFC 6962 / 9162 Merkle computations written from the RFC, shared by tests, never by src/. */
export const sha256 = (...parts: Buffer[]): Buffer => {
  const h = createHash('sha256')
  for (const p of parts) h.update(p)
  return h.digest()
}
export const leafHash = (body: Buffer) => sha256(Buffer.from([0]), body)
export const nodeHash = (l: Buffer, r: Buffer) => sha256(Buffer.from([1]), l, r)

/** MTH over leaf hashes. */
export function treeHash(leaves: Buffer[]): Buffer {
  if (leaves.length === 1) return leaves[0] as Buffer
  let k = 1
  while (k << 1 < leaves.length) k <<= 1
  return nodeHash(treeHash(leaves.slice(0, k)), treeHash(leaves.slice(k)))
}

/** RFC 9162 section 2.1.3.2: the root an inclusion path leads to. */
export function rootFromPath(index: number, size: number, leaf: Buffer, path: Buffer[]): Buffer {
  let fn = index
  let sn = size - 1
  let r = leaf
  for (const p of path) {
    if (sn === 0) throw new Error('path too long')
    if (fn % 2 === 1 || fn === sn) {
      r = nodeHash(p, r)
      while (fn % 2 === 0 && fn !== 0) {
        fn >>= 1
        sn >>= 1
      }
    } else r = nodeHash(r, p)
    fn >>= 1
    sn >>= 1
  }
  if (sn !== 0) throw new Error('path too short')
  return r
}
