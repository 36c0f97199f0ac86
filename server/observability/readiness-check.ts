/** A check's outcome with figures for `npm run health` (problem null when healthy). */
type ReadinessResult = { problem: string | null; detail: Record<string, unknown> };

/** One named check of /readyz: resolves to null when healthy, else the problem (with figures, optionally). */
export type ReadinessCheck = () => Promise<string | null | ReadinessResult>;
