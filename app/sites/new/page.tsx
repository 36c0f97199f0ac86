// /sites/new - draw a new site's fences; saving creates it and opens its page.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SiteEditor } from "@/components/sites/site-editor";
import { requirePageActor } from "@/server/auth/page-auth";
import { getRuntime } from "@/server/runtime";
import { ConsoleFrame } from "../../console-frame";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "New site" };

export default async function NewSitePage() {
  const actor = await requirePageActor();
  if (actor.role !== "admin" && actor.role !== "manager") redirect("/sites");
  const { env } = getRuntime();
  return (
    <ConsoleFrame actor={actor}>
      <main className="page page-wide">
        <Link href="/sites" className="back-link">
          ← Sites
        </Link>
        <div className="page-header">
          <h1>New site</h1>
        </div>
        <SiteEditor
          site={null}
          canEdit
          tileUrl={env.MAP_TILE_URL === "none" ? null : env.MAP_TILE_URL}
          timezones={Intl.supportedValuesOf("timeZone")}
        />
      </main>
    </ConsoleFrame>
  );
}
