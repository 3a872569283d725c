import type { MerkleTree } from './merkle.js'

/**
 * The read side of a tile-backed log (C2SP tlog-tiles): hash tiles and entry bundles, addressed
 * as `tile/<L>/<N>[.p/<W>]` and `tile/entries/<N>[.p/<W>]`. A tile at level L holds up to 256
 * hashes of tree level 8·L; N is written in groups of three digits, all but the last with an
 * "x" prefix (1234067 → x001/x234/067). A partial tile (.p/W) holds the first W of them.
 */
const TILE_WIDTH = 256

export interface TileRef {
  level: number | 'entries'
  index: number
  /** Set for a partial tile: 1..255. */
  width?: number
}

const GROUP = /^x\d{3}$/

/** Parses the path after `tile/`; undefined for anything that is not a canonical tile path. */
export function parseTilePath(path: string): TileRef | undefined {
  const parts = path.split('/')
  const head = parts.shift()
  const level =
    head === 'entries' ? 'entries' : /^(0|[1-9]\d?)$/.test(head ?? '') ? Number(head) : undefined
  if (level === undefined) return undefined
  let width: number | undefined
  const p = parts.indexOf('')
  if (p !== -1) return undefined
  const last = parts[parts.length - 1] ?? ''
  if (parts.length >= 2 && parts[parts.length - 2]?.endsWith('.p')) {
    if (!/^([1-9]\d?|1\d\d|2[0-4]\d|25[0-5])$/.test(last)) return undefined
    width = Number(last)
    parts.pop()
    parts[parts.length - 1] = (parts[parts.length - 1] as string).slice(0, -2)
  }
  const final = parts.pop()
  if (final === undefined || !/^\d{3}$/.test(final) || !parts.every(g => GROUP.test(g)))
    return undefined
  const digits = [...parts.map(g => g.slice(1)), final].join('')
  // Canonical form only: no leading zero group.
  if (parts.length > 0 && (parts[0] as string) === 'x000') return undefined
  const index = Number(digits)
  if (!Number.isSafeInteger(index)) return undefined
  return width === undefined ? { level, index } : { level, index, width }
}

/** How many nodes of tree level `height` a tree of `size` leaves has complete. */
const completeNodes = (size: number, height: number): number => Math.floor(size / 2 ** height)

/** The hashes of one hash tile (concatenated, 32 bytes each), or undefined if the log lacks them. */
export function hashTile(tree: MerkleTree, ref: TileRef): Buffer | undefined {
  if (ref.level === 'entries') return undefined
  const height = 8 * ref.level
  const count = ref.width ?? TILE_WIDTH
  const first = ref.index * TILE_WIDTH
  if (completeNodes(tree.size, height) < first + count) return undefined
  const span = 2 ** height
  const hashes: Buffer[] = []
  for (let i = first; i < first + count; i++) hashes.push(tree.rangeHash(i * span, (i + 1) * span))
  return Buffer.concat(hashes)
}

/** One entry bundle: each logged body with a 2-byte big-endian length before it. */
export function entryBundle(bodies: Buffer[], ref: TileRef): Buffer | undefined {
  if (ref.level !== 'entries') return undefined
  const count = ref.width ?? TILE_WIDTH
  const first = ref.index * TILE_WIDTH
  if (bodies.length < first + count) return undefined
  const out: Buffer[] = []
  for (const body of bodies.slice(first, first + count)) {
    const len = Buffer.alloc(2)
    len.writeUInt16BE(body.length)
    out.push(len, body)
  }
  return Buffer.concat(out)
}
