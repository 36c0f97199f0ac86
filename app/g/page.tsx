// /g - the guard app on an enrolled phone: shift, tour, scans, "I'm OK", panic.
import type { Metadata } from "next";
import { GuardApp } from "@/components/guard-app/guard-app";

export const metadata: Metadata = { title: "Guard app" };

export default function GuardAppPage() {
  return <GuardApp />;
}
