"use client";
// One fence's settings beside the map: name, buffer and confirmation rule,
// with the API's complaint about any of them (or the shape) right there.
import type { FenceDraft, FenceField } from "./site-draft";

type Props = {
  fence: FenceDraft;
  number: number;
  selected: boolean;
  errors: Partial<Record<FenceField, string>>;
  canEdit: boolean;
  onChange: (patch: Partial<FenceDraft>) => void;
  onRemove: () => void;
  onSelect: () => void;
};

function shapeText(fence: FenceDraft): string {
  if (fence.shape.kind === "circle") return `Circle, radius ${Math.round(fence.shape.radiusM)} m`;
  const points = Math.max(0, (fence.shape.coordinates[0]?.length ?? 1) - 1);
  return `Polygon, ${points} points`;
}

export function FenceCard({ fence, number, selected, errors, canEdit, onChange, onRemove, onSelect }: Props) {
  const id = (field: string) => `fence-${fence.key}-${field}`;
  const a11y = (field: FenceField) => ({
    id: id(field),
    "aria-invalid": errors[field] ? true : undefined,
    "aria-describedby": errors[field] ? id(`${field}-error`) : undefined,
    disabled: !canEdit,
  });
  const error = (field: FenceField) =>
    errors[field] && (
      <span className="field-error" id={id(`${field}-error`)}>
        {errors[field]}
      </span>
    );
  const invalid = Object.keys(errors).length > 0;
  return (
    <li
      className="fence-card"
      data-selected={selected ? "" : undefined}
      data-invalid={invalid ? "" : undefined}
      aria-label={`Fence ${number}`}
      onFocus={onSelect}
    >
      <div className="fence-head">
        <span className="fence-number">{number}</span>
        <button type="button" className="fence-shape btn-link" onClick={onSelect} title="Show on the map">
          {shapeText(fence)}
        </button>
        <span className="spacer" />
        {canEdit && (
          <button type="button" className="btn-ghost btn-small btn-danger-ghost" onClick={onRemove}>
            Remove
          </button>
        )}
      </div>
      {error("shape")}
      <div className="fence-fields">
        <div className="field" data-invalid={errors.name ? "" : undefined}>
          <label htmlFor={id("name")}>Name</label>
          <input {...a11y("name")} value={fence.name} onChange={(e) => onChange({ name: e.target.value })} />
          {error("name")}
        </div>
        <div className="field" data-invalid={errors.bufferM ? "" : undefined}>
          <label htmlFor={id("bufferM")}>Buffer (m)</label>
          <input
            {...a11y("bufferM")}
            type="number"
            inputMode="decimal"
            min={0}
            value={fence.bufferM}
            onChange={(e) => onChange({ bufferM: e.target.value })}
          />
          {error("bufferM")}
        </div>
        <div className="field" data-invalid={errors.confirmFixes ? "" : undefined}>
          <label htmlFor={id("confirmFixes")}>Confirm after fixes</label>
          <input
            {...a11y("confirmFixes")}
            type="number"
            inputMode="numeric"
            min={1}
            value={fence.confirmFixes}
            onChange={(e) => onChange({ confirmFixes: e.target.value })}
          />
          {error("confirmFixes")}
        </div>
        <div className="field" data-invalid={errors.confirmSeconds ? "" : undefined}>
          <label htmlFor={id("confirmSeconds")}>or after seconds</label>
          <input
            {...a11y("confirmSeconds")}
            type="number"
            inputMode="numeric"
            min={1}
            placeholder="off"
            value={fence.confirmSeconds}
            onChange={(e) => onChange({ confirmSeconds: e.target.value })}
          />
          {error("confirmSeconds")}
        </div>
      </div>
    </li>
  );
}
