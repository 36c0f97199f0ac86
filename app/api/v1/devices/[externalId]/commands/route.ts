// POST /api/v1/devices/:externalId/commands {type, params, ttlSeconds} - send a command. GET - recent commands and their status.
import { z } from "zod";
import { sendCommandInput } from "@/server/contracts/api";
import { apiRoute, json } from "@/server/http/api-route";
import { listDeviceCommands } from "@/server/presenters/devices/list-device-downlink";
import { sendDeviceCommand } from "@/server/services/commands/send-device-command";

const params = z.object({ externalId: z.string().min(1).max(128) });

export const GET = apiRoute({ route: "/api/v1/devices/:externalId/commands", params }, ({ actor, params, runtime }) =>
  listDeviceCommands(runtime.db, actor, params.externalId),
);

export const POST = apiRoute(
  { route: "/api/v1/devices/:externalId/commands", roles: ["admin", "operator"], params, body: sendCommandInput },
  async ({ actor, params, body, runtime }) => {
    const command = await sendDeviceCommand(runtime.db, actor, params.externalId, body);
    return json({ id: command.id, status: command.status, expiresAt: command.expiresAt.toISOString() }, 201);
  },
);
