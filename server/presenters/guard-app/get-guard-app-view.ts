// What the guard app shows (GET /api/v1/device/me): the phone's guard, the
// sites the guard is assigned to, the open tour run due first at those sites
// (the guard's own, or one for any guard of the site) with its next
// checkpoint, and the alarm cancel window from the device's configuration.
// Every query is scoped to the device's tenant.
import type { Sql } from "postgres";
import type { DeviceActor } from "../../auth/authenticate-device";
import { DEFAULT_CANCEL_WINDOW_SECONDS, type GuardAppViewDto } from "../../contracts/guard-app";
import { AppError } from "../../observability/app-error";
import { getTourRuns } from "../patrols/list-tour-runs";

const MAX_CANCEL_WINDOW_SECONDS = 60;

function cancelWindow(config: unknown): number {
  const value = (config as { cancelWindowSeconds?: unknown } | null)?.cancelWindowSeconds;
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_CANCEL_WINDOW_SECONDS
    ? value
    : DEFAULT_CANCEL_WINDOW_SECONDS;
}

export async function getGuardAppView(sql: Sql, device: DeviceActor): Promise<GuardAppViewDto> {
  const { tenantId, guardId } = device;
  const [guard] = guardId
    ? await sql<{ externalId: string; name: string }[]>`
        select external_id as "externalId", name from guards where tenant_id = ${tenantId} and id = ${guardId}`
    : [];
  if (!guard) throw new AppError("not_found", "This device belongs to no guard.");
  const sites = await sql<{ id: string; name: string }[]>`
    select s.id, s.name from guard_assignments a join sites s on s.id = a.site_id
    where a.tenant_id = ${tenantId} and a.guard_id = ${guardId} order by s.name`;
  const [config] = await sql<{ config: unknown }[]>`
    select config from device_configs where tenant_id = ${tenantId} and device_id = ${device.deviceId}
    order by version desc limit 1`;
  const [open] = await sql<{ id: string }[]>`
    select r.id from tour_runs r
    where r.tenant_id = ${tenantId} and r.status in ('scheduled', 'in_progress')
      and (r.guard_id = ${guardId} or (r.guard_id is null and r.site_id = any(${sites.map((s) => s.id)}::uuid[])))
    order by r.due_at, r.id limit 1`;
  const [run] = open ? await getTourRuns(sql, tenantId, [open.id]) : [];
  return {
    deviceExternalId: device.externalId,
    guard,
    sites,
    cancelWindowSeconds: cancelWindow(config?.config ?? null),
    run: run
      ? {
          id: run.id,
          tourName: run.tourName,
          siteName: run.siteName,
          status: run.status,
          closesAt: run.closesAt,
          visited: run.checkpoints.filter((c) => c.visitedAt !== null).length,
          total: run.checkpoints.length,
          nextCheckpoint: run.checkpoints.find((c) => c.visitedAt === null)?.name ?? null,
        }
      : null,
  };
}
