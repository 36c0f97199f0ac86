"use client";
// One user of the tenant: the role is changed in place, the user disabled or
// enabled again, or removed (asks first). An admin's own row offers none of
// these (the API refuses too); a refusal is shown in the row, beside the
// control it concerns. An operator or supervisor may be limited to sites. Sign-in help (reset link, new password, two-factor
// reset) is under a disclosure.
import { useState } from "react";
import type { UserDto } from "@/server/contracts/admin";
import { roles, type UserRole } from "@/server/contracts/api";
import { apiRequest } from "../ui/api-request";
import { ConfirmRemove } from "../ui/confirm-remove";
import { UserAccountActions } from "./user-account-actions";
import { UserSitesField, type SiteOption } from "./user-sites-field";

type Props = {
  user: UserDto;
  sites: SiteOption[];
  isSelf: boolean;
  onChanged: (user: UserDto) => void;
  onRemoved: (id: string) => void;
};

export function UserRow({ user, sites, isSelf, onChanged, onRemoved }: Props) {
  const [pending, setPending] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});

  const patch = async (body: { role?: UserRole; disabled?: boolean }) => {
    setPending(true);
    const result = await apiRequest<UserDto>(`/api/v1/users/${user.id}`, { method: "PATCH", body });
    setPending(false);
    if (result.ok) {
      setErrors({});
      return onChanged(result.data);
    }
    setErrors(Object.keys(result.fields).length > 0 ? result.fields : { form: result.message });
  };

  const roleId = `role-${user.id}`;
  return (
    <tr data-user={user.email}>
      <td data-label="Email" className="primary">
        <span className="mono">{user.email}</span>
        {isSelf && <span className="muted"> (you)</span>}
      </td>
      <td data-label="Name">{user.name || <span className="muted">—</span>}</td>
      <td data-label="Role">
        <label htmlFor={roleId} className="sr-only">
          Role of {user.email}
        </label>
        <select
          id={roleId}
          value={user.role}
          disabled={pending || isSelf}
          aria-invalid={errors.role ? true : undefined}
          onChange={(e) => patch({ role: e.target.value as UserRole })}
        >
          {roles.map((r) => (
            <option key={r} value={r}>
              {r}
            </option>
          ))}
        </select>
        {errors.role && <span className="field-error">{errors.role}</span>}
      </td>
      <td data-label="Sites">
        <UserSitesField key={user.siteIds.join(",") + user.role} user={user} sites={sites} onChanged={onChanged} />
      </td>
      <td data-label="Status">
        <span className="badge" data-tone={user.disabled ? "danger" : "ok"}>
          {user.disabled ? "Disabled" : "Active"}
        </span>
        {user.totpEnabled && (
          <span className="badge" data-tone="ok" title="Two-factor sign-in is on">
            2FA
          </span>
        )}
      </td>
      <td data-label="Access">
        {!isSelf && (
          <button
            className={user.disabled ? "btn-ghost btn-small" : "btn-ghost btn-small btn-danger-ghost"}
            type="button"
            disabled={pending}
            onClick={() => patch({ disabled: !user.disabled })}
          >
            {user.disabled ? "Enable" : "Disable"}
          </button>
        )}
        {!isSelf && <UserAccountActions user={user} onChanged={onChanged} />}
        {!isSelf && (
          <ConfirmRemove
            what={`user ${user.email}`}
            consequence="Their sessions end at once and they can no longer sign in; past alerts still show what they did."
            onConfirm={() => apiRequest(`/api/v1/users/${user.id}`, { method: "DELETE" })}
            onRemoved={() => onRemoved(user.id)}
          />
        )}
        {(errors.disabled ?? errors.form) && (
          <span className="field-error" role="alert">
            {errors.disabled ?? errors.form}
          </span>
        )}
      </td>
    </tr>
  );
}
