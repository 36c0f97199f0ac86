// Reads one sample of a Prometheus counter from GET /metrics.
export async function readMetric(baseUrl: string, name: string, labels: Record<string, string>): Promise<number> {
  const text = await (await fetch(new URL("/metrics", baseUrl))).text();
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue;
    const labelText = line.slice(name.length + 1, line.indexOf("}"));
    const found = Object.fromEntries(
      [...labelText.matchAll(/(\w+)="([^"]*)"/g)].map((m) => [m[1], m[2]] as [string, string]),
    );
    if (Object.entries(labels).every(([k, v]) => found[k] === v)) return Number(line.slice(line.indexOf("}") + 1));
  }
  return 0;
}
