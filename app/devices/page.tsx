// /devices - the tenant's devices, 50 a page, searchable by id or name;
// admins register new ones here.
import type { Metadata } from "next";
import { DevicePager } from "@/components/devices/device-pager";
import { DeviceTable } from "@/components/devices/device-table";
import { RegisterDevicePanel } from "@/components/devices/register-device-panel";
import { requirePageActor } from "@/server/auth/page-auth";
import { listDevicesPage } from "@/server/presenters/devices/list-devices-page";
import { getRuntime } from "@/server/runtime";
import { ConsoleFrame } from "../console-frame";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Devices" };

const PAGE_SIZE = 50;

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function DevicesPage({ searchParams }: { searchParams: SearchParams }) {
  const actor = await requirePageActor();
  const { page: pageParam, q } = await searchParams;
  const page = Math.max(1, Number.parseInt(String(pageParam ?? "1"), 10) || 1);
  const search = typeof q === "string" ? q.trim().slice(0, 128) : "";
  const devices = await listDevicesPage(getRuntime().db, actor, { page, pageSize: PAGE_SIZE, search });
  return (
    <ConsoleFrame actor={actor}>
      <main className="page">
        <div className="page-header">
          <h1>Devices</h1>
          <span className="muted">
            {devices.total} {search ? "matching" : "registered"}
          </span>
          <span className="spacer" />
          {actor.role === "admin" && <RegisterDevicePanel />}
        </div>
        <form className="search" role="search" action="/devices">
          <input name="q" type="search" defaultValue={search} placeholder="Search by id or name" aria-label="Search" />
          <button className="btn-ghost" type="submit">
            Search
          </button>
        </form>
        {devices.items.length === 0 ? (
          <p className="empty muted">{search ? `No device matches “${search}”.` : "No devices registered yet."}</p>
        ) : (
          <DeviceTable devices={devices.items} />
        )}
        <DevicePager page={page} pageSize={PAGE_SIZE} total={devices.total} search={search} />
      </main>
    </ConsoleFrame>
  );
}
