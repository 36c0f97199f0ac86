"use client";
// Editing a contact in place: name, phone and email as they are now; an empty
// phone or email removes it (the API keeps at least one and says which field).
import { useState, type FormEvent } from "react";
import type { ContactDto } from "@/server/contracts/notifications";
import { apiRequest } from "../ui/api-request";
import { fieldA11y, FormField } from "../ui/form-field";

type Props = { contact: ContactDto; onSaved: (contact: ContactDto) => void; onCancel: () => void };

export function EditContactForm({ contact, onSaved, onCancel }: Props) {
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);
  const id = (field: string) => `contact-${contact.id}-${field}`;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const text = (name: string) => String(form.get(name) ?? "").trim();
    setPending(true);
    const result = await apiRequest<ContactDto>(`/api/v1/contacts/${contact.id}`, {
      method: "PATCH",
      body: { name: text("name"), phone: text("phone") || null, email: text("email") || null },
    });
    setPending(false);
    if (!result.ok) return setErrors(Object.keys(result.fields).length > 0 ? result.fields : { form: result.message });
    onSaved(result.data);
  };

  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label={`Edit contact ${contact.name}`}>
      <FormField id={id("name")} label="Contact name" error={errors.name}>
        <input {...fieldA11y(id("name"), errors.name)} name="name" defaultValue={contact.name} autoComplete="off" />
      </FormField>
      <FormField id={id("phone")} label="Phone" error={errors.phone} hint="Empty removes it">
        <input
          {...fieldA11y(id("phone"), errors.phone)}
          name="phone"
          type="tel"
          defaultValue={contact.phone ?? ""}
          autoComplete="off"
        />
      </FormField>
      <FormField id={id("email")} label="Contact email" error={errors.email} hint="Empty removes it">
        <input
          {...fieldA11y(id("email"), errors.email)}
          name="email"
          type="email"
          defaultValue={contact.email ?? ""}
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
          {pending ? "Saving…" : "Save contact"}
        </button>
        <button className="btn-ghost" type="button" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
