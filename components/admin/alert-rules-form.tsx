"use client";
// The tenant's alert rules: a severity per alert type, the types that raise
// no alert, and the low-battery threshold, saved through PUT /api/v1/alert-rules.
// Panic and man-down are always critical and always on (the API refuses otherwise).
import { useState, type FormEvent } from "react";
import type { AlertRules } from "@/server/contracts/alert-rules";
import { apiRequest } from "../ui/api-request";
import { fieldA11y, FormField } from "../ui/form-field";
import { useHydrated } from "../ui/use-hydrated";

// The types Vigil raises (alarm topics and the built-in rules); rules for other types are kept as they are.
const KNOWN_TYPES = [
  "panic",
  "man-down",
  "fire",
  "intrusion",
  "activity",
  "geofence",
  "offline",
  "low-battery",
  "system-down",
];
const FIXED = new Set(["panic", "man-down"]);
const SEVERITIES = ["critical", "high", "medium", "low", "info"] as const;

export function AlertRulesForm({ initial }: { initial: AlertRules }) {
  const [rules, setRules] = useState(initial);
  const [threshold, setThreshold] = useState(String(initial.lowBatteryPercent));
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [status, setStatus] = useState<"idle" | "saving" | "saved">("idle");
  const types = [...new Set([...KNOWN_TYPES, ...Object.keys(rules.severities), ...rules.disabled])];

  const setSeverity = (type: string, severity: string) => {
    const { [type]: _dropped, ...others } = rules.severities;
    setRules({
      ...rules,
      severities: severity ? { ...others, [type]: severity as AlertRules["severities"][string] } : others,
    });
  };
  const setEnabled = (type: string, enabled: boolean) =>
    setRules({ ...rules, disabled: enabled ? rules.disabled.filter((t) => t !== type) : [...rules.disabled, type] });

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setStatus("saving");
    const body = { ...rules, lowBatteryPercent: threshold.trim() === "" ? undefined : Number(threshold) };
    const result = await apiRequest<AlertRules>("/api/v1/alert-rules", { method: "PUT", body });
    if (!result.ok) {
      setStatus("idle");
      return setErrors(Object.keys(result.fields).length > 0 ? result.fields : { form: result.message });
    }
    setErrors({});
    setRules(result.data);
    setThreshold(String(result.data.lowBatteryPercent));
    setStatus("saved");
  };

  return (
    <form onSubmit={submit} noValidate aria-label="Alert rules">
      <table className="data-table compact rules-table">
        <thead>
          <tr>
            <th scope="col">Alert type</th>
            <th scope="col">Severity</th>
            <th scope="col">Raised</th>
          </tr>
        </thead>
        <tbody>
          {types.map((type) => {
            const error = errors[`severities.${type}`];
            return (
              <tr key={type} data-rule={type}>
                <td data-label="Alert type" className="primary mono">
                  {type}
                </td>
                <td data-label="Severity">
                  <select
                    aria-label={`Severity of ${type}`}
                    aria-invalid={error ? true : undefined}
                    disabled={FIXED.has(type)}
                    value={FIXED.has(type) ? "critical" : (rules.severities[type] ?? "")}
                    onChange={(e) => setSeverity(type, e.target.value)}
                  >
                    <option value="">default</option>
                    {SEVERITIES.map((s) => (
                      <option key={s} value={s}>
                        {s}
                      </option>
                    ))}
                  </select>
                  {error && <span className="field-error">{error}</span>}
                </td>
                <td data-label="Raised">
                  <label className="check">
                    <input
                      type="checkbox"
                      disabled={FIXED.has(type)}
                      checked={!rules.disabled.includes(type)}
                      onChange={(e) => setEnabled(type, e.target.checked)}
                    />
                    {rules.disabled.includes(type) ? "off" : "on"}
                  </label>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {errors.disabled && <p className="field-error">{errors.disabled}</p>}
      <div className="form-grid rules-foot">
        <FormField
          id="low-battery"
          label="Low battery below (%)"
          error={errors.lowBatteryPercent}
          hint="Between 1 and 90"
        >
          <input
            {...fieldA11y("low-battery", errors.lowBatteryPercent)}
            type="number"
            value={threshold}
            onChange={(e) => {
              setThreshold(e.target.value);
              setStatus("idle");
            }}
          />
        </FormField>
      </div>
      {errors.form && (
        <p className="error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions">
        <button className="btn" type="submit" disabled={status === "saving" || !hydrated}>
          {status === "saving" ? "Saving…" : "Save rules"}
        </button>
        {status === "saved" && (
          <span className="muted" role="status">
            Saved
          </span>
        )}
      </div>
    </form>
  );
}
