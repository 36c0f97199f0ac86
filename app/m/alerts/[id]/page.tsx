// /m/alerts/:id - one alert on a phone, with its map.
// With ?t=<signed link> (from an SMS, email or push): one button to acknowledge, no password, and the contact
// may turn on push notifications. Signed in (from /m): acknowledge, then resolve with an outcome and a note.
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LinkAcknowledge } from "@/components/mobile/link-acknowledge";
import { MobileAlert } from "@/components/mobile/mobile-alert";
import { PushOptIn } from "@/components/mobile/push-opt-in";
import { SessionAlertActions } from "@/components/mobile/session-alert-actions";
import { currentActor } from "@/server/auth/page-auth";
import { AppError } from "@/server/observability/app-error";
import { getAlert } from "@/server/presenters/alerts/get-alert";
import { toLinkAlert } from "@/server/presenters/alerts/link-alert";
import { getRuntime } from "@/server/runtime";
import { findAlertByLink } from "@/server/services/alerts/acknowledge-alert-by-link";
import { acknowledgeByLink } from "./actions";
import "../../mobile.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Alert", robots: { index: false } };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ t?: string }> };

function Unusable({ title, message }: { title: string; message: string }) {
  return (
    <main className="mobile">
      <section className="mobile-card" role="alert">
        <h1>{title}</h1>
        <p>{message}</p>
        <p className="muted">Sign in to see and acknowledge the alert.</p>
        <Link className="btn mobile-big" href={`/login`}>
          Sign in
        </Link>
      </section>
    </main>
  );
}

export default async function MobileAlertPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { t } = await searchParams;
  const runtime = getRuntime();
  const tileUrl = runtime.env.MAP_TILE_URL === "none" ? null : runtime.env.MAP_TILE_URL;
  if (t === undefined) {
    const actor = await currentActor();
    if (!actor) redirect("/login");
    if (actor.mustEnrolTotp) redirect("/account");
    const alert = await (UUID.test(id) ? getAlert(runtime.db, actor, id) : Promise.resolve(null)).catch(
      (error: unknown) => {
        if (error instanceof AppError) return null;
        throw error;
      },
    );
    if (!alert) return <Unusable title="Alert not found" message="This alert does not exist or is not yours to see." />;
    const { events: _events, deliveries: _deliveries, ...summary } = alert;
    return (
      <MobileAlert alert={summary} contactName={null} tileUrl={tileUrl}>
        <SessionAlertActions
          alertId={id}
          status={alert.status}
          acknowledgedAt={alert.acknowledgedAt}
          outcome={alert.outcome}
        />
      </MobileAlert>
    );
  }
  try {
    const { tenantId, contact } = await findAlertByLink(runtime, t, id, runtime.linkSecret);
    // Only what the link is for reaches the link holder's browser (no operator emails, notes or scores).
    const alert = toLinkAlert(await getAlert(runtime.db, { tenantId }, id));
    return (
      <MobileAlert alert={alert} contactName={contact?.name ?? null} tileUrl={tileUrl}>
        <LinkAcknowledge status={alert.status} acknowledge={acknowledgeByLink.bind(null, id, t)} />
        {contact && <PushOptIn link={{ alertId: id, token: t }} />}
      </MobileAlert>
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return <Unusable title="Link not usable" message={error.message} />;
  }
}
