// The pieces of the cross-tenant matrix (matrix.ts) its parts share: what
// tenant A owns, one call and its acceptable answers, and the call builders.
import type { ContactDto, EscalationPolicyDto } from "@/server/contracts/notifications";
import { uniqueId, type DeviceResponse, type GuardResponse } from "@/test/harness/api-client";

/** Everything tenant A owns that the matrix aims at. */
export type TenantA = {
  guard: GuardResponse;
  site: { id: string; name: string };
  /** A checkpoint of A's site (its code is a secret: a scan of it from B must count for nothing) and a tour of it. */
  checkpoint: { id: string; code: string };
  tour: { id: string; name: string };
  phone: DeviceResponse;
  sensor: DeviceResponse;
  alertId: string;
  commandId: string;
  contact: ContactDto;
  policy: EscalationPolicyDto;
  quarantineId: number;
  /** A's admin (the installation's super-admin) as a row of /api/v1/users. */
  adminUserId: string;
  trainingRunId: string;
  modelId: string;
  lat: string;
  lon: string;
  markers: { command: string; config: string; quarantine: string; telemetry: string; ruleType: string };
};

/** One call of the matrix. `idRoute`: it names one of A's rows, so 2xx is a failure. */
export type Call = { path: string; body?: unknown; ok: readonly number[]; idRoute: boolean; freshToken?: boolean };

export const DENIED = [401, 403, 404, 409, 422] as const;
export const LIST_OK = [200, 403] as const;

export const deviceIds = (a: TenantA) => [a.phone.externalId, a.sensor.externalId];
export const onDevices = (a: TenantA, suffix: string, body?: unknown): Call[] =>
  deviceIds(a).map((id) => ({ path: `/api/v1/devices/${id}${suffix}`, body, ok: DENIED, idRoute: true }));
export const onAlert = (a: TenantA, suffix: string, body?: unknown): Call[] => [
  { path: `/api/v1/alerts/${a.alertId}${suffix}`, body, ok: DENIED, idRoute: true },
];
export const pushBody = () => ({
  endpoint: `https://push.example.com/${uniqueId("b")}`,
  keys: { p256dh: "BPcMbnWQL5GOYX_5S6SrLAI_FPNyvV8jB3RkzbmL-Slw", auth: "4vQK-SvRAN5eo-8ASlrwA" },
});
export const list = (route: string): Call[] => [{ path: route, ok: LIST_OK, idRoute: false }];

export const reportCalls = (name: string, a: TenantA): Call[] => {
  const today = new Date().toISOString().slice(0, 10);
  const range = `from=${today.slice(0, 4)}-01-01&to=${today}`;
  return [
    { path: `/api/v1/reports/${name}?${range}`, ok: [200, 403], idRoute: false },
    { path: `/api/v1/reports/${name}?${range}&format=csv&guardId=${a.guard.id}`, ok: [200, 403], idRoute: false },
  ];
};
