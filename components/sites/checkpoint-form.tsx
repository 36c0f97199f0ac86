"use client";
// Add a checkpoint, or edit one: a name, and optionally a point (lat, lon) and
// the radius a GPS fix must be within. Errors sit beside the field.
import { useState, type FormEvent } from "react";
import type { CheckpointDto } from "@/server/contracts/patrols";
import { apiRequest } from "../ui/api-request";
import { fieldA11y, FormField } from "../ui/form-field";

type Props = {
  siteId: string;
  /** The checkpoint being edited; none: a new one. */
  editing?: CheckpointDto;
  onSaved: (checkpoint: CheckpointDto) => void;
  onCancel?: () => void;
};

const numberOrNull = (text: string) => (text.trim() === "" ? null : Number(text));

export function CheckpointForm({ siteId, editing, onSaved, onCancel }: Props) {
  const prefix = editing ? `checkpoint-${editing.id}` : "checkpoint-new";
  const [name, setName] = useState(editing?.name ?? "");
  const [lat, setLat] = useState(editing?.lat?.toString() ?? "");
  const [lon, setLon] = useState(editing?.lon?.toString() ?? "");
  const [radius, setRadius] = useState(editing?.radiusM?.toString() ?? "");
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setPending(true);
    const point = { lat: numberOrNull(lat), lon: numberOrNull(lon), radiusM: numberOrNull(radius) };
    const body = editing
      ? { name, ...point }
      : {
          name,
          ...Object.fromEntries(Object.entries(point).filter(([, value]) => value !== null)),
        };
    const path = `/api/v1/sites/${siteId}/checkpoints${editing ? `/${editing.id}` : ""}`;
    const result = await apiRequest<CheckpointDto>(path, { method: editing ? "PATCH" : "POST", body });
    setPending(false);
    if (!result.ok) {
      setErrors(Object.keys(result.fields).length > 0 ? result.fields : { form: result.message });
      return;
    }
    setErrors({});
    if (!editing) {
      setName("");
      setLat("");
      setLon("");
      setRadius("");
    }
    onSaved(result.data);
  };

  return (
    <form
      className="assign-form"
      onSubmit={submit}
      noValidate
      aria-label={editing ? `Edit ${editing.name}` : "Add a checkpoint"}
    >
      {!editing && <h3>Add a checkpoint</h3>}
      <div className="form-grid">
        <FormField id={`${prefix}-name`} label="Name" error={errors.name}>
          <input
            {...fieldA11y(`${prefix}-name`, errors.name)}
            value={name}
            onChange={(e) => setName(e.target.value)}
            required
          />
        </FormField>
        <FormField id={`${prefix}-lat`} label="Latitude" error={errors.lat} hint="Optional: for GPS visits">
          <input
            {...fieldA11y(`${prefix}-lat`, errors.lat)}
            value={lat}
            inputMode="decimal"
            onChange={(e) => setLat(e.target.value)}
          />
        </FormField>
        <FormField id={`${prefix}-lon`} label="Longitude" error={errors.lon}>
          <input
            {...fieldA11y(`${prefix}-lon`, errors.lon)}
            value={lon}
            inputMode="decimal"
            onChange={(e) => setLon(e.target.value)}
          />
        </FormField>
        <FormField id={`${prefix}-radius`} label="Radius (m)" error={errors.radiusM}>
          <input
            {...fieldA11y(`${prefix}-radius`, errors.radiusM)}
            value={radius}
            inputMode="decimal"
            onChange={(e) => setRadius(e.target.value)}
          />
        </FormField>
      </div>
      {errors.form && (
        <p className="error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" disabled={pending}>
          {editing ? "Save" : "Add checkpoint"}
        </button>
        {onCancel && (
          <button type="button" className="btn-ghost" onClick={onCancel}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
