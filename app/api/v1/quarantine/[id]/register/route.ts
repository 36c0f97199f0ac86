// POST /api/v1/quarantine/:id/register {kind, name?} - register the unknown device behind a quarantined message.
import { z } from "zod";
import { registerQuarantinedInput } from "@/server/contracts/quarantine";
import { apiRoute, json } from "@/server/http/api-route";
import { registerQuarantinedDevice } from "@/server/services/devices/register-quarantined-device";

export const POST = apiRoute(
  {
    route: "/api/v1/quarantine/:id/register",
    roles: ["admin"],
    params: z.object({ id: z.coerce.number().int().positive() }),
    body: registerQuarantinedInput,
  },
  async ({ actor, params, body, runtime }) =>
    json(
      await registerQuarantinedDevice(
        runtime.db,
        actor,
        { quarantineId: params.id, ...body },
        { serviceUsername: runtime.env.MQTT_USERNAME },
      ),
      201,
    ),
);
