"use client";
// /admin/tenants: every tenant of the installation and the form to create one.
import type { TenantDto } from "@/server/contracts/admin";
import { ADMIN_PAGE_SIZE, type Page } from "@/server/contracts/pagination";
import { AddTenantForm } from "./add-tenant-form";
import { LoadMore } from "./load-more";
import { usePagedList } from "./use-paged-list";

export function TenantsAdmin({ initial }: { initial: Page<TenantDto> }) {
  const list = usePagedList("/api/v1/tenants", initial, ADMIN_PAGE_SIZE);
  return (
    <div className="admin-grid">
      <section className="panel" aria-labelledby="tenants-heading">
        <h2 id="tenants-heading">Tenants</h2>
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">First admin</th>
              <th scope="col">Users</th>
              <th scope="col">Created</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((t) => (
              <tr key={t.id} data-tenant={t.name}>
                <td data-label="Name" className="primary">
                  {t.name}
                </td>
                <td data-label="First admin" className="mono">
                  {t.adminEmail ?? <span className="muted">—</span>}
                </td>
                <td data-label="Users">{t.users}</td>
                <td data-label="Created">
                  <time dateTime={t.createdAt}>{t.createdAt.slice(0, 10)}</time>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <LoadMore
          shown={list.items.length}
          noun={["tenant", "tenants"]}
          more={list.nextCursor !== null}
          pending={list.pending}
          error={list.error}
          onMore={list.loadMore}
        />
      </section>
      <section className="panel" aria-labelledby="add-tenant-heading">
        <h2 id="add-tenant-heading">Create a tenant</h2>
        <AddTenantForm onCreated={list.add} />
      </section>
    </div>
  );
}
