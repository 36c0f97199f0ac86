// /reset-password?token=… - the page a reset link opens: choose a new
// password (no sign-in: the token is the credential). The token is in the
// query, so the page sends no Referer anywhere.
import type { Metadata } from "next";
import { ResetPasswordForm } from "@/components/account/reset-password-form";
import "../styles/controls.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

type Props = { searchParams: Promise<{ token?: string | string[] }> };

export default async function ResetPasswordPage({ searchParams }: Props) {
  const { token } = await searchParams;
  return (
    <main className="login">
      <ResetPasswordForm token={typeof token === "string" ? token : ""} />
    </main>
  );
}
