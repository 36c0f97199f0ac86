import { NocConsole } from "@/components/noc/noc-console";
import { LATEST_POSITIONS_PATH } from "@/server/contracts/positions";
import { requirePageActor } from "@/server/auth/page-auth";
import { listAlerts } from "@/server/presenters/alerts/list-alerts";
import { getNocMapRules } from "@/server/presenters/guards/get-noc-map-rules";
import { listSites } from "@/server/presenters/sites/list-sites";
import { getRuntime } from "@/server/runtime";
import { ConsoleFrame } from "./console-frame";

export const dynamic = "force-dynamic";

export default async function NocPage() {
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
      />
    </ConsoleFrame>
  );
}
