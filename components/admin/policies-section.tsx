"use client";
// The tenant's escalation policies, each tier in one line, and the form to add one.
import type { ContactDto, EscalationPolicyDto } from "@/server/contracts/api";
import { AddPolicyForm } from "./add-policy-form";
import { LoadMore } from "./load-more";
import type { usePagedList } from "./use-paged-list";

type Props = { list: ReturnType<typeof usePagedList<EscalationPolicyDto>>; contacts: ContactDto[] };

function tierText(tier: EscalationPolicyDto["tiers"][number], names: Map<string, string>): string {
  const who = tier.contactIds.map((id) => names.get(id) ?? "a contact").join(", ");
  return `${who} by ${tier.channels.join(" + ")} after ${tier.delaySeconds} s`;
}

export function PoliciesSection({ list, contacts }: Props) {
  const names = new Map(contacts.map((c) => [c.id, c.name]));
  return (
    <section className="panel" aria-labelledby="policies-heading">
      <h2 id="policies-heading">Escalation policies</h2>
      {list.items.length === 0 ? (
        <p className="empty muted">No escalation policy yet: alerts reach nobody outside the console.</p>
      ) : (
        <ul className="policy-list" aria-label="Escalation policies">
          {list.items.map((p) => (
            <li key={p.id} data-policy={p.name}>
              <div className="policy-head">
                <strong>{p.name}</strong>
                <span className="muted">
                  {p.repeats > 0 ? `repeats ${p.repeats}×` : "no repeats"}
                  {p.siteId ? " · one site" : " · all sites"}
                </span>
              </div>
              <ol>
                {p.tiers.map((tier, i) => (
                  <li key={i}>{tierText(tier, names)}</li>
                ))}
              </ol>
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
      <AddPolicyForm contacts={contacts} onCreated={list.add} />
    </section>
  );
}
