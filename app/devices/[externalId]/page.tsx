// /devices/:externalId - one device: latest telemetry and system health,
// commands and configuration, live over Socket.IO.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { DeviceConsole } from "@/components/devices/device-console";
import { requirePageActor } from "@/server/auth/page-auth";
import { AppError } from "@/server/observability/app-error";
import { getDevice } from "@/server/presenters/devices/get-device";
import { listDeviceCommands, listDeviceConfigs } from "@/server/presenters/devices/list-device-downlink";
import { listSystemComponents } from "@/server/presenters/devices/list-system-components";
import { getRuntime } from "@/server/runtime";
import type { Actor } from "@/server/auth/actor";
import { ConsoleFrame } from "../../console-frame";

export const dynamic = "force-dynamic";

export async function generateMetadata({ params }: { params: Promise<{ externalId: string }> }): Promise<Metadata> {
  const { externalId } = await params;
  let id = externalId;
  try {
    id = decodeURIComponent(externalId);
  } catch {
    // shown as given
  }
  return { title: `Device ${id}` };
}

async function loadDevice(actor: Actor, externalId: string) {
  const { db } = getRuntime();
  try {
    const device = await getDevice(db, actor, externalId);
    const [components, commands, configs] = await Promise.all([
      listSystemComponents(db, actor, device.id),
      listDeviceCommands(db, actor, externalId),
      // Configurations (which may hold a device's settings and secrets) are the admins' (issue 16).
      actor.role === "admin" ? listDeviceConfigs(db, actor, externalId) : Promise.resolve([]),
    ]);
    return { device: { ...device, components }, commands, configs };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

// Valid ids are letters, digits and . _ : - so decoding never changes one; a broken escape is no device.
function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    notFound();
  }
}

export default async function DevicePage({ params }: { params: Promise<{ externalId: string }> }) {
  const actor = await requirePageActor();
  const { externalId } = await params;
  const initial = await loadDevice(actor, decoded(externalId));
  return (
    <ConsoleFrame actor={actor}>
      <DeviceConsole key={initial.device.id} initial={initial} role={actor.role} />
    </ConsoleFrame>
  );
}
