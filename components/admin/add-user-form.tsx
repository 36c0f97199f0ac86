"use client";
// Admins add a user to their tenant with a role and a first password;
// the API's refusals (a taken email, a short password) show beside the field.
import type { UserDto } from "@/server/contracts/admin";
import { roles } from "@/server/contracts/api";
import { fieldA11y, FormField } from "../ui/form-field";
import { useCreateForm } from "../ui/use-create-form";

type Props = { onCreated: (user: UserDto) => void };

export function AddUserForm({ onCreated }: Props) {
  const { errors, submit, submitting, ready } = useCreateForm<UserDto>(
    "/api/v1/users",
    (form) => {
      const text = (name: string) => String(form.get(name) ?? "").trim();
      return { email: text("email"), name: text("name"), role: text("role"), password: String(form.get("password")) };
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
        <select {...fieldA11y("user-role", errors.role)} name="role" defaultValue="operator">
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
