"use client";
// /admin/notifications: contacts, escalation policies (whose tiers pick from
// the contacts loaded above) and the tenant's alert rules.
import type { AlertRules } from "@/server/contracts/alert-rules";
import type { ContactDto, EscalationPolicyDto } from "@/server/contracts/notifications";
import { ADMIN_PAGE_SIZE, type Page } from "@/server/contracts/pagination";
import { AlertRulesForm } from "./alert-rules-form";
import { ContactsSection } from "./contacts-section";
import { PoliciesSection } from "./policies-section";
import { usePagedList } from "./use-paged-list";

type Props = {
  contacts: Page<ContactDto>;
  policies: Page<EscalationPolicyDto>;
  rules: AlertRules;
  /** For policies' match. */
  sites: { id: string; name: string }[];
};

export function NotificationsAdmin({ contacts, policies, rules, sites }: Props) {
  const contactList = usePagedList("/api/v1/contacts", contacts, ADMIN_PAGE_SIZE);
  const policyList = usePagedList("/api/v1/escalation-policies", policies, ADMIN_PAGE_SIZE);
  return (
    <div className="admin-grid">
      <ContactsSection
        list={contactList}
        onRemoved={(id) =>
          // The API took the contact out of every tier; the policies shown do the same.
          policyList.items
            .filter((p) => p.tiers.some((t) => t.contactIds.includes(id)))
            .forEach((p) =>
              policyList.replace({
                ...p,
                tiers: p.tiers.map((t) => ({ ...t, contactIds: t.contactIds.filter((c) => c !== id) })),
              }),
            )
        }
      />
      <PoliciesSection list={policyList} contacts={contactList.items} sites={sites} />
      <section className="panel" aria-labelledby="rules-heading">
        <h2 id="rules-heading">Alert rules</h2>
        <AlertRulesForm initial={rules} />
      </section>
    </div>
  );
}
