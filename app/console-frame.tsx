// The frame of every signed-in console page (NOC map, devices, quarantine,
// sites, guards): the shared top navigation above the page. Each page still checks the
// session itself (requirePageActor) before rendering any data.
import type { ReactNode } from "react";
import { ConsoleNav } from "@/components/nav/console-nav";
import type { Actor } from "@/server/auth/actor";
import { signOut } from "./session-actions";
import "./styles/console.css";
import "./styles/controls.css";
import "./styles/badges.css";
import "./styles/tables.css";
import "./styles/devices.css";
import "./styles/quarantine.css";
import "./styles/alerts.css";
import "./styles/training.css";
import "./styles/tracking.css";
import "./styles/patrols.css";

export function ConsoleFrame({ actor, children }: { actor: Actor; children: ReactNode }) {
  return (
    <div className="console">
      <ConsoleNav email={actor.email} role={actor.role} isSuperAdmin={actor.isSuperAdmin} signOut={signOut} />
      {children}
    </div>
  );
}
