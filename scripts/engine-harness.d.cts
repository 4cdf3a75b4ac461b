export function buildEngineHarness(): Promise<string>;
export function startEngineHarness(): Promise<{ origin: string; dir: string; close: () => Promise<void> }>;
