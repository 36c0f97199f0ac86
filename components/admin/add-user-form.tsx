"use client";
// Admins add a user to their tenant with a role and a first password;
// the API's refusals (a taken email, a short password) show beside the field.
import { useState, type FormEvent } from "react";
import type { UserDto } from "@/server/contracts/admin";
import { roles } from "@/server/contracts/api";
import { apiRequest } from "../ui/api-request";
import { fieldA11y, FormField } from "../ui/form-field";
import { useHydrated } from "../ui/use-hydrated";

type Props = { onCreated: (user: UserDto) => void };

export function AddUserForm({ onCreated }: Props) {
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    setPending(true);
    const result = await apiRequest<UserDto>("/api/v1/users", {
      method: "POST",
      body: { email: text("email"), name: text("name"), role: text("role"), password: String(form.get("password")) },
    });
    setPending(false);
    if (!result.ok) return setErrors(Object.keys(result.fields).length > 0 ? result.fields : { form: result.message });
    setErrors({});
    formElement.reset();
    onCreated(result.data);
  };

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
        <button className="btn" type="submit" disabled={pending || !hydrated}>
          {pending ? "Adding…" : "Add user"}
        </button>
      </div>
    </form>
  );
}
