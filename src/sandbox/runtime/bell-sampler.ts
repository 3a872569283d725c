/** Sampler outcomes that look like a Bell (GHZ) state measured on a noisy device. */

/** Per-bit readout and gate error of the emulated device: most shots read all 0s or all 1s. */
const BIT_FLIP = 0.018

/**
 * One shot of a register of `width` bits: the GHZ-like ideal outcome (all zeros or all ones,
 * equally likely), then each bit flipped independently with a small probability.
 */
export function bellShot(rand: () => number, width: number): bigint {
  const all = (1n << BigInt(width)) - 1n
  let v = rand() < 0.5 ? 0n : all
  for (let b = 0; b < width; b++) if (rand() < BIT_FLIP) v ^= 1n << BigInt(b)
  return v
}

export function hexSample(v: bigint): string {
  return `0x${v.toString(16)}`
}
