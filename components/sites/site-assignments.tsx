"use client";
// Guards assigned to the site, with their weekly shifts and check-ins; admins
// and managers assign another guard (or change a guard's shifts and
// check-ins) and remove assignments.
import Link from "next/link";
import { useState } from "react";
import type { GuardDto } from "@/server/contracts/api";
import type { AssignmentDto, SiteAssignmentDto } from "@/server/contracts/sites";
import { apiRequest } from "../ui/api-request";
import { AssignGuardForm } from "./assign-guard-form";
import { shiftsText } from "./shift-text";

type Props = {
  siteId: string;
  siteTimezone: string;
  guards: GuardDto[];
  initial: SiteAssignmentDto[];
  canEdit: boolean;
};

const guardPath = (externalId: string) => `/api/v1/guards/${encodeURIComponent(externalId)}/assignments`;

export function SiteAssignments({ siteId, siteTimezone, guards, initial, canEdit }: Props) {
  const [assignments, setAssignments] = useState(initial);
  const [error, setError] = useState<string | null>(null);

  const assigned = (guard: GuardDto, result: AssignmentDto, timezone: string | null) =>
    setAssignments((current) =>
      [
        ...current.filter((a) => a.guardExternalId !== guard.externalId),
        {
          guardExternalId: guard.externalId,
          guardName: guard.name,
          shifts: result.shifts,
          timezone,
          checkInMinutes: result.checkInMinutes,
          graceSeconds: result.graceSeconds,
          createdAt: result.createdAt,
        },
      ].sort((a, b) => a.guardName.localeCompare(b.guardName)),
    );

  const unassign = async (externalId: string) => {
    setError(null);
    const result = await apiRequest(`${guardPath(externalId)}/${siteId}`, { method: "DELETE" });
    if (!result.ok) return setError(result.message);
    setAssignments((current) => current.filter((a) => a.guardExternalId !== externalId));
  };

  return (
    <section className="panel site-assignments" aria-labelledby="assignments-heading">
      <h2 id="assignments-heading">Guards assigned ({assignments.length})</h2>
      {assignments.length === 0 ? (
        <p className="muted">No guard is assigned to this site: nobody is checked against its fences.</p>
      ) : (
        <ul className="assignment-list" aria-label="Assigned guards">
          {assignments.map((a) => (
            <li key={a.guardExternalId} data-guard={a.guardExternalId}>
              <Link href={`/guards/${encodeURIComponent(a.guardExternalId)}`} className="assignment-guard">
                {a.guardName} <span className="muted mono">({a.guardExternalId})</span>
              </Link>
              <span className="assignment-shifts">
                {shiftsText(a.shifts)}
                {a.shifts.length > 0 && <span className="muted"> · {a.timezone ?? siteTimezone}</span>}
                {a.checkInMinutes !== null && (
                  <span className="muted" data-check-in>
                    {" "}
                    · check-in every {a.checkInMinutes} min, {a.graceSeconds} s grace
                  </span>
                )}
              </span>
              {canEdit && (
                <button
                  type="button"
                  className="btn-ghost btn-small btn-danger-ghost"
                  onClick={() => unassign(a.guardExternalId)}
                  aria-label={`Unassign ${a.guardName}`}
                >
                  Unassign
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {canEdit && (
        <AssignGuardForm
          siteId={siteId}
          siteTimezone={siteTimezone}
          guards={guards}
          onAssigned={(guard, result, timezone) => assigned(guard, result, timezone)}
        />
      )}
    </section>
  );
}
