import type { Metadata } from "next";
import { NocConsole } from "@/components/noc/noc-console";
import { LATEST_POSITIONS_PATH } from "@/server/contracts/positions";
import { requirePageActor } from "@/server/auth/page-auth";
import { listAlerts } from "@/server/presenters/alerts/list-alerts";
import { getNocMapRules } from "@/server/presenters/guards/get-noc-map-rules";
import { listSites } from "@/server/presenters/sites/list-sites";
import { getRuntime } from "@/server/runtime";
import { ConsoleFrame } from "./console-frame";

export const dynamic = "force-dynamic";
// The root segment: its layout's title template applies only below it.
export const metadata: Metadata = { title: { absolute: "NOC map · Vigil" } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `?lat=&lon=` from a "show on map" link: the place the map opens on. */
function focusOf({ lat, lon }: Record<string, string | string[] | undefined>): { lat: number; lon: number } | null {
  const [y, x] = [Number(lat), Number(lon)];
  if (typeof lat !== "string" || typeof lon !== "string" || !lat.trim() || !lon.trim()) return null;
  if (!Number.isFinite(y) || !Number.isFinite(x)) return null;
  return Math.abs(y) <= 90 && Math.abs(x) <= 180 ? { lat: y, lon: x } : null;
}

export default async function NocPage({ searchParams }: Props) {
  const actor = await requirePageActor();
  const { db, env } = getRuntime();
  const [alerts, sites, mapRules] = await Promise.all([
    listAlerts(db, actor, { status: "open", limit: 200, offset: 0 }),
    listSites(db, actor),
    getNocMapRules(db, actor),
  ]);
  const tileUrl = env.MAP_TILE_URL === "none" ? null : env.MAP_TILE_URL;
  return (
    <ConsoleFrame actor={actor}>
      {/* The guards' positions are not in the page (thousands of them made it slow to send and hydrate): the
          browser fetches them while it loads the scripts, and the console takes this response (use-latest-positions.ts). */}
      <link rel="preload" href={LATEST_POSITIONS_PATH} as="fetch" crossOrigin="anonymous" />
      <NocConsole
        initialAlerts={alerts}
        operator={{ userId: actor.userId, email: actor.email, role: actor.role }}
        fences={sites.flatMap((site) => site.geofences)}
        mapRules={mapRules}
        tileUrl={tileUrl}
        initialFocus={focusOf(await searchParams)}
      />
    </ConsoleFrame>
  );
}
