// /account - the signed-in user's password and two-factor sign-in. Open to
// every role, and the one page a user whose tenant requires a second factor
// can open before setting it up.
import type { Metadata } from "next";
import { ChangePasswordForm } from "@/components/account/change-password-form";
import { TotpSetup } from "@/components/account/totp-setup";
import { requirePageActor } from "@/server/auth/page-auth";
import { getAccount } from "@/server/presenters/users/get-account";
import { getRuntime } from "@/server/runtime";
import { ConsoleFrame } from "../console-frame";
import "../styles/admin.css";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const actor = await requirePageActor({ whileEnrolling: true });
  const account = await getAccount(getRuntime().db, actor);
  return (
    <ConsoleFrame actor={actor}>
      <main className="page">
        <div className="page-header">
          <h1>Account</h1>
          <span className="muted">
            {account.email} · {account.role}
          </span>
        </div>
        {actor.mustEnrolTotp && (
          <p className="notice" data-tone="warn" role="status">
            Your organisation requires two-factor sign-in. Set it up below to open the rest of Vigil.
          </p>
        )}
        <div className="admin-grid">
          <section className="panel" aria-labelledby="password-heading">
            <h2 id="password-heading">Change password</h2>
            <ChangePasswordForm />
          </section>
          <section className="panel" aria-labelledby="totp-heading">
            <h2 id="totp-heading">Two-factor sign-in</h2>
            <TotpSetup enabled={account.totpEnabled} required={account.totpRequired} />
          </section>
        </div>
      </main>
    </ConsoleFrame>
  );
}
