// The frame of the alert pages. The session is checked here, above the
// segment's loading boundary (loading.tsx): a redirect to sign-in thrown once
// the loading screen has streamed could no longer be an HTTP redirect.
import type { ReactNode } from "react";
import { requirePageActor } from "@/server/auth/page-auth";
import { ConsoleFrame } from "../console-frame";

export default async function AlertsLayout({ children }: { children: ReactNode }) {
  const actor = await requirePageActor();
  return <ConsoleFrame actor={actor}>{children}</ConsoleFrame>;
}
