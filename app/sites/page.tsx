// /sites - the tenant's sites with their fences and assigned guards; admins
// and managers open one to draw its fences and assign guards.
import type { Metadata } from "next";
import Link from "next/link";
import { requirePageActor } from "@/server/auth/page-auth";
import { listSites } from "@/server/presenters/sites/list-sites";
import { getRuntime } from "@/server/runtime";
import { ConsoleFrame } from "../console-frame";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Sites" };

export default async function SitesPage() {
  const actor = await requirePageActor();
  const sites = await listSites(getRuntime().db, actor);
  const canEdit = actor.role === "admin" || actor.role === "manager";
  return (
    <ConsoleFrame actor={actor}>
      <main className="page">
        <div className="page-header">
          <h1>Sites</h1>
          <span className="muted">{sites.length} in all</span>
          <span className="spacer" />
          {canEdit && (
            <Link className="btn" href="/sites/new">
              New site
            </Link>
          )}
        </div>
        {sites.length === 0 ? (
          <p className="empty muted">No sites yet.{canEdit && " Create one and draw its geofences on the map."}</p>
        ) : (
          <table className="data-table">
            <thead>
              <tr>
                <th scope="col">Site</th>
                <th scope="col">Time zone</th>
                <th scope="col">Fences</th>
              </tr>
            </thead>
            <tbody>
              {sites.map((site) => (
                <tr key={site.id} data-site={site.id}>
                  <td data-label="Site" className="primary">
                    <Link href={`/sites/${site.id}`}>{site.name}</Link>
                  </td>
                  <td data-label="Time zone">{site.timezone}</td>
                  <td data-label="Fences">
                    {site.geofences.length === 0 ? (
                      <span className="muted">none</span>
                    ) : (
                      site.geofences.map((f) => f.name || "unnamed").join(", ")
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </main>
    </ConsoleFrame>
  );
}
