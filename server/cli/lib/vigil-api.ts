// Shared by the simulate, verify and health commands: the common flags, a
// small /api/v1 client, login, demo-device registration and /metrics parsing.
import { randomBytes } from "node:crypto";
import { getEnv } from "../../env";

/** opsUrl serves /readyz and /metrics: METRICS_PORT when set (the web port has them only with OPS_ON_WEB_PORT). */
export type Target = { url: string; mqttUrl: string; opsUrl: string };

export const targetOptions = {
  url: { type: "string" },
  "mqtt-url": { type: "string" },
  "ops-url": { type: "string" },
  token: { type: "string" },
} as const;

export function resolveTarget(values: { url?: string; "mqtt-url"?: string; "ops-url"?: string }): Target {
  const env = getEnv();
  const url = (values.url ?? env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/$/, "");
  const metricsPort = env.METRICS_PORT === undefined ? undefined : `http://localhost:${env.METRICS_PORT}`;
  return {
    url,
    opsUrl: (values["ops-url"] ?? metricsPort ?? url).replace(/\/$/, ""),
    mqttUrl: values["mqtt-url"] ?? env.MQTT_URL ?? `mqtt://localhost:${env.MQTT_PORT}`,
  };
}

export type ApiResult<T> = { status: number; body: T };

export async function api<T = unknown>(
  baseUrl: string,
  route: string,
  { method = "GET", token, body }: { method?: string; token?: string; body?: unknown } = {},
): Promise<ApiResult<T>> {
  const target = new URL(route, baseUrl);
  const response = await fetch(target, {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  }).catch((error: Error & { cause?: { code?: string; message?: string } }) => {
    throw new Error(`${method} ${target.href}: ${error.cause?.code ?? error.cause?.message ?? error.message}`);
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (metrics): keep the text
  }
  return { status: response.status, body: parsed as T };
}

/** A bearer token: --token, else a login with ADMIN_EMAIL and ADMIN_PASSWORD. */
export async function logIn(url: string, token?: string): Promise<string> {
  if (token) return token;
  const env = getEnv();
  if (!env.ADMIN_PASSWORD) throw new Error("set ADMIN_PASSWORD (and ADMIN_EMAIL) or pass --token");
  const response = await api<{ token: string }>(url, "/api/v1/sessions", {
    method: "POST",
    body: { email: env.ADMIN_EMAIL, password: env.ADMIN_PASSWORD },
  });
  if (response.status !== 201) throw new Error(`login as ${env.ADMIN_EMAIL} failed: HTTP ${response.status}`);
  return response.body.token;
}

export type DeviceKind = "guard-phone" | "sensor" | "panic-button" | "gateway";
export type Credentials = { username: string; password: string };

/** A guard, created unless it exists (409). */
export async function ensureGuard(url: string, token: string, externalId: string, name: string): Promise<void> {
  const response = await api(url, "/api/v1/guards", { method: "POST", token, body: { externalId, name } });
  if (response.status !== 201 && response.status !== 409)
    throw new Error(`create guard ${externalId}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
}

/** A device and its MQTT credentials: registered, or on a re-run (409) given a new password. */
/** A device's MQTT login and its tracking key (the OsmAnd protocol's id), as registration or rotation shows them. */
export type Registered = Credentials & { trackingKey: string };

export async function ensureDevice(
  url: string,
  token: string,
  device: { externalId: string; kind: DeviceKind; name?: string; guardExternalId?: string },
): Promise<Registered> {
  type Answer = { mqtt: Credentials; trackingKey: string };
  const created = await api<Answer>(url, "/api/v1/devices", { method: "POST", token, body: device });
  if (created.status === 201) return { ...created.body.mqtt, trackingKey: created.body.trackingKey };
  if (created.status !== 409)
    throw new Error(`register ${device.externalId}: HTTP ${created.status} ${JSON.stringify(created.body)}`);
  const rotated = await api<Answer>(url, `/api/v1/devices/${encodeURIComponent(device.externalId)}/credentials`, {
    method: "POST",
    token,
  });
  if (rotated.status !== 201)
    throw new Error(
      `rotate credentials of ${device.externalId}: HTTP ${rotated.status} ${JSON.stringify(rotated.body)}`,
    );
  return { ...rotated.body.mqtt, trackingKey: rotated.body.trackingKey };
}

/** A site with one circular fence, created unless one of that name exists; returns its id. */
export async function ensureSite(
  url: string,
  token: string,
  site: { name: string; center: [lon: number, lat: number]; radiusM: number },
): Promise<string> {
  const listed = await api<{ id: string; name: string }[]>(url, "/api/v1/sites", { token });
  const found = listed.body.find?.((s) => s.name === site.name);
  if (found) return found.id;
  const created = await api<{ id: string }>(url, "/api/v1/sites", {
    method: "POST",
    token,
    body: {
      name: site.name,
      timezone: "Asia/Kolkata",
      geofences: [{ name: "perimeter", circle: { center: site.center, radiusM: site.radiusM }, bufferM: 20 }],
    },
  });
  if (created.status !== 201) throw new Error(`create site: HTTP ${created.status} ${JSON.stringify(created.body)}`);
  return created.body.id;
}

/** Assigns the guard to the site, always on shift. */
export async function assignGuard(url: string, token: string, guardExternalId: string, siteId: string): Promise<void> {
  const response = await api(url, `/api/v1/guards/${encodeURIComponent(guardExternalId)}/assignments`, {
    method: "POST",
    token,
    body: { siteId },
  });
  if (response.status !== 201)
    throw new Error(`assign ${guardExternalId}: HTTP ${response.status} ${JSON.stringify(response.body)}`);
}

/** Sum of a Prometheus metric's samples whose labels include all of `labels`. */
export function metricSum(text: string, name: string, labels: Record<string, string> = {}): number {
  let sum = 0;
  for (const line of text.split("\n")) {
    if (!line.startsWith(name)) continue;
    const match = /^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)/.exec(line);
    if (!match || match[1] !== name) continue;
    const set = match[2] ?? "";
    if (Object.entries(labels).every(([k, v]) => set.includes(`${k}="${v}"`))) sum += Number(match[3]);
  }
  return sum;
}

export function msgId(): string {
  return randomBytes(8).toString("hex");
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
