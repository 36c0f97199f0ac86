// The guard app's pages (/g): phone-first, installable with their own web
// app manifest (the NOC's opens the supervisor's /m instead).
import type { Metadata } from "next";
import type { ReactNode } from "react";
import "./guard-app.css";

export const metadata: Metadata = {
  manifest: "/g/manifest.webmanifest",
  applicationName: "Vigil guard",
  appleWebApp: { capable: true, title: "Vigil guard", statusBarStyle: "black-translucent" },
  robots: { index: false },
};

export default function GuardAppLayout({ children }: { children: ReactNode }) {
  return children;
}
