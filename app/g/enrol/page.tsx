// /g/enrol#<token> - a phone enrols for the guard app with the code from its guard's page.
import type { Metadata } from "next";
import { EnrolPhone } from "@/components/guard-app/enrol-phone";

// Rendered per request: the page's scripts carry the request's CSP nonce.
export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Enrol this phone" };

export default function EnrolPhonePage() {
  return <EnrolPhone />;
}
