"use client";
// Admin actions on a device: edit its name and guard, issue new MQTT
// credentials (the new password is shown once; a revoked device is
// re-enabled), revoke (asks to confirm; the device's connection is closed
// within seconds) and delete (asks to confirm; then back to the list).
import { useRouter } from "next/navigation";
import { useState } from "react";
import type { DeviceDto, DeviceWithCredentialsDto } from "@/server/contracts/api";
import { apiRequest } from "../ui/api-request";
import { ConfirmRemove } from "../ui/confirm-remove";
import { CredentialsOnce } from "../ui/credentials-once";
import { EditDeviceForm } from "./edit-device-form";

type View =
  | { step: "idle" }
  | { step: "edit" }
  | { step: "confirm-revoke" }
  | { step: "rotated"; credentials: DeviceWithCredentialsDto };

type Props = { base: string; device: DeviceDto; onChanged: (device: DeviceDto) => void };

export function DeviceAdminActions({ base, device, onChanged }: Props) {
  const [view, setView] = useState<View>({ step: "idle" });
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const router = useRouter();

  const act = async (path: "credentials" | "revoke") => {
    setPending(true);
    const result = await apiRequest<DeviceWithCredentialsDto | DeviceDto>(`${base}/${path}`, { method: "POST" });
    setPending(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    onChanged(result.data);
    setView("mqtt" in result.data ? { step: "rotated", credentials: result.data } : { step: "idle" });
  };

  return (
    <section className="panel" aria-labelledby="admin-heading">
      <h2 id="admin-heading">Administration</h2>
      {view.step === "rotated" ? (
        <CredentialsOnce
          title="New credentials issued"
          credentials={view.credentials}
          onDone={() => setView({ step: "idle" })}
        />
      ) : view.step === "edit" ? (
        <EditDeviceForm
          base={base}
          device={device}
          onCancel={() => setView({ step: "idle" })}
          onSaved={(saved) => {
            onChanged(saved);
            setView({ step: "idle" });
          }}
        />
      ) : view.step === "confirm-revoke" ? (
        <div className="confirm" role="group" aria-label="Confirm revoke">
          <p>
            Revoke <strong>{device.externalId}</strong>? Its credentials stop working and its connection is closed
            within seconds. Issuing new credentials re-enables it.
          </p>
          <div className="form-actions">
            <button className="btn btn-danger" type="button" disabled={pending} onClick={() => act("revoke")}>
              {pending ? "Revoking…" : "Revoke device"}
            </button>
            <button className="btn-ghost" type="button" onClick={() => setView({ step: "idle" })}>
              Cancel
            </button>
          </div>
        </div>
      ) : (
        <div className="form-actions">
          <button className="btn-ghost" type="button" onClick={() => setView({ step: "edit" })}>
            Edit…
          </button>
          <button className="btn-ghost" type="button" disabled={pending} onClick={() => act("credentials")}>
            {device.revoked ? "Re-enable with new credentials" : "Rotate credentials"}
          </button>
          {!device.revoked && (
            <button
              className="btn-ghost btn-danger-ghost"
              type="button"
              onClick={() => setView({ step: "confirm-revoke" })}
            >
              Revoke…
            </button>
          )}
          <ConfirmRemove
            what={`device ${device.externalId}`}
            consequence="Its history goes with it, it is disconnected within seconds, and its id can be registered again."
            onConfirm={() => apiRequest(base, { method: "DELETE" })}
            onRemoved={() => router.push("/devices")}
          />
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
