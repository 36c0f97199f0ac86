// POST /api/v1/quarantine/:id/register {kind, name?} - register the unknown device behind a quarantined message.
import { z } from "zod";
import { deviceKinds } from "@/server/contracts/api";
import { apiRoute, json } from "@/server/http/api-route";
import { registerQuarantinedDevice } from "@/server/services/devices/register-quarantined-device";

export const POST = apiRoute(
  {
    route: "/api/v1/quarantine/:id/register",
    roles: ["admin"],
    params: z.object({ id: z.coerce.number().int().positive() }),
    body: z.object({ kind: z.enum(deviceKinds).default("sensor"), name: z.string().trim().min(1).max(200).optional() }),
  },
  async ({ actor, params, body, runtime }) =>
    json(await registerQuarantinedDevice(runtime.db, actor, { quarantineId: params.id, ...body }), 201),
);
