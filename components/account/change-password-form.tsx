"use client";
// Change one's own password: the current one, the new one twice (checked
// here, so a typo never becomes the password). Other sessions end; the page
// says so.
import { useState, type FormEvent } from "react";
import { apiRequest } from "../ui/api-request";
import { fieldA11y, FormField } from "../ui/form-field";
import { useHydrated } from "../ui/use-hydrated";

export function ChangePasswordForm() {
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const newPassword = String(data.get("newPassword") ?? "");
    setDone(false);
    if (newPassword !== String(data.get("repeat") ?? "")) return setErrors({ repeat: "the two new passwords differ" });
    setPending(true);
    const result = await apiRequest("/api/v1/account/password", {
      method: "POST",
      body: { currentPassword: String(data.get("currentPassword") ?? ""), newPassword },
    });
    setPending(false);
    if (!result.ok) return setErrors(Object.keys(result.fields).length > 0 ? result.fields : { form: result.message });
    setErrors({});
    form.reset();
    setDone(true);
  };

  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label="Change password">
      <FormField id="current-password" label="Current password" error={errors.currentPassword}>
        <input
          {...fieldA11y("current-password", errors.currentPassword)}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
        />
      </FormField>
      <FormField id="new-password" label="New password" error={errors.newPassword} hint="At least 8 characters">
        <input
          {...fieldA11y("new-password", errors.newPassword)}
          name="newPassword"
          type="password"
          autoComplete="new-password"
        />
      </FormField>
      <FormField id="repeat-password" label="New password again" error={errors.repeat}>
        <input
          {...fieldA11y("repeat-password", errors.repeat)}
          name="repeat"
          type="password"
          autoComplete="new-password"
        />
      </FormField>
      {errors.form && (
        <p className="error form-wide" role="alert">
          {errors.form}
        </p>
      )}
      {done && (
        <p className="notice form-wide" role="status">
          Password changed. You were signed out everywhere else; this browser stays signed in.
        </p>
      )}
      <div className="form-actions form-wide">
        <button className="btn" type="submit" disabled={pending || !hydrated}>
          {pending ? "Changing…" : "Change password"}
        </button>
      </div>
    </form>
  );
}
