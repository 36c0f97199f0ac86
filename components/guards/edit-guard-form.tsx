"use client";
// Editing a guard in place: name and phone (empty removes the phone). The id
// stays: it is what their phone publishes under.
import { useState, type FormEvent } from "react";
import type { GuardDto } from "@/server/contracts/api";
import { apiRequest } from "../ui/api-request";
import { fieldA11y, FormField } from "../ui/form-field";
import { guardApi } from "./guard-api";

type Props = { guard: GuardDto; onSaved: (guard: GuardDto) => void; onCancel: () => void };

export function EditGuardForm({ guard, onSaved, onCancel }: Props) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const id = (field: string) => `guard-${guard.id}-${field}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    setPending(true);
    const result = await apiRequest<GuardDto>(guardApi(guard.externalId), {
      method: "PATCH",
      body: { name: text("name"), phone: text("phone") || null },
    });
    setPending(false);
    if (!result.ok) return setErrors(Object.keys(result.fields).length > 0 ? result.fields : { form: result.message });
    onSaved(result.data);
  };

  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label={`Edit guard ${guard.name}`}>
      <FormField id={id("name")} label="Guard name" error={errors.name}>
        <input {...fieldA11y(id("name"), errors.name)} name="name" defaultValue={guard.name} autoComplete="off" />
      </FormField>
      <FormField id={id("phone")} label="Guard phone" error={errors.phone} hint="Empty removes it">
        <input
          {...fieldA11y(id("phone"), errors.phone)}
          name="phone"
          type="tel"
          defaultValue={guard.phone ?? ""}
          autoComplete="off"
        />
      </FormField>
      {errors.form && (
        <p className="error form-wide" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions form-wide">
        <button className="btn" type="submit" disabled={pending}>
          {pending ? "Saving…" : "Save guard"}
        </button>
        <button className="btn-ghost" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
