"use client";
// Two-factor sign-in on the Account page: off, set up (scan the QR code or
// type the secret, then confirm with a code), or on. Turning it off again is
// an admin's reset (a lost phone), so a stolen session cannot remove it.
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import type { TotpEnrolmentDto } from "@/server/contracts/account";
import { apiRequest } from "../ui/api-request";
import { CopyField } from "../ui/copy-field";
import { fieldA11y, FormField } from "../ui/form-field";
import { useHydrated } from "../ui/use-hydrated";

type Props = { enabled: boolean; required: boolean };

export function TotpSetup({ enabled, required }: Props) {
  const hydrated = useHydrated();
  const router = useRouter();
  const [enrolment, setEnrolment] = useState<TotpEnrolmentDto | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  if (enabled) {
    return (
      <p className="notice" role="status" data-testid="totp-on">
        Two-factor sign-in is on: every sign-in asks for the code of your authenticator app. Lost your phone? An admin
        of your organisation can reset it.
      </p>
    );
  }

  const start = async () => {
    setPending(true);
    const result = await apiRequest<TotpEnrolmentDto>("/api/v1/account/totp", { method: "POST" });
    setPending(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    setEnrolment(result.data);
  };

  const confirm = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = String(new FormData(event.currentTarget).get("code") ?? "").replace(/\s/g, "");
    setPending(true);
    const result = await apiRequest("/api/v1/account/totp/confirm", { method: "POST", body: { code } });
    setPending(false);
    if (!result.ok) return setError(result.fields.code ?? result.message);
    setError(null);
    router.refresh();
  };

  if (!enrolment) {
    return (
      <div>
        <p className="muted">
          {required ? "Required by your organisation. " : "Optional. "}
          After your password, sign-in will ask for a 6-digit code from an authenticator app on your phone (Google
          Authenticator, Microsoft Authenticator, 1Password, Aegis…).
        </p>
        {error && (
          <p className="error" role="alert">
            {error}
          </p>
        )}
        <button className="btn" type="button" onClick={start} disabled={pending || !hydrated}>
          Set up two-factor sign-in
        </button>
      </div>
    );
  }

  return (
    <form onSubmit={confirm} noValidate aria-label="Confirm two-factor sign-in">
      <p>1. Scan this code with your authenticator app, or type the secret into it.</p>
      <img
        className="totp-qr"
        src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(enrolment.qrSvg)}`}
        alt="QR code of the two-factor secret"
        width={200}
        height={200}
      />
      <CopyField label="Secret" value={enrolment.secret} testId="totp-secret" />
      <p>2. Enter the code the app shows now.</p>
      <FormField id="totp-code" label="Code" error={error ?? undefined}>
        <input
          {...fieldA11y("totp-code", error ?? undefined)}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
        />
      </FormField>
      <div className="form-actions">
        <button className="btn" type="submit" disabled={pending}>
          {pending ? "Checking…" : "Turn on"}
        </button>
      </div>
    </form>
  );
}
