// /m - the supervisor's phone home: the tenant's open alerts, most severe and
// newest first, live; each opens the alert's page to acknowledge and resolve.
import type { Metadata } from "next";
import { SupervisorHome } from "@/components/mobile/supervisor-home";
import { requirePageActor } from "@/server/auth/page-auth";
import { listAlerts } from "@/server/presenters/alerts/list-alerts";
import { getRuntime } from "@/server/runtime";
import { signOut } from "../session-actions";
import "./mobile.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "My alerts", robots: { index: false } };

export default async function MobileHomePage() {
  const actor = await requirePageActor();
  const alerts = await listAlerts(getRuntime().db, actor, { status: "open", limit: 200, offset: 0 });
  return <SupervisorHome initial={alerts} email={actor.email} signOut={signOut} />;
}
