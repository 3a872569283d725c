export async function runDigestBench(): Promise<void> {}
