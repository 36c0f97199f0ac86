"use client";
// The tenant's contacts (the people alerts are sent to) and the form to add one.
import type { ContactDto } from "@/server/contracts/api";
import { AddContactForm } from "./add-contact-form";
import { LoadMore } from "./load-more";
import type { usePagedList } from "./use-paged-list";

type Props = { list: ReturnType<typeof usePagedList<ContactDto>> };

export function ContactsSection({ list }: Props) {
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
            </tr>
          </thead>
          <tbody>
            {list.items.map((c) => (
              <tr key={c.id} data-contact={c.name}>
                <td data-label="Name" className="primary">
                  {c.name}
                </td>
                <td data-label="Phone" className="mono">
                  {c.phone ?? <span className="muted">—</span>}
                </td>
                <td data-label="Email">{c.email ?? <span className="muted">—</span>}</td>
              </tr>
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
