// graphile-worker runs lower numbers first: critical alerts' notifications go
// ahead of everything else.
const PRIORITY: Record<string, number> = { critical: -20, high: -10, medium: -5, low: 0, info: 0 };

export function jobPriority(severity: string): number {
  return PRIORITY[severity] ?? 0;
}
