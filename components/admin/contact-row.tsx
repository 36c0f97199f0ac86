"use client";
// One contact: its name and addresses, with Edit (the row becomes a form) and
// Delete (asks first; escalations in flight then skip the contact).
import { useState } from "react";
import type { ContactDto } from "@/server/contracts/notifications";
import { apiRequest } from "../ui/api-request";
import { ConfirmRemove } from "../ui/confirm-remove";
import { EditContactForm } from "./edit-contact-form";

type Props = { contact: ContactDto; onChanged: (contact: ContactDto) => void; onRemoved: (id: string) => void };

export function ContactRow({ contact, onChanged, onRemoved }: Props) {
  const [editing, setEditing] = useState(false);
  if (editing) {
    return (
      <tr data-contact={contact.name}>
        <td colSpan={4} className="row-form">
          <EditContactForm
            contact={contact}
            onCancel={() => setEditing(false)}
            onSaved={(saved) => {
              setEditing(false);
              onChanged(saved);
            }}
          />
        </td>
      </tr>
    );
  }
  return (
    <tr data-contact={contact.name}>
      <td data-label="Name" className="primary">
        {contact.name}
      </td>
      <td data-label="Phone" className="mono">
        {contact.phone ?? <span className="muted">—</span>}
      </td>
      <td data-label="Email">{contact.email ?? <span className="muted">—</span>}</td>
      <td className="row-actions">
        <button
          className="btn-ghost btn-small"
          type="button"
          aria-label={`Edit contact ${contact.name}`}
          onClick={() => setEditing(true)}
        >
          Edit
        </button>
        <ConfirmRemove
          what={`contact ${contact.name}`}
          consequence="They are taken out of every escalation policy and alerts in progress skip them; past alerts still show them."
          onConfirm={() => apiRequest(`/api/v1/contacts/${contact.id}`, { method: "DELETE" })}
          onRemoved={() => onRemoved(contact.id)}
        />
      </td>
    </tr>
  );
}
