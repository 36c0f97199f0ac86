"use client";
// The tenant's sign-in rule on the Users page: require two-factor sign-in of
// everyone. Users without it are sent to set it up at their next page.
import { useState } from "react";
import type { SecuritySettingsDto } from "@/server/contracts/account";
import { apiRequest } from "../ui/api-request";

export function SecuritySettingsForm({ initial }: { initial: SecuritySettingsDto }) {
  const [settings, setSettings] = useState(initial);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const change = async (requireTotp: boolean) => {
    setPending(true);
    const result = await apiRequest<SecuritySettingsDto>("/api/v1/security-settings", {
      method: "PUT",
      body: { requireTotp },
    });
    setPending(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    setSettings(result.data);
  };

  return (
    <div>
      <label className="check">
        <input
          type="checkbox"
          checked={settings.requireTotp}
          disabled={pending}
          onChange={(e) => change(e.target.checked)}
        />
        Require two-factor sign-in for everyone in this organisation
      </label>
      <p className="muted">
        Users without it are sent to their Account page to set it up before anything else. Turn it on for yourself first
        (Account).
      </p>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
