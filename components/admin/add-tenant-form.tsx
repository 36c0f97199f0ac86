"use client";
// The super-admin creates a tenant with its first admin; errors show beside the field.
import type { TenantDto } from "@/server/contracts/admin";
import { fieldA11y, FormField } from "../ui/form-field";
import { useCreateForm } from "../ui/use-create-form";

export function AddTenantForm({ onCreated }: { onCreated: (tenant: TenantDto) => void }) {
  const { errors, submit, submitting, ready } = useCreateForm<TenantDto>(
    "/api/v1/tenants",
    (form) => {
      return {
        name: String(form.get("name") ?? "").trim(),
        adminEmail: String(form.get("adminEmail") ?? "").trim(),
        adminPassword: String(form.get("adminPassword") ?? ""),
      };
    },
    onCreated,
  );

  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label="Create a tenant">
      <FormField id="tenant-name" label="Tenant name" error={errors.name}>
        <input {...fieldA11y("tenant-name", errors.name)} name="name" autoComplete="off" />
      </FormField>
      <FormField id="tenant-admin-email" label="Admin email" error={errors.adminEmail}>
        <input
          {...fieldA11y("tenant-admin-email", errors.adminEmail)}
          name="adminEmail"
          type="email"
          autoComplete="off"
        />
      </FormField>
      <FormField
        id="tenant-admin-password"
        label="Admin password"
        error={errors.adminPassword}
        hint="At least 8 characters"
      >
        <input
          {...fieldA11y("tenant-admin-password", errors.adminPassword)}
          name="adminPassword"
          type="password"
          autoComplete="new-password"
        />
      </FormField>
      {errors.form && (
        <p className="error form-wide" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions form-wide">
        <button className="btn" type="submit" disabled={submitting || !ready}>
          {submitting ? "Creating…" : "Create tenant"}
        </button>
      </div>
    </form>
  );
}
