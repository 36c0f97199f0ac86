"use client";
// The sites an operator or supervisor is limited to (empty: the whole tenant):
// named in the row, changed under a disclosure with a box per site. Admins and
// managers always see the whole tenant, so their row says so and offers nothing.
import { useState } from "react";
import type { UserDto } from "@/server/contracts/admin";
import { apiRequest } from "../ui/api-request";

export type SiteOption = { id: string; name: string };
type Props = { user: UserDto; sites: SiteOption[]; onChanged: (user: UserDto) => void };

export const LIMITED_ROLES: readonly UserDto["role"][] = ["operator", "supervisor"];

function sitesLabel(user: UserDto, sites: SiteOption[]): string {
  if (user.siteIds.length === 0) return "All sites";
  const names = new Map(sites.map((s) => [s.id, s.name]));
  return user.siteIds.map((id) => names.get(id) ?? "a removed site").join(", ");
}

export function UserSitesField({ user, sites, onChanged }: Props) {
  const [chosen, setChosen] = useState<string[]>(user.siteIds);
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!LIMITED_ROLES.includes(user.role)) return <span className="muted">All sites</span>;

  const save = async () => {
    setPending(true);
    const result = await apiRequest<UserDto>(`/api/v1/users/${user.id}`, {
      method: "PATCH",
      body: { siteIds: chosen },
    });
    setPending(false);
    if (!result.ok) return setError(result.fields.siteIds ?? result.message);
    setError(null);
    onChanged(result.data);
  };
  const toggle = (id: string, on: boolean) => setChosen((ids) => (on ? [...ids, id] : ids.filter((x) => x !== id)));

  return (
    <details className="user-actions" data-user-sites={user.email}>
      <summary className="btn-ghost btn-small">{sitesLabel(user, sites)}</summary>
      <div className="user-actions-body">
        <div className="checks" role="group" aria-label={`Sites of ${user.email}`}>
          {sites.length === 0 && <span className="muted">The tenant has no sites yet.</span>}
          {sites.map((site) => (
            <label key={site.id} className="check">
              <input
                type="checkbox"
                checked={chosen.includes(site.id)}
                onChange={(e) => toggle(site.id, e.target.checked)}
              />
              {site.name}
            </label>
          ))}
        </div>
        <span className="field-hint muted">None ticked: the whole tenant.</span>
        <button className="btn btn-small" type="button" disabled={pending} onClick={save}>
          Save sites
        </button>
        {error && (
          <span className="field-error" role="alert">
            {error}
          </span>
        )}
      </div>
    </details>
  );
}
