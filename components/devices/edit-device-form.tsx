"use client";
// Editing a device: its name and the guard it belongs to (by the guard's id;
// empty takes the device off its guard), and for a button behind a Zigbee2MQTT
// gateway, the actions that raise a panic. The API's refusal shows beside the field.
import { useState, type FormEvent } from "react";
import type { DeviceDto } from "@/server/contracts/api";
import { apiRequest } from "../ui/api-request";
import { fieldA11y, FormField } from "../ui/form-field";

type Props = { base: string; device: DeviceDto; onSaved: (device: DeviceDto) => void; onCancel: () => void };

export function EditDeviceForm({ base, device, onSaved, onCancel }: Props) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const gatewaySensor = device.gatewayAddress !== null;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim() || null;
    const actions = (text("panicActions") ?? "").split(/[\s,]+/).filter(Boolean);
    setPending(true);
    const result = await apiRequest<DeviceDto>(base, {
      method: "PATCH",
      body: {
        name: text("name"),
        guardExternalId: text("guard"),
        ...(gatewaySensor ? { panicActions: actions } : {}),
      },
    });
    setPending(false);
    if (!result.ok) return setErrors(Object.keys(result.fields).length > 0 ? result.fields : { form: result.message });
    onSaved(result.data);
  };

  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label={`Edit device ${device.externalId}`}>
      <FormField id="device-name" label="Device name" error={errors.name} hint="Empty leaves it unnamed">
        <input {...fieldA11y("device-name", errors.name)} name="name" defaultValue={device.name ?? ""} />
      </FormField>
      <FormField id="device-guard" label="Guard id" error={errors.guardExternalId} hint="Empty: no guard">
        <input
          {...fieldA11y("device-guard", errors.guardExternalId)}
          name="guard"
          className="mono"
          defaultValue={device.guardExternalId ?? ""}
          autoComplete="off"
        />
      </FormField>
      {gatewaySensor && (
        <FormField
          id="device-panic-actions"
          label="Button actions that raise a panic"
          error={errors.panicActions ?? errors["panicActions.0"]}
          hint="Zigbee2MQTT action names, e.g. double, hold (comma-separated). An SOS button's emergency is always one."
        >
          <input
            {...fieldA11y("device-panic-actions", errors.panicActions ?? errors["panicActions.0"])}
            name="panicActions"
            className="mono"
            defaultValue={device.panicActions.join(", ")}
            autoComplete="off"
          />
        </FormField>
      )}
      {errors.form && (
        <p className="error form-wide" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions form-wide">
        <button className="btn" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save device"}
        </button>
        <button className="btn-ghost" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
