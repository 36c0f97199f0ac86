"use client";
// One guard on the guards page: name and id (to their track replay), phone,
// sites, status; managers and admins edit in place, assign sites, and
// deactivate (asks first) or reactivate.
import Link from "next/link";
import { useState } from "react";
import type { GuardDto, GuardSiteDto } from "@/server/contracts/api";
import { apiRequest } from "../ui/api-request";
import { ConfirmRemove } from "../ui/confirm-remove";
import { EditGuardForm } from "./edit-guard-form";
import { guardApi } from "./guard-api";
import { GuardSitesEditor } from "./guard-sites-editor";

type Props = {
  guard: GuardDto;
  assigned: GuardSiteDto[];
  sites: GuardSiteDto[];
  canEdit: boolean;
  onChanged: (guard: GuardDto) => void;
  onSitesChanged: (sites: GuardSiteDto[]) => void;
};

export function GuardRow({ guard, assigned, sites, canEdit, onChanged, onSitesChanged }: Props) {
  const [editing, setEditing] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const setActive = (active: boolean) =>
    apiRequest<GuardDto>(guardApi(guard.externalId), { method: "PATCH", body: { active } });

  if (editing) {
    return (
      <tr data-guard={guard.externalId}>
        <td colSpan={5} className="row-form">
          <EditGuardForm
            guard={guard}
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
    <tr data-guard={guard.externalId} data-active={guard.active}>
      <td data-label="Guard" className="primary">
        <Link href={`/guards/${encodeURIComponent(guard.externalId)}`}>{guard.name}</Link>
        <span className="mono muted small guard-id">{guard.externalId}</span>
      </td>
      <td data-label="Phone" className="mono">
        {guard.phone ?? <span className="muted">—</span>}
      </td>
      <td data-label="Sites" className="guard-sites-cell">
        {canEdit ? (
          <GuardSitesEditor guard={guard} assigned={assigned} sites={sites} onChanged={onSitesChanged} />
        ) : assigned.length > 0 ? (
          assigned.map((s) => s.siteName).join(", ")
        ) : (
          <span className="muted">none</span>
        )}
      </td>
      <td data-label="Status">
        <span className="badge" data-tone={guard.active ? "ok" : "danger"}>
          {guard.active ? "Active" : "Deactivated"}
        </span>
      </td>
      <td className="row-actions">
        {canEdit && (
          <>
            <button
              className="btn-ghost btn-small"
              type="button"
              aria-label={`Edit guard ${guard.name}`}
              onClick={() => setEditing(true)}
            >
              Edit
            </button>
            {guard.active ? (
              <ConfirmRemove
                label="Deactivate"
                what={`guard ${guard.name}`}
                consequence="Their history and sites are kept, but none of their shifts count: no geofence, man-down or patrol alerts until they are reactivated."
                onConfirm={() => setActive(false)}
                onRemoved={onChanged}
              />
            ) : (
              <button
                className="btn-ghost btn-small"
                type="button"
                aria-label={`Reactivate guard ${guard.name}`}
                onClick={async () => {
                  const result = await setActive(true);
                  if (!result.ok) return setError(result.message);
                  setError(null);
                  onChanged(result.data);
                }}
              >
                Reactivate
              </button>
            )}
            {error && (
              <span className="field-error" role="alert">
                {error}
              </span>
            )}
          </>
        )}
      </td>
    </tr>
  );
}
