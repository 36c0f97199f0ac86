"use client";
// Managers add a guard: the id their phone or app publishes under (an MQTT
// topic level, unique across the installation), a name and a phone number.
import type { GuardDto } from "@/server/contracts/api";
import { fieldA11y, FormField } from "../ui/form-field";
import { useCreateForm } from "../ui/use-create-form";

export function AddGuardForm({ onCreated }: { onCreated: (guard: GuardDto) => void }) {
  const { errors, submit, submitting, ready } = useCreateForm<GuardDto>(
    "/api/v1/guards",
    (form) => {
      const text = (name: string) => String(form.get(name) ?? "").trim() || undefined;
      return { externalId: text("externalId") ?? "", name: text("name") ?? "", phone: text("phone") };
    },
    onCreated,
  );

  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label="Add a guard">
      <FormField id="guard-external-id" label="Guard id" error={errors.externalId} hint="Letters, digits and . _ : -">
        <input
          {...fieldA11y("guard-external-id", errors.externalId)}
          name="externalId"
          className="mono"
          autoComplete="off"
        />
      </FormField>
      <FormField id="guard-name" label="Guard name" error={errors.name}>
        <input {...fieldA11y("guard-name", errors.name)} name="name" autoComplete="off" />
      </FormField>
      <FormField id="guard-phone" label="Guard phone" error={errors.phone} hint="International format, optional">
        <input {...fieldA11y("guard-phone", errors.phone)} name="phone" type="tel" autoComplete="off" />
      </FormField>
      {errors.form && (
        <p className="error form-wide" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions form-wide">
        <button className="btn" type="submit" disabled={submitting || !ready}>
          {submitting ? "Adding…" : "Add guard"}
        </button>
      </div>
    </form>
  );
}
