// A sensor behind a gateway (a Zigbee2MQTT device), registered by ingest on
// its first message, in the gateway's tenant and at its site: pairing a
// sensor with the gateway is what admits it, and a smoke detector paired
// today must raise its fire alarm today, not once an admin has found it in the
// quarantine. Its id is `{gateway}::{name}` (ids with `::` are Vigil's only),
// its name the gateway's name for it, where commands for it go. It has no
// login of its own. A gateway has at most MAX_SENSORS_PER_GATEWAY sensors, so a
// gateway publishing made-up names cannot fill the registry.
import type { Sql } from "postgres";
import { gatewaySensorId } from "../../contracts/mqtt-identity";
import { hashDeviceSecret, newDeviceSecret } from "../../auth/device-secret";
import { REGISTRY_CHANNEL } from "../registry-changed";

const MAX_SENSORS_PER_GATEWAY = 500;
/**
 * Zigbee2MQTT's availability marks a silent battery sensor offline after 25 hours (a door sensor may report only
 * when opened): liveness waits 3 intervals of 9 hours, so it is the backstop, not a false alarm every night.
 */
const GATEWAY_SENSOR_INTERVAL_S = 9 * 3600;

export type Gateway = { deviceId: string; tenantId: string; externalId: string; siteId: string | null };

/** `panicActions`: the button actions an admin made a panic (none when just registered). */
export type GatewaySensor = { externalId: string; created: boolean; panicActions: string[] } | { refused: string };

export async function registerGatewaySensor(sql: Sql, gateway: Gateway, name: string): Promise<GatewaySensor> {
  const externalId = gatewaySensorId(gateway.externalId, name);
  if (!externalId) return { refused: `gateway id "${gateway.externalId}" leaves no room for its sensors' ids` };
  return sql.begin(async (tx): Promise<GatewaySensor> => {
    // One gateway's sensors are counted and added one at a time, whichever ingest process sees them first.
    const [locked] = await tx`select 1 from devices where id = ${gateway.deviceId} and revoked_at is null for update`;
    if (!locked) return { refused: `gateway "${gateway.externalId}" is not registered` };
    const [existing] = await tx<{ externalId: string; panicActions: string[] }[]>`
      select external_id as "externalId", panic_actions as "panicActions"
      from devices where gateway_id = ${gateway.deviceId} and gateway_address = ${name}`;
    if (existing) return { ...existing, created: false };
    const [count] = await tx<
      { n: number }[]
    >`select count(*)::int as n from devices where gateway_id = ${gateway.deviceId}`;
    if ((count?.n ?? 0) >= MAX_SENSORS_PER_GATEWAY) {
      return { refused: `gateway "${gateway.externalId}" already has ${MAX_SENSORS_PER_GATEWAY} sensors` };
    }
    // Only this path makes `::` ids, under the gateway's lock: taken means taken for good (a deleted gateway's
    // sensor of another tenant, or an id given before `::` was reserved).
    const [taken] = await tx`select 1 from mqtt_identities where external_id = ${externalId}`;
    if (taken) return { refused: `sensor id "${externalId}" is already in use` };
    await tx`
      insert into devices (tenant_id, external_id, kind, name, site_id, secret_hash, gateway_id, gateway_address,
                           expected_interval_s)
      values (${gateway.tenantId}, ${externalId}, 'sensor', ${name.slice(0, 200)}, ${gateway.siteId},
              ${hashDeviceSecret(newDeviceSecret())}, ${gateway.deviceId}, ${name}, ${GATEWAY_SENSOR_INTERVAL_S})`;
    await tx`select pg_notify(${REGISTRY_CHANNEL}, ${externalId})`;
    return { externalId, created: true, panicActions: [] };
  });
}
