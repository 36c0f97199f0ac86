// Thin HTTP helpers for /api/v1: JSON in and out, bearer token optional.
import { randomBytes } from "node:crypto";

export type ApiResponse<T = unknown> = { status: number; body: T; headers: Headers };

export type ApiError = { error: { code: string; message: string; issues?: { path: string; message: string }[] } };

export async function api<T = unknown>(
  baseUrl: string,
  route: string,
  {
    method = "GET",
    token,
    body,
    headers = {},
  }: { method?: string; token?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<ApiResponse<T>> {
  const response = await fetch(new URL(route, baseUrl), {
    method,
    headers: {
      ...(body === undefined ? {} : { "content-type": "application/json" }),
      ...(token ? { authorization: `Bearer ${token}` } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON (metrics, HTML): keep the text
  }
  return { status: response.status, body: parsed as T, headers: response.headers };
}

/** Unique external ids per test, so rows never collide. */
export function uniqueId(prefix: string): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export async function logIn(baseUrl: string, credentials: { email: string; password: string }): Promise<string> {
  const response = await api<{ token: string }>(baseUrl, "/api/v1/sessions", { method: "POST", body: credentials });
  if (response.status !== 201) throw new Error(`login failed: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body.token;
}

export type GuardResponse = { id: string; externalId: string; name: string };

export async function createGuard(
  baseUrl: string,
  token: string,
  { externalId = uniqueId("guard"), name = "Test Guard" }: { externalId?: string; name?: string } = {},
): Promise<GuardResponse> {
  const response = await api<GuardResponse>(baseUrl, "/api/v1/guards", {
    method: "POST",
    token,
    body: { externalId, name },
  });
  if (response.status !== 201) throw new Error(`create guard: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

export type DeviceResponse = {
  id: string;
  externalId: string;
  guardExternalId: string | null;
  mqtt: { username: string; password: string };
};

export async function createDevice(
  baseUrl: string,
  token: string,
  {
    externalId = uniqueId("phone"),
    guardExternalId,
    kind = "guard-phone",
  }: { externalId?: string; guardExternalId?: string; kind?: "guard-phone" | "sensor" | "panic-button" | "gateway" },
): Promise<DeviceResponse> {
  const response = await api<DeviceResponse>(baseUrl, "/api/v1/devices", {
    method: "POST",
    token,
    body: { externalId, kind, guardExternalId },
  });
  if (response.status !== 201) throw new Error(`create device: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A guard with its phone: what a GPS test needs. */
export async function createGuardWithPhone(
  baseUrl: string,
  token: string,
): Promise<{ guard: GuardResponse; device: DeviceResponse }> {
  const guard = await createGuard(baseUrl, token);
  const device = await createDevice(baseUrl, token, { guardExternalId: guard.externalId });
  return { guard, device };
}
