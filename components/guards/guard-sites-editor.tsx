"use client";
// A guard's sites on the guards page: each with Remove, and a site to add.
// Assigned from here a guard is always on shift at the site; weekly shifts are
// set on the site's page. A deactivated guard takes no new site.
import { useState } from "react";
import type { GuardDto, GuardSiteDto } from "@/server/contracts/api";
import type { AssignmentDto } from "@/server/contracts/sites";
import { apiRequest } from "../ui/api-request";
import { guardApi } from "./guard-api";

type Props = {
  guard: GuardDto;
  assigned: GuardSiteDto[];
  sites: GuardSiteDto[];
  onChanged: (sites: GuardSiteDto[]) => void;
};

export function GuardSitesEditor({ guard, assigned, sites, onChanged }: Props) {
  const free = sites.filter((s) => !assigned.some((a) => a.siteId === s.siteId));
  const [siteId, setSiteId] = useState(free[0]?.siteId ?? "");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const selectId = `guard-${guard.id}-site`;

  const assign = async () => {
    const site = free.find((s) => s.siteId === siteId) ?? free[0];
    if (!site) return;
    setPending(true);
    const result = await apiRequest<AssignmentDto>(`${guardApi(guard.externalId)}/assignments`, {
      method: "POST",
      body: { siteId: site.siteId },
    });
    setPending(false);
    if (!result.ok) return setError(result.fields.siteId ?? result.message);
    setError(null);
    setSiteId("");
    onChanged([...assigned, site].sort((x, y) => x.siteName.localeCompare(y.siteName)));
  };

  const unassign = async (site: GuardSiteDto) => {
    setPending(true);
    const result = await apiRequest(`${guardApi(guard.externalId)}/assignments/${site.siteId}`, { method: "DELETE" });
    setPending(false);
    if (!result.ok) return setError(result.message);
    setError(null);
    onChanged(assigned.filter((a) => a.siteId !== site.siteId));
  };

  return (
    <div className="guard-sites" role="group" aria-label={`Sites of ${guard.name}`}>
      {assigned.length === 0 ? (
        <p className="muted">Not assigned to any site.</p>
      ) : (
        <ul className="chip-list">
          {assigned.map((s) => (
            <li key={s.siteId} className="chip">
              {s.siteName}
              <button
                className="btn-ghost btn-small"
                type="button"
                disabled={pending}
                aria-label={`Remove ${guard.name} from ${s.siteName}`}
                onClick={() => unassign(s)}
              >
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
      {guard.active && free.length > 0 && (
        <div className="inline-form">
          <label htmlFor={selectId} className="sr-only">
            Site to assign {guard.name} to
          </label>
          <select id={selectId} value={siteId || free[0]?.siteId} onChange={(e) => setSiteId(e.target.value)}>
            {free.map((s) => (
              <option key={s.siteId} value={s.siteId}>
                {s.siteName}
              </option>
            ))}
          </select>
          <button className="btn-ghost btn-small" type="button" disabled={pending} onClick={assign}>
            Assign
          </button>
        </div>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
