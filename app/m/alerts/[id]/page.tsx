// /m/alerts/:id?t=<signed link> - the supervisor's phone page from an SMS or
// email: the alert on a map and one button to acknowledge, no password.
import type { Metadata } from "next";
import Link from "next/link";
import { MobileAlert } from "@/components/mobile/mobile-alert";
import { AppError } from "@/server/observability/app-error";
import { getAlert } from "@/server/presenters/alerts/get-alert";
import { getRuntime } from "@/server/runtime";
import { findAlertByLink } from "@/server/services/alerts/acknowledge-alert-by-link";
import { acknowledgeByLink } from "./actions";
import "../../mobile.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Vigil alert", robots: { index: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ t?: string }> };

export default async function MobileAlertPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { t = "" } = await searchParams;
  const runtime = getRuntime();
  try {
    const { tenantId, contact } = await findAlertByLink(runtime, t, id, runtime.linkSecret);
    const alert = await getAlert(runtime.db, { tenantId }, id);
    const { events: _events, deliveries: _deliveries, ...summary } = alert;
    return (
      <MobileAlert
        alert={summary}
        contactName={contact?.name ?? null}
        tileUrl={runtime.env.MAP_TILE_URL === "none" ? null : runtime.env.MAP_TILE_URL}
        acknowledge={acknowledgeByLink.bind(null, id, t)}
      />
    );
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return (
      <main className="mobile">
        <section className="mobile-card" role="alert">
          <h1>Link not usable</h1>
          <p>{error.message}</p>
          <p className="muted">Sign in to see and acknowledge the alert.</p>
          <Link className="btn mobile-big" href={`/login`}>
            Sign in
          </Link>
        </section>
      </main>
    );
  }
}
