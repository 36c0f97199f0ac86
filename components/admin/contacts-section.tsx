"use client";
// The tenant's contacts (the people alerts are sent to), each editable and
// removable, and the form to add one. `onRemoved` also lets the policies drop
// the contact from their tiers, as the API did.
import type { ContactDto } from "@/server/contracts/notifications";
import { AddContactForm } from "./add-contact-form";
import { ContactRow } from "./contact-row";
import { LoadMore } from "./load-more";
import type { usePagedList } from "./use-paged-list";

type Props = { list: ReturnType<typeof usePagedList<ContactDto>>; onRemoved: (id: string) => void };

export function ContactsSection({ list, onRemoved }: Props) {
  return (
    <section className="panel" aria-labelledby="contacts-heading">
      <h2 id="contacts-heading">Contacts</h2>
      {list.items.length === 0 ? (
        <p className="empty muted">No contacts yet: add the people who should hear about alerts.</p>
      ) : (
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Phone</th>
              <th scope="col">Email</th>
              <th scope="col">
                <span className="sr-only">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((c) => (
              <ContactRow
                key={c.id}
                contact={c}
                onChanged={list.replace}
                onRemoved={(id) => {
                  list.remove(id);
                  onRemoved(id);
                }}
              />
            ))}
          </tbody>
        </table>
      )}
      <LoadMore
        shown={list.items.length}
        noun={["contact", "contacts"]}
        more={list.nextCursor !== null}
        pending={list.pending}
        error={list.error}
        onMore={list.loadMore}
      />
      <h3>Add a contact</h3>
      <AddContactForm onCreated={list.add} />
    </section>
  );
}
