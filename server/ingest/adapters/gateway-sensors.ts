// The gateways and the sensors behind them, for adapters whose login is a
// gateway that reports for many devices (Zigbee2MQTT): a gateway by its
// external id (registered, not revoked, of kind `gateway` or not), and its
// sensor by the gateway's name for it, registered on first sight when asked
// to. Cached like the source registry and dropped on the same notification;
// misses are cached briefly, so a flood from unknown names costs no queries.
import type { Sql } from "postgres";
import {
  registerGatewaySensor,
  type Gateway,
  type GatewaySensor,
} from "../../services/devices/register-gateway-sensor";

export type GatewayLogin = Gateway & { isGateway: boolean };

export type GatewaySensors = {
  gatewayOf: (externalId: string) => Promise<GatewayLogin | null>;
  /** The sensor's id, registering it when `register` is set; null for a name not seen and not registered. */
  sensorOf: (gateway: Gateway, name: string, options: { register: boolean }) => Promise<GatewaySensor | null>;
  invalidate: (externalId: string) => void;
};

type Entry<T> = { value: T; expiresAt: number };

export function createGatewaySensors({
  sql,
  ttlMs = 5 * 60_000,
  missTtlMs = 5_000,
  maxEntries = 100_000,
}: {
  sql: Sql;
  ttlMs?: number;
  missTtlMs?: number;
  maxEntries?: number;
}): GatewaySensors {
  const gateways = new Map<string, Entry<GatewayLogin | null>>();
  const sensors = new Map<string, Entry<GatewaySensor | null>>();

  function remember<T>(cache: Map<string, Entry<T>>, key: string, value: T, hit: boolean): T {
    if (cache.size >= maxEntries) cache.clear();
    cache.set(key, { value, expiresAt: Date.now() + (hit ? ttlMs : missTtlMs) });
    return value;
  }

  return {
    async gatewayOf(externalId) {
      const cached = gateways.get(externalId);
      if (cached && cached.expiresAt > Date.now()) return cached.value;
      const [row] = await sql<GatewayLogin[]>`
        select id as "deviceId", tenant_id as "tenantId", external_id as "externalId", site_id as "siteId",
               kind = 'gateway' as "isGateway"
        from devices where external_id = ${externalId} and revoked_at is null`;
      return remember(gateways, externalId, row ?? null, row !== undefined);
    },
    async sensorOf(gateway, name, { register }) {
      const key = `${gateway.deviceId}\n${name}`;
      const cached = sensors.get(key);
      if (cached && cached.expiresAt > Date.now() && (cached.value || !register)) return cached.value;
      // Looked up without a lock first: registering takes the gateway's row lock, needed only the first time.
      const [row] = await sql<{ externalId: string; panicActions: string[] }[]>`
        select external_id as "externalId", panic_actions as "panicActions"
        from devices where gateway_id = ${gateway.deviceId} and gateway_address = ${name}`;
      if (row || !register) return remember(sensors, key, row ? { ...row, created: false } : null, row !== undefined);
      const sensor = await registerGatewaySensor(sql, gateway, name);
      return remember(sensors, key, sensor, "externalId" in sensor);
    },
    invalidate(externalId) {
      gateways.delete(externalId);
      // A sensor's change names the sensor, not the gateway and name it is cached under: rare, so start afresh.
      sensors.clear();
    },
  };
}
