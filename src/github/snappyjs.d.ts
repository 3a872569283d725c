/** snappyjs 0.7 ships no types: the two functions qprov and its tests use. */
declare module 'snappyjs' {
  export function uncompress<T extends Uint8Array | ArrayBuffer>(
    compressed: T,
    maxLength?: number
  ): T
  export function compress<T extends Uint8Array | ArrayBuffer>(uncompressed: T): T
}
