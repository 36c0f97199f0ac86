"use client";
// Admins add a contact (a phone number, an email address or both); the API's
// refusals show beside the field they name.
import { useState, type FormEvent } from "react";
import type { ContactDto } from "@/server/contracts/api";
import { apiRequest } from "../ui/api-request";
import { fieldA11y, FormField } from "../ui/form-field";
import { useHydrated } from "../ui/use-hydrated";

export function AddContactForm({ onCreated }: { onCreated: (contact: ContactDto) => void }) {
  const hydrated = useHydrated();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [pending, setPending] = useState(false);

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const formElement = event.currentTarget;
    const form = new FormData(formElement);
    const text = (name: string) => String(form.get(name) ?? "").trim() || undefined;
    setPending(true);
    const result = await apiRequest<ContactDto>("/api/v1/contacts", {
      method: "POST",
      body: { name: text("name") ?? "", phone: text("phone"), email: text("email") },
    });
    setPending(false);
    if (!result.ok) return setErrors(Object.keys(result.fields).length > 0 ? result.fields : { form: result.message });
    setErrors({});
    formElement.reset();
    onCreated(result.data);
  };

  return (
    <form className="form-grid" onSubmit={submit} noValidate aria-label="Add a contact">
      <FormField id="contact-name" label="Contact name" error={errors.name}>
        <input {...fieldA11y("contact-name", errors.name)} name="name" autoComplete="off" />
      </FormField>
      <FormField id="contact-phone" label="Phone" error={errors.phone} hint="International format, e.g. +919876543210">
        <input {...fieldA11y("contact-phone", errors.phone)} name="phone" type="tel" autoComplete="off" />
      </FormField>
      <FormField id="contact-email" label="Contact email" error={errors.email}>
        <input {...fieldA11y("contact-email", errors.email)} name="email" type="email" autoComplete="off" />
      </FormField>
      {errors.form && (
        <p className="error form-wide" role="alert">
          {errors.form}
        </p>
      )}
      <div className="form-actions form-wide">
        <button className="btn" type="submit" disabled={pending || !hydrated}>
          {pending ? "Adding…" : "Add contact"}
        </button>
      </div>
    </form>
  );
}
