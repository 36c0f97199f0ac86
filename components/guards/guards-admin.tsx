"use client";
// /guards: the tenant's guards, searched and filtered in the browser (the
// whole roster is loaded: one row a guard), with their sites; managers and
// admins add, edit, assign, deactivate and reactivate them here.
import { useState } from "react";
import type { GuardDto, GuardSiteDto } from "@/server/contracts/api";
import { AddGuardForm } from "./add-guard-form";
import { filterGuards, guardStatuses, type GuardStatus } from "./guard-filter";
import { GuardRow } from "./guard-row";

type Props = {
  initial: GuardDto[];
  initialSites: Record<string, GuardSiteDto[]>;
  sites: GuardSiteDto[];
  canEdit: boolean;
};

const statusLabels: Record<GuardStatus, string> = { active: "Active", deactivated: "Deactivated", all: "All" };

export function GuardsAdmin({ initial, initialSites, sites, canEdit }: Props) {
  const [guards, setGuards] = useState(initial);
  const [assigned, setAssigned] = useState(initialSites);
  const [query, setQuery] = useState("");
  const [status, setStatus] = useState<GuardStatus>("active");
  const shown = filterGuards(guards, { query, status });
  const replace = (guard: GuardDto) => setGuards((all) => all.map((g) => (g.id === guard.id ? guard : g)));

  return (
    <div className="guards-layout">
      <section className="panel" aria-labelledby="guards-heading">
        <h2 id="guards-heading" className="sr-only">
          Guards
        </h2>
        <div className="toolbar" role="search">
          <label htmlFor="guard-search" className="sr-only">
            Search guards
          </label>
          <input
            id="guard-search"
            type="search"
            placeholder="Search by name, id or phone"
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <label htmlFor="guard-status" className="sr-only">
            Status
          </label>
          <select id="guard-status" value={status} onChange={(e) => setStatus(e.target.value as GuardStatus)}>
            {guardStatuses.map((s) => (
              <option key={s} value={s}>
                {statusLabels[s]}
              </option>
            ))}
          </select>
          <span className="muted" role="status">
            {shown.length} of {guards.length}
          </span>
        </div>
        {shown.length === 0 ? (
          <p className="empty muted">
            {guards.length === 0 ? "No guards yet." : "No guard matches the search and status."}
          </p>
        ) : (
          <table className="data-table compact guard-table">
            <thead>
              <tr>
                <th scope="col">Guard</th>
                <th scope="col">Phone</th>
                <th scope="col">Sites</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {shown.map((g) => (
                <GuardRow
                  key={g.id}
                  guard={g}
                  assigned={assigned[g.externalId] ?? []}
                  sites={sites}
                  canEdit={canEdit}
                  onChanged={replace}
                  onSitesChanged={(list) => setAssigned((all) => ({ ...all, [g.externalId]: list }))}
                />
              ))}
            </tbody>
          </table>
        )}
      </section>
      {canEdit && (
        <section className="panel" aria-labelledby="add-guard-heading">
          <h2 id="add-guard-heading">Add a guard</h2>
          <AddGuardForm
            onCreated={(guard) => {
              setGuards((all) => [guard, ...all.filter((g) => g.id !== guard.id)]);
              setQuery("");
              setStatus("active");
            }}
          />
        </section>
      )}
    </div>
  );
}
