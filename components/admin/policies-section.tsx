"use client";
// The tenant's escalation policies, each tier in one line, each editable (the
// item becomes the policy form) and removable, and the form to add one.
import { useState } from "react";
import type { ContactDto, EscalationPolicyDto } from "@/server/contracts/notifications";
import { apiRequest } from "../ui/api-request";
import { ConfirmRemove } from "../ui/confirm-remove";
import { LoadMore } from "./load-more";
import { PolicyForm } from "./policy-form";
import type { usePagedList } from "./use-paged-list";

type Props = { list: ReturnType<typeof usePagedList<EscalationPolicyDto>>; contacts: ContactDto[] };

function tierText(tier: EscalationPolicyDto["tiers"][number], names: Map<string, string>): string {
  const who = tier.contactIds.map((id) => names.get(id) ?? "a contact").join(", ") || "nobody (all removed)";
  return `${who} by ${tier.channels.join(" + ")} after ${tier.delaySeconds} s`;
}

export function PoliciesSection({ list, contacts }: Props) {
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="policies-heading">
      <h2 id="policies-heading">Escalation policies</h2>
      {list.items.length === 0 ? (
        <p className="empty muted">No escalation policy yet: alerts reach nobody outside the console.</p>
      ) : (
        <ul className="policy-list" aria-label="Escalation policies">
          {list.items.map((p) => (
            <li key={p.id} data-policy={p.name}>
              {editing === p.id ? (
                <PolicyForm
                  contacts={contacts}
                  policy={p}
                  onCancel={() => setEditing(null)}
                  onSaved={(saved) => {
                    setEditing(null);
                    list.replace(saved);
                  }}
                />
              ) : (
                <>
                  <div className="policy-head">
                    <strong>{p.name}</strong>
                    <span className="muted">
                      {p.repeats > 0 ? `repeats ${p.repeats}×` : "no repeats"}
                      {p.siteId ? " · one site" : " · all sites"}
                    </span>
                    <span className="spacer" />
                    <button
                      className="btn-ghost btn-small"
                      type="button"
                      aria-label={`Edit policy ${p.name}`}
                      onClick={() => setEditing(p.id)}
                    >
                      Edit
                    </button>
                    <ConfirmRemove
                      what={`policy ${p.name}`}
                      consequence={
                        p.siteId
                          ? "The site's alerts then follow the default policy."
                          : "Alerts without a site policy then notify nobody outside the console."
                      }
                      onConfirm={() => apiRequest(`/api/v1/escalation-policies/${p.id}`, { method: "DELETE" })}
                      onRemoved={() => list.remove(p.id)}
                    />
                  </div>
                  <ol>
                    {p.tiers.map((tier, i) => (
                      <li key={i}>{tierText(tier, names)}</li>
                    ))}
                  </ol>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      <LoadMore
        shown={list.items.length}
        noun={["policy", "policies"]}
        more={list.nextCursor !== null}
        pending={list.pending}
        error={list.error}
        onMore={list.loadMore}
      />
      <h3>Add a policy</h3>
      <PolicyForm contacts={contacts} onSaved={list.add} />
    </section>
  );
}
