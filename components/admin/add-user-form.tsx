"use client";
// Admins add a user to their tenant with a role and a first password, and an
// operator or supervisor with the sites they are limited to (none ticked: the
// whole tenant); the API's refusals (a taken email, a short password) show
// beside the field.
import { useState } from "react";
import type { UserDto } from "@/server/contracts/admin";
import { roles, type UserRole } from "@/server/contracts/api";
import { fieldA11y, FormField } from "../ui/form-field";
import { useCreateForm } from "../ui/use-create-form";
import { LIMITED_ROLES, type SiteOption } from "./user-sites-field";

type Props = { sites: SiteOption[]; onCreated: (user: UserDto) => void };

export function AddUserForm({ sites, onCreated }: Props) {
  const [role, setRole] = useState<UserRole>("operator");
  const limitable = LIMITED_ROLES.includes(role);
  const { errors, submit, submitting, ready } = useCreateForm<UserDto>(
    "/api/v1/users",
    (form) => {
      const text = (name: string) => String(form.get(name) ?? "").trim();
      const siteIds = limitable ? form.getAll("siteIds").map(String) : [];
      return {
        email: text("email"),
        name: text("name"),
        role: text("role"),
        password: String(form.get("password")),
        ...(siteIds.length > 0 ? { siteIds } : {}),
      };
    },
    onCreated,
  );

  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label="Add a user">
      <FormField id="user-email" label="Email" error={errors.email}>
        <input {...fieldA11y("user-email", errors.email)} name="email" type="email" autoComplete="off" />
      </FormField>
      <FormField id="user-name" label="Name" error={errors.name}>
        <input {...fieldA11y("user-name", errors.name)} name="name" autoComplete="off" />
      </FormField>
      <FormField id="user-role" label="Role" error={errors.role}>
        <select
          {...fieldA11y("user-role", errors.role)}
          name="role"
          value={role}
          onChange={(e) => setRole(e.target.value as UserRole)}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
      </FormField>
      <FormField id="user-password" label="First password" error={errors.password} hint="At least 8 characters">
        <input
          {...fieldA11y("user-password", errors.password)}
          name="password"
          type="password"
          autoComplete="new-password"
        />
      </FormField>
      {limitable && sites.length > 0 && (
        <div className="field form-wide" data-invalid={errors.siteIds ? "" : undefined}>
          <span className="label">Sites</span>
          <div className="checks" role="group" aria-label="Sites of the new user">
            {sites.map((site) => (
              <label key={site.id} className="check">
                <input type="checkbox" name="siteIds" value={site.id} />
                {site.name}
              </label>
            ))}
          </div>
          <span className={errors.siteIds ? "field-error" : "field-hint muted"}>
            {errors.siteIds ?? "None ticked: the whole tenant."}
          </span>
        </div>
      )}
      {errors.form && (
        <p className="error form-wide" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions form-wide">
        <button className="btn" type="submit" disabled={submitting || !ready}>
          {submitting ? "Adding…" : "Add user"}
        </button>
      </div>
    </form>
  );
}
