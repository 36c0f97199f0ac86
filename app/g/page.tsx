// /g - the guard app on an enrolled phone: shift, tour, scans, "I'm OK", panic.
import type { Metadata } from "next";
import { GuardApp } from "@/components/guard-app/guard-app";

// Rendered per request: the page's scripts carry the request's CSP nonce.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Guard app" };

export default function GuardAppPage() {
  return <GuardApp />;
}
