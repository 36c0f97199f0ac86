// POST /api/v1/devices/:externalId/commands {type, params, ttlSeconds} - send a command. GET - recent commands and their status.
import * as op from "@/server/contracts/operations/devices";
import { apiRoute } from "@/server/http/api-route";
import { listDeviceCommands } from "@/server/presenters/devices/list-device-downlink";
import { sendDeviceCommand } from "@/server/services/commands/send-device-command";

export const GET = apiRoute(op.listDeviceCommands, ({ actor, params, runtime }) =>
  listDeviceCommands(runtime.db, actor, params.externalId),
);

export const POST = apiRoute(op.sendDeviceCommand, async ({ actor, params, body, runtime }) => {
  const command = await sendDeviceCommand(runtime.db, actor, params.externalId, body);
  return { id: command.id, status: command.status, expiresAt: command.expiresAt.toISOString() };
});
