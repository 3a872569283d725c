/** Placeholder; implemented by the offline verification work. */
export {}
