"use client";
// /admin/users: the tenant's users a page at a time, the form to add one, and
// the tenant's two-factor rule.
import type { SecuritySettingsDto } from "@/server/contracts/account";
import type { UserDto } from "@/server/contracts/admin";
import { ADMIN_PAGE_SIZE, type Page } from "@/server/contracts/pagination";
import { AddUserForm } from "./add-user-form";
import { LoadMore } from "./load-more";
import { SecuritySettingsForm } from "./security-settings-form";
import { usePagedList } from "./use-paged-list";
import { UserRow } from "./user-row";
import type { SiteOption } from "./user-sites-field";

type Props = { initial: Page<UserDto>; selfId: string; security: SecuritySettingsDto; sites: SiteOption[] };

export function UsersAdmin({ initial, selfId, security, sites }: Props) {
  const list = usePagedList("/api/v1/users", initial, ADMIN_PAGE_SIZE);
  return (
    <div className="admin-grid wide-list">
      <section className="panel" aria-labelledby="users-heading">
        <h2 id="users-heading">Users</h2>
        <table className="data-table compact">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Name</th>
              <th scope="col">Role</th>
              <th scope="col">Sites</th>
              <th scope="col">Status</th>
              <th scope="col">
                <span className="sr-only">Access</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((user) => (
              <UserRow
                key={user.id}
                user={user}
                sites={sites}
                isSelf={user.id === selfId}
                onChanged={list.replace}
                onRemoved={list.remove}
              />
            ))}
          </tbody>
        </table>
        <LoadMore
          shown={list.items.length}
          noun={["user", "users"]}
          more={list.nextCursor !== null}
          pending={list.pending}
          error={list.error}
          onMore={list.loadMore}
        />
      </section>
      <section className="panel" aria-labelledby="add-user-heading">
        <h2 id="add-user-heading">Add a user</h2>
        <AddUserForm sites={sites} onCreated={list.add} />
        <h3 id="security-heading">Sign-in security</h3>
        <SecuritySettingsForm initial={security} />
      </section>
    </div>
  );
}
