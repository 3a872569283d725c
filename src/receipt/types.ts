/** Placeholder types; the AIIR kernel work owns and may refine this file. */
export type Receipt = Record<string, unknown>
