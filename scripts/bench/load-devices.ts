// Simulated guard phones for the load test: registered straight in the
// database (one tenant, a guard each, the same secret for all: the broker's
// login check costs the same), then each on its own MQTT connection with its
// credentials, as in the field.
import { createHash } from "node:crypto";
import mqtt, { type MqttClient } from "mqtt";
import postgres from "postgres";

const SECRET = "load-test-secret-0123456789";

export type Phone = { deviceId: string; guardId: string; client?: MqttClient };

export async function registerPhones(databaseUrl: string, count: number): Promise<Phone[]> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} });
  const [tenant] = await sql<{ id: string }[]>`select id from tenants order by created_at limit 1`;
  const phones = Array.from({ length: count }, (_, i) => ({ deviceId: `load-d-${i}`, guardId: `load-g-${i}` }));
  const secretHash = createHash("sha256").update(SECRET).digest("hex");
  await sql`
    insert into guards (tenant_id, external_id, name)
    select ${tenant!.id}, id, 'Load ' || id from unnest(${phones.map((p) => p.guardId)}::text[]) as id`;
  await sql`
    insert into devices (tenant_id, external_id, kind, name, guard_id, secret_hash, expected_interval_s)
    select ${tenant!.id}, p.device, 'guard-phone', 'Phone ' || p.device, g.id, ${secretHash}, 5
    from unnest(${phones.map((p) => p.deviceId)}::text[], ${phones.map((p) => p.guardId)}::text[]) as p(device, guard)
    join guards g on g.external_id = p.guard`;
  await sql.end();
  return phones;
}

/** Connects a phone, retrying every second until `deadline` (ms since epoch); resolves when connected. */
export async function connectPhone(
  mqttUrl: string,
  phone: Phone,
  onReceipt: (msgId: string) => void,
  deadline: number,
): Promise<void> {
  for (;;) {
    try {
      const client = await mqtt.connectAsync(mqttUrl, {
        clientId: phone.deviceId,
        username: phone.deviceId,
        password: SECRET,
        clean: true,
        reconnectPeriod: 0,
        connectTimeout: 10_000,
      });
      client.on("message", (_topic, payload) => {
        const msgId = (JSON.parse(payload.toString()) as { msg_id?: string }).msg_id;
        if (msgId) onReceipt(msgId);
      });
      client.on("error", () => {});
      await client.subscribeAsync([`device/${phone.deviceId}/receipts`, `guard/${phone.guardId}/receipts`], {
        qos: 1,
      });
      phone.client = client;
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 1000));
    }
  }
}

export function gpsFix(): string {
  return JSON.stringify({
    lat: 12.9716 + (Math.random() - 0.5) * 0.05,
    lon: 77.5946 + (Math.random() - 0.5) * 0.05,
    accuracy: 8,
    timestamp: new Date().toISOString(),
  });
}

export function panic(msgId: string): string {
  return JSON.stringify({
    alert_type: "panic",
    severity: "critical",
    message: "load test",
    location: { lat: 12.97, lon: 77.59 },
    timestamp: new Date().toISOString(),
    msg_id: msgId,
  });
}
