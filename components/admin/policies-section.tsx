"use client";
// The tenant's escalation policies in the order alerts try them, each with
// what it matches, its quiet hours and each tier in one line; each editable
// (the item becomes the policy form), testable and removable, and the form to
// add one.
import { useState } from "react";
import type { ContactDto, EscalationPolicyDto } from "@/server/contracts/notifications";
import { apiRequest } from "../ui/api-request";
import { ConfirmRemove } from "../ui/confirm-remove";
import { LoadMore } from "./load-more";
import { PolicyForm } from "./policy-form";
import { PolicyTestButton } from "./policy-test-button";
import type { usePagedList } from "./use-paged-list";

type Props = {
  list: ReturnType<typeof usePagedList<EscalationPolicyDto>>;
  contacts: ContactDto[];
  sites: { id: string; name: string }[];
};

function tierText(tier: EscalationPolicyDto["tiers"][number], names: Map<string, string>): string {
  const who = tier.contactIds.map((id) => names.get(id) ?? "a contact").join(", ") || "nobody (all removed)";
  const fallback = tier.fallback ? `, then ${tier.fallback.channel} after ${tier.fallback.afterSeconds} s` : "";
  return `${who} by ${tier.channels.join(" + ")} after ${tier.delaySeconds} s${fallback}`;
}

const isDefault = (p: EscalationPolicyDto) => !p.match.types && !p.match.severities && !p.match.siteIds;

function matchText(p: EscalationPolicyDto, siteNames: Map<string, string>): string {
  if (isDefault(p)) return "default: every alert no other policy takes";
  const parts = [
    p.match.types && `types ${p.match.types.join(", ")}`,
    p.match.severities && `severities ${p.match.severities.join(", ")}`,
    p.match.siteIds && `sites ${p.match.siteIds.map((id) => siteNames.get(id) ?? "a removed site").join(", ")}`,
  ];
  return `priority ${p.priority}: ${parts.filter(Boolean).join("; ")}`;
}

/** The order notify_alert tries them in (workers/route-policy.ts). */
const routingOrder = (a: EscalationPolicyDto, b: EscalationPolicyDto) =>
  Number(isDefault(a)) - Number(isDefault(b)) || a.priority - b.priority || a.name.localeCompare(b.name);

export function PoliciesSection({ list, contacts, sites }: Props) {
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  const siteNames = new Map(sites.map((s) => [s.id, s.name]));
  const [editing, setEditing] = useState<string | null>(null);
  return (
    <section className="panel" aria-labelledby="policies-heading">
      <h2 id="policies-heading">Escalation policies</h2>
      {list.items.length === 0 ? (
        <p className="empty muted">No escalation policy yet: alerts reach nobody outside the console.</p>
      ) : (
        <ul className="policy-list" aria-label="Escalation policies">
          {[...list.items].sort(routingOrder).map((p) => (
            <li key={p.id} data-policy={p.name}>
              {editing === p.id ? (
                <PolicyForm
                  contacts={contacts}
                  sites={sites}
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
                      {p.quietHours ? ` · quiet ${p.quietHours.from}-${p.quietHours.to} ${p.quietHours.timezone}` : ""}
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
                    <PolicyTestButton policyId={p.id} policyName={p.name} />
                    <ConfirmRemove
                      what={`policy ${p.name}`}
                      consequence={
                        isDefault(p)
                          ? "Alerts no other policy takes then notify nobody outside the console."
                          : "Its alerts then follow the next policy they match, or the default."
                      }
                      onConfirm={() => apiRequest(`/api/v1/escalation-policies/${p.id}`, { method: "DELETE" })}
                      onRemoved={() => list.remove(p.id)}
                    />
                  </div>
                  <p className="muted small" data-match>
                    {matchText(p, siteNames)}
                  </p>
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
      <PolicyForm contacts={contacts} sites={sites} onSaved={list.add} />
    </section>
  );
}
