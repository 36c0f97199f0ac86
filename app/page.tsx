import { NocConsole } from "@/components/noc/noc-console";
import { requirePageActor } from "@/server/http/page-auth";
import { listLatestPositions } from "@/server/presenters/guards/list-latest-positions";
import { getRuntime } from "@/server/runtime";
import { ConsoleFrame } from "./console-frame";

export const dynamic = "force-dynamic";

export default async function NocPage() {
  const actor = await requirePageActor();
  const { db, env } = getRuntime();
  const positions = await listLatestPositions(db, actor);
  const tileUrl = env.MAP_TILE_URL === "none" ? null : env.MAP_TILE_URL;
  return (
    <ConsoleFrame actor={actor}>
      <NocConsole initialPositions={positions} tileUrl={tileUrl} />
    </ConsoleFrame>
  );
}
