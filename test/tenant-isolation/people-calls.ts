// The matrix's calls on people and accounts: tenants, users, passwords, second
// factors, one's own account and the public password-reset routes (matrix.ts).
import { uniqueId } from "@/test/harness/api-client";
import { ADMIN_EMAIL } from "@/test/harness/vigil";
import { DENIED, list, type Call, type TenantA } from "./matrix-calls";

export const PEOPLE_CALLS: Record<string, (a: TenantA) => Call[]> = {
  // B has no super-admin: no role of B lists tenants or creates one.
  "tenants GET": () => [{ path: "/api/v1/tenants", ok: [403], idRoute: false }],
  "tenants POST": () => [
    {
      path: "/api/v1/tenants",
      body: { name: "B's own", adminEmail: `${uniqueId("b-tenant")}@tenant.test`, adminPassword: "long enough" },
      ok: [403],
      idRoute: false,
    },
  ],
  "users GET": () => [...list("/api/v1/users"), ...list("/api/v1/users?limit=1")],
  // B's admin adds a user to B; A's admin's email cannot be used (422, as any unusable email).
  "users POST": () => [
    {
      path: "/api/v1/users",
      body: { email: `${uniqueId("b-user")}@tenant.test`, name: "B user", role: "operator", password: "long enough" },
      ok: [201, 403],
      idRoute: false,
    },
    {
      path: "/api/v1/users",
      body: { email: ADMIN_EMAIL, name: "Twin", role: "admin", password: "long enough" },
      ok: [403, 422],
      idRoute: false,
    },
  ],
  // Demoting and disabling A's admin: refused, and A's admin still works afterwards.
  "users/[id] PATCH": (a) => [
    { path: `/api/v1/users/${a.adminUserId}`, body: { role: "operator", disabled: true }, ok: DENIED, idRoute: true },
  ],
  // A's admin's password and second factor, from B: refused (404 for B's admin, 403 for the other roles).
  "users/[id]/password PUT": (a) => [
    { path: `/api/v1/users/${a.adminUserId}/password`, body: { password: "taken over" }, ok: DENIED, idRoute: true },
  ],
  "users/[id]/password-reset POST": (a) => [
    { path: `/api/v1/users/${a.adminUserId}/password-reset`, ok: DENIED, idRoute: true },
  ],
  "users/[id]/totp DELETE": (a) => [{ path: `/api/v1/users/${a.adminUserId}/totp`, ok: DENIED, idRoute: true }],
  // B's own tenant's rule (left off, so B's users are not sent to enrol mid-matrix).
  "security-settings PUT": () => [
    { path: "/api/v1/security-settings", body: { requireTotp: false }, ok: [200, 403], idRoute: false },
  ],
  // One's own account: B's user's, never A's.
  "account GET": () => [{ path: "/api/v1/account", ok: [200], idRoute: false }],
  "account/password POST": () => [
    {
      path: "/api/v1/account/password",
      body: { currentPassword: "not-the-password", newPassword: "long enough" },
      ok: [422],
      idRoute: false,
    },
  ],
  "account/totp POST": () => [{ path: "/api/v1/account/totp", ok: [201], idRoute: false }],
  "account/totp/confirm POST": () => [
    { path: "/api/v1/account/totp/confirm", body: { code: "000000" }, ok: [409, 422], idRoute: false },
  ],
  // Forgot password for A's admin's email: the same answer as for any email, and nothing of A's in it.
  "password-reset-requests POST": () => [
    { path: "/api/v1/password-reset-requests", body: { email: ADMIN_EMAIL }, ok: [202, 429], idRoute: false },
  ],
  "password-resets POST": () => [
    {
      path: "/api/v1/password-resets",
      body: { token: "not-a-reset-token", password: "long enough" },
      ok: [422],
      idRoute: false,
    },
  ],
  // Removing A's admin: refused (to A's admin too, who cannot remove themself: 409), and A's admin still works.
  "users/[id] DELETE": (a) => [{ path: `/api/v1/users/${a.adminUserId}`, ok: DENIED, idRoute: true }],
};
