"use client";
// Admins add a contact (a phone number, an email address or both); the API's
// refusals show beside the field they name.
import type { ContactDto } from "@/server/contracts/notifications";
import { fieldA11y, FormField } from "../ui/form-field";
import { useCreateForm } from "../ui/use-create-form";

export function AddContactForm({ onCreated }: { onCreated: (contact: ContactDto) => void }) {
  const { errors, submit, submitting, ready } = useCreateForm<ContactDto>(
    "/api/v1/contacts",
    (form) => {
      const text = (name: string) => String(form.get(name) ?? "").trim() || undefined;
      return { name: text("name") ?? "", phone: text("phone"), email: text("email") };
    },
    onCreated,
  );

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
        <button className="btn" type="submit" disabled={submitting || !ready}>
          {submitting ? "Adding…" : "Add contact"}
        </button>
      </div>
    </form>
  );
}
