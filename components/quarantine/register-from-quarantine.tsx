"use client";
// One-click registration of the unknown device behind a quarantined message
// (POST /api/v1/quarantine/:id/register), then its credentials, shown once.
import { useState } from "react";
import { deviceKinds, type DeviceDto, type DeviceWithCredentialsDto } from "@/server/contracts/api";
import { apiRequest } from "../ui/api-request";
import { CredentialsOnce } from "../ui/credentials-once";

type Registered = DeviceWithCredentialsDto;
type Props = { entryId: number; externalId: string; onRegistered: (device: DeviceDto) => void };

export function RegisterFromQuarantine({ entryId, externalId, onRegistered }: Props) {
  const [kind, setKind] = useState<(typeof deviceKinds)[number]>("sensor");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [issued, setIssued] = useState<Registered | null>(null);

  const register = async () => {
    setPending(true);
    const result = await apiRequest<Registered>(`/api/v1/quarantine/${entryId}/register`, {
      method: "POST",
      body: { kind },
    });
    setPending(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    setIssued(result.data);
  };

  if (issued) {
    return (
      <CredentialsOnce
        title={`Registered ${issued.externalId} (${issued.kind})`}
        credentials={issued}
        onDone={() => onRegistered(issued)}
      />
    );
  }
  const selectId = `kind-${entryId}`;
  return (
    <div className="register-inline">
      <label htmlFor={selectId} className="muted">
        Register <span className="mono">{externalId}</span> as
      </label>
      <select id={selectId} value={kind} onChange={(e) => setKind(e.target.value as typeof kind)}>
        {deviceKinds.map((k) => (
          <option key={k} value={k}>
            {k}
          </option>
        ))}
      </select>
      <button className="btn btn-small" type="button" disabled={pending} onClick={register}>
        {pending ? "Registering…" : "Register device"}
      </button>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
