// /guards/:externalId - a guard's track over a time range, replayed on the
// map with the fences of the guard's sites and the violations marked.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ChangeHistoryLink } from "@/components/admin/change-history-link";
import { GuardPinsForm } from "@/components/guards/guard-pins-form";
import { EnrolPhonePanel } from "@/components/guards/enrol-phone-panel";
import { GuardReplay, type Range } from "@/components/guards/guard-replay";
import { requirePageActor } from "@/server/auth/page-auth";
import { AppError } from "@/server/observability/app-error";
import { findGuard } from "@/server/presenters/guards/find-guard";
import { listAssignments } from "@/server/presenters/sites/list-assignments";
import { listSites } from "@/server/presenters/sites/list-sites";
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
  return { title: `Guard ${id}` };
}

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

async function loadGuard(actor: Actor, externalId: string) {
  const { db } = getRuntime();
  try {
    const guard = await findGuard(db, actor, externalId);
    const [assignments, sites] = await Promise.all([listAssignments(db, actor, externalId), listSites(db, actor)]);
    return { guard, assignments, sites };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

function decoded(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    notFound();
  }
}

function rangeOf(since: unknown, until: unknown): Range | null {
  if (typeof since !== "string" || typeof until !== "string") return null;
  if (Number.isNaN(Date.parse(since)) || Number.isNaN(Date.parse(until))) return null;
  return { since: new Date(since).toISOString(), until: new Date(until).toISOString() };
}

export default async function GuardPage({
  params,
  searchParams,
}: {
  params: Promise<{ externalId: string }>;
  searchParams: SearchParams;
}) {
  const actor = await requirePageActor();
  const { externalId } = await params;
  const { since, until } = await searchParams;
  const { guard, assignments, sites } = await loadGuard(actor, decoded(externalId));
  const assigned = new Set(assignments.map((a) => a.siteId));
  // Fences of the guard's sites; every site's name for violations of fences the guard is no longer assigned to.
  const fences = sites.filter((s) => assigned.has(s.id)).flatMap((s) => s.geofences);
  const fenceNames = Object.fromEntries(
    sites.flatMap((s) => s.geofences.map((f) => [f.id, `${s.name} · ${f.name || "unnamed fence"}`])),
  );
  const { env } = getRuntime();
  return (
    <ConsoleFrame actor={actor}>
      <main className="page page-wide">
        <Link href="/guards" className="back-link">
          ← Guards
        </Link>
        <div className="page-header">
          <h1>{guard.name}</h1>
          <span className="muted mono">{guard.externalId}</span>
          {guard.deactivatedAt && (
            <span className="badge" data-tone="danger">
              Deactivated
            </span>
          )}
          <span className="spacer" />
          <ChangeHistoryLink role={actor.role} entityType="guard" entityId={guard.externalId} />
        </div>
        <p className="page-sub muted">
          {assignments.length === 0
            ? "Not assigned to any site."
            : `Assigned to ${assignments.map((a) => a.siteName).join(", ")}.`}{" "}
          <Link href={`/alerts?guard=${encodeURIComponent(guard.externalId)}`}>This guard&apos;s alerts</Link>
        </p>
        {assignments.some((a) => a.checkInMinutes !== null) && (
          <p className="muted" data-check-ins>
            Lone-worker check-ins:{" "}
            {assignments
              .filter((a) => a.checkInMinutes !== null)
              .map((a) => `${a.siteName} every ${a.checkInMinutes} min (${a.graceSeconds} s grace)`)
              .join("; ")}
            .
          </p>
        )}
        <GuardReplay
          externalId={guard.externalId}
          fences={fences}
          fenceNames={fenceNames}
          initialRange={rangeOf(since, until)}
          tileUrl={env.MAP_TILE_URL === "none" ? null : env.MAP_TILE_URL}
        />
        {actor.role === "admin" && (
          <GuardPinsForm
            externalId={guard.externalId}
            hasPins={guard.pinHash !== null && guard.duressPinHash !== null}
          />
        )}
        {actor.role === "admin" && !guard.deactivatedAt && <EnrolPhonePanel guardExternalId={guard.externalId} />}
      </main>
    </ConsoleFrame>
  );
}
