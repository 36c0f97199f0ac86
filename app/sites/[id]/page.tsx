// /sites/:id - one site: its fences on the map (drawn and edited by admins
// and managers), its name and time zone, the guards assigned to it, and its
// patrol checkpoints.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeHistoryLink } from "@/components/admin/change-history-link";
import { SiteAssignments } from "@/components/sites/site-assignments";
import { SiteCheckpoints } from "@/components/sites/site-checkpoints";
import { SiteEditor } from "@/components/sites/site-editor";
import { requirePageActor } from "@/server/auth/page-auth";
import { AppError } from "@/server/observability/app-error";
import { listGuards } from "@/server/presenters/guards/list-guards";
import { listCheckpoints } from "@/server/presenters/patrols/list-checkpoints";
import { listSiteAssignments } from "@/server/presenters/sites/list-site-assignments";
import { getSite } from "@/server/presenters/sites/list-sites";
import { getRuntime } from "@/server/runtime";
import type { Actor } from "@/server/auth/actor";
import { ConsoleFrame } from "../../console-frame";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Site" };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

async function loadSite(actor: Actor, id: string) {
  if (!UUID.test(id)) notFound();
  const { db } = getRuntime();
  try {
    const site = await getSite(db, actor, id);
    const [guards, assignments, checkpoints] = await Promise.all([
      listGuards(db, actor),
      listSiteAssignments(db, actor, id),
      listCheckpoints(db, actor, id),
    ]);
    return { site, guards, assignments, checkpoints };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export default async function SitePage({ params }: { params: Promise<{ id: string }> }) {
  const actor = await requirePageActor();
  const { id } = await params;
  const { site, guards, assignments, checkpoints } = await loadSite(actor, id);
  const { env } = getRuntime();
  const canEdit = actor.role === "admin" || actor.role === "manager";
  return (
    <ConsoleFrame actor={actor}>
      <main className="page page-wide">
        <Link href="/sites" className="back-link">
          ← Sites
        </Link>
        <div className="page-header">
          <h1>{site.name}</h1>
          <span className="muted">{site.timezone}</span>
          <span className="spacer" />
          <ChangeHistoryLink role={actor.role} entityType="site" entityId={site.id} />
        </div>
        <SiteEditor
          key={site.id}
          site={site}
          canEdit={canEdit}
          tileUrl={env.MAP_TILE_URL === "none" ? null : env.MAP_TILE_URL}
          timezones={Intl.supportedValuesOf("timeZone")}
        />
        <SiteAssignments
          key={`assignments-${site.id}`}
          siteId={site.id}
          siteTimezone={site.timezone}
          guards={guards}
          initial={assignments}
          canEdit={canEdit}
        />
        <SiteCheckpoints key={`checkpoints-${site.id}`} siteId={site.id} initial={checkpoints} canEdit={canEdit} />
      </main>
    </ConsoleFrame>
  );
}
