export async function runReceiptBench(): Promise<void> {}
