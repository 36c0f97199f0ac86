// The ceilings each Vigil figure is read against, measured in the same run:
// the raw broker (publisher to subscriber, QoS 1) and raw PostgreSQL
// multi-row inserts.
import mqtt from "mqtt";
import postgres from "postgres";

export async function brokerCeiling(url: string, count: number): Promise<number> {
  const sub = await mqtt.connectAsync(url, { clientId: `bench-sub-${process.pid}`, clean: true });
  const pub = await mqtt.connectAsync(url, { clientId: `bench-pub-${process.pid}`, clean: true });
  await sub.subscribeAsync("bench/flood", { qos: 1 });
  let received = 0;
  const done = new Promise<void>((resolve) =>
    sub.on("message", () => {
      received += 1;
      if (received === count) resolve();
    }),
  );
  const payload = JSON.stringify({ lat: 12.97, lon: 77.59, accuracy: 8, timestamp: new Date().toISOString() });
  const t0 = performance.now();
  for (let i = 0; i < count; i += 1) pub.publish("bench/flood", payload, { qos: 1 });
  await done;
  const seconds = (performance.now() - t0) / 1000;
  await Promise.all([sub.endAsync(), pub.endAsync()]);
  return count / seconds;
}

export async function postgresCeiling(databaseUrl: string, rows: number, perStatement: number): Promise<number> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  await sql`create temporary table bench_rows (like guard_locations including defaults)`;
  const tenantId = "00000000-0000-0000-0000-000000000000";
  const batch = Array.from({ length: perStatement }, (_, i) => ({
    tenant_id: tenantId,
    guard_id: tenantId,
    recorded_at: new Date(),
    lat: 12.97 + i * 1e-5,
    lon: 77.59,
    accuracy_m: 8,
    msg_id: null,
  }));
  const t0 = performance.now();
  for (let done = 0; done < rows; done += perStatement) await sql`insert into bench_rows ${sql(batch)}`;
  const seconds = (performance.now() - t0) / 1000;
  await sql.end();
  return rows / seconds;
}
