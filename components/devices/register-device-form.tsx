"use client";
// Admins register a device: external id (its MQTT username), kind, optional
// name and guard. Errors from the API are shown beside the field they name.
import { useState, type FormEvent } from "react";
import { deviceKinds, type DeviceWithCredentialsDto } from "@/server/contracts/api";
import { apiRequest } from "../ui/api-request";
import { fieldA11y, FormField } from "../ui/form-field";

export type RegisteredDevice = DeviceWithCredentialsDto;

type Props = { onRegistered: (device: RegisteredDevice) => void; onCancel: () => void };

export function RegisterDeviceForm({ onRegistered, onCancel }: Props) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim() || undefined;
    setPending(true);
    const result = await apiRequest<RegisteredDevice>("/api/v1/devices", {
      method: "POST",
      body: {
        externalId: text("externalId") ?? "",
        kind: text("kind"),
        name: text("name"),
        guardExternalId: text("guardExternalId"),
      },
    });
    setPending(false);
    if (result.ok) return onRegistered(result.data);
    const fields = result.fields;
    setErrors(Object.keys(fields).length > 0 ? fields : { form: result.message });
  };

  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label="Register a device">
      <FormField id="externalId" label="External id" error={errors.externalId} hint="Its MQTT username and topic id">
        <input {...fieldA11y("externalId", errors.externalId)} name="externalId" required autoComplete="off" />
      </FormField>
      <FormField id="kind" label="Kind" error={errors.kind}>
        <select {...fieldA11y("kind", errors.kind)} name="kind" defaultValue="sensor">
          {deviceKinds.map((kind) => (
            <option key={kind} value={kind}>
              {kind}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="name" label="Name (optional)" error={errors.name}>
        <input {...fieldA11y("name", errors.name)} name="name" autoComplete="off" />
      </FormField>
      <FormField id="guardExternalId" label="Guard id (optional)" error={errors.guardExternalId}>
        <input {...fieldA11y("guardExternalId", errors.guardExternalId)} name="guardExternalId" autoComplete="off" />
      </FormField>
      {errors.form && (
        <p className="error form-wide" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions form-wide">
        <button className="btn" type="submit" disabled={pending}>
          {pending ? "Registering…" : "Register"}
        </button>
        <button className="btn-ghost" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
