// /alerts/:id - one alert: its facts, where it was raised, the false-alarm
// score, the full timeline (raised, repeats, claims, acknowledgements, tiers
// fired, resolution, notes), who was notified and how, and a note form.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { cache, type ReactNode } from "react";
import { AlertLocation } from "@/components/alerts/alert-location";
import { AlertPageActions } from "@/components/alerts/alert-page-actions";
import { AlertTimelineList } from "@/components/alerts/alert-timeline-list";
import { DeliveryLedger } from "@/components/alerts/delivery-ledger";
import { outcomeLabel, severityTone, statusLabel, statusTone } from "@/components/alerts/alert-labels";
import { NoteForm } from "@/components/alerts/note-form";
import { DateTime } from "@/components/ui/date-time";
import { requirePageActor } from "@/server/auth/page-auth";
import type { AlertDetailDto } from "@/server/contracts/alert-api";
import { AppError } from "@/server/observability/app-error";
import { alertTimeline } from "@/server/presenters/alerts/alert-timeline";
import { getAlert } from "@/server/presenters/alerts/get-alert";
import { getSite } from "@/server/presenters/sites/list-sites";
import { getRuntime } from "@/server/runtime";
import "../../styles/alert-page.css";

export const dynamic = "force-dynamic";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Props = { params: Promise<{ id: string }> };

// Once per request for the page and its title.
const loadAlert = cache(async (id: string) => {
  const actor = await requirePageActor();
  if (!UUID.test(id)) notFound();
  try {
    return { actor, alert: await getAlert(getRuntime().db, actor, id) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { alert } = await loadAlert((await params).id);
  return { title: `${alert.type} alert: ${alert.sourceName || alert.sourceExternalId}` };
}

function Score({ alert }: { alert: AlertDetailDto }) {
  if (alert.falseAlarmScore === null)
    return (
      <p className="muted">
        {["panic", "man-down"].includes(alert.type)
          ? "Panic and man-down alerts are never scored."
          : "Not scored: the tenant has no promoted false-alarm model, or scoring has not run yet."}
      </p>
    );
  const percent = Math.round(alert.falseAlarmScore * 100);
  return (
    <p>
      <strong className="score-figure">{percent}%</strong> likely a false alarm{" "}
      <span className="muted">(model version {alert.scoredByModelVersion}; it informs, nothing is suppressed)</span>
    </p>
  );
}

export default async function AlertPage({ params }: Props) {
  const { actor, alert } = await loadAlert((await params).id);
  const { db, env } = getRuntime();
  const site = alert.siteId ? await getSite(db, actor, alert.siteId).catch(() => null) : null;
  const source = alert.sourceName || alert.sourceExternalId;
  const facts: [string, ReactNode][] = [
    ["Source", source ? `${source} (${alert.sourceExternalId})` : "—"],
    ["Site", site?.name ?? "—"],
    ["Message", alert.message || "—"],
    ["First seen", <DateTime key="f" iso={alert.firstSeenAt} />],
    ["Last seen", <DateTime key="l" iso={alert.lastSeenAt} />],
    ["Times raised", alert.count],
    ["Claimed by", alert.claimedBy ?? "—"],
    ["Acknowledged", alert.acknowledgedAt ? <DateTime key="a" iso={alert.acknowledgedAt} /> : "—"],
    ["Resolved", alert.resolvedAt ? <DateTime key="r" iso={alert.resolvedAt} /> : "—"],
    ["Outcome", alert.outcome ? outcomeLabel[alert.outcome] : "—"],
    ["Resolution note", alert.resolutionNote || "—"],
  ];
  return (
    <main className="page alert-page" data-alert={alert.id}>
      <Link href="/alerts" className="back-link">
        ← Alert history
      </Link>
      <div className="page-header">
        <h1>
          {alert.type.toUpperCase()}: {source}
        </h1>
        <span className="badge" data-tone={severityTone[alert.severity]}>
          {alert.severity}
        </span>
        <span className="badge alert-status" data-tone={statusTone[alert.status]}>
          {statusLabel[alert.status]}
        </span>
      </div>
      <AlertPageActions
        alert={alert}
        canAct={actor.role !== "manager"}
        canClaim={actor.role === "admin" || actor.role === "operator"}
        waiting={alert.deliveries.some((d) => d.status === "queued")}
      />
      <div className="alert-grid">
        <section className="panel" aria-labelledby="facts-heading">
          <h2 id="facts-heading">Facts</h2>
          <dl className="facts">
            {facts.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </section>
        <section className="panel" aria-labelledby="location-heading">
          <h2 id="location-heading">Location</h2>
          <AlertLocation
            id={alert.id}
            lat={alert.lat}
            lon={alert.lon}
            tileUrl={env.MAP_TILE_URL === "none" ? null : env.MAP_TILE_URL}
          />
        </section>
      </div>
      <section className="panel" aria-labelledby="score-heading">
        <h2 id="score-heading">False-alarm score</h2>
        <Score alert={alert} />
      </section>
      <section className="panel" aria-labelledby="timeline-heading">
        <h2 id="timeline-heading">Timeline</h2>
        <AlertTimelineList entries={alertTimeline(alert)} />
        {actor.role !== "manager" && <NoteForm alertId={alert.id} />}
      </section>
      <section className="panel" aria-labelledby="deliveries-heading">
        <h2 id="deliveries-heading">Notifications</h2>
        <DeliveryLedger deliveries={alert.deliveries} />
        {actor.role !== "admin" && alert.deliveries.length > 0 && (
          <p className="panel-foot muted">Phone numbers and addresses are shown to admins only.</p>
        )}
      </section>
    </main>
  );
}
