// The audit log for the people and account writes, over real HTTP and
// PostgreSQL: editing and removing a contact, removing a user, deactivating a
// guard, an admin setting a user's password and resetting their second factor,
// a tenant requiring two-factor sign-in, and a user setting up their own: one
// entry each, with the action, entity, before and after, and no secret (nor
// its hash) anywhere in the stored row.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { TotpEnrolmentDto } from "@/server/contracts/account";
import type { ContactDto } from "@/server/contracts/notifications";
import type { AuditEventDto } from "@/server/contracts/audit";
import type { Page } from "@/server/contracts/pagination";
import { base32Decode, hotp, totpStep } from "@/server/auth/totp";
import { issuePasswordReset } from "@/server/services/accounts/issue-password-reset";
import { api, createGuard, logIn, uniqueId } from "@/test/harness/api-client";
import { createTenant, createUser, tenantOf } from "@/test/harness/tenants";
import { ADMIN_EMAIL, startTestVigil, type TestVigil } from "@/test/harness/vigil";

let vigil: TestVigil;
let tenantId: string;

beforeAll(async () => {
  vigil = await startTestVigil();
  tenantId = await tenantOf(vigil.sql, ADMIN_EMAIL);
});

afterAll(async () => {
  await vigil?.dispose();
});

const call = <T = unknown>(route: string, options: { method?: string; token?: string; body?: unknown } = {}) =>
  api<T>(vigil.url, route, { token: vigil.adminToken, ...options });

/** The entity's entries through the API, newest first. */
async function entries(entityType: string, entityId: string, token = vigil.adminToken): Promise<AuditEventDto[]> {
  const query = `entityType=${entityType}&entityId=${encodeURIComponent(entityId)}`;
  const response = await call<Page<AuditEventDto>>(`/api/v1/audit-events?${query}`, { token });
  expect(response.status).toBe(200);
  return response.body.items;
}

/** The entity's entries as stored, each row as JSON text (to look for secrets in every column). */
async function storedRows(entityId: string): Promise<string> {
  const rows = await vigil.sql<{ row: string }[]>`
    select row_to_json(a)::text as row from audit_events a where entity_id = ${entityId}`;
  return rows.map((r) => r.row).join("\n");
}

const userId = async (email: string) =>
  (await vigil.sql<{ id: string }[]>`select id from users where email = ${email}`)[0]!.id;

const codeFor = (secret: string) => hotp(base32Decode(secret), totpStep(Date.now()));

describe("people", () => {
  test("editing a contact records it before and after; removing it records it as it was", async () => {
    const created = await call<ContactDto>("/api/v1/contacts", {
      method: "POST",
      body: { name: uniqueId("Night lead"), phone: "+14155550100" },
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const edited = await call(`/api/v1/contacts/${id}`, { method: "PATCH", body: { phone: "+14155550199" } });
    expect(edited.status).toBe(200);
    const removed = await call(`/api/v1/contacts/${id}`, { method: "DELETE" });
    expect(removed.status).toBe(204);

    const [deletion, update, creation, ...more] = await entries("contact", id);
    expect(more).toEqual([]);
    expect(creation?.action).toBe("create");
    expect(update).toMatchObject({
      action: "update",
      actor: { email: ADMIN_EMAIL, role: "admin" },
      before: { id, name: created.body.name, phone: "+14155550100" },
      after: { id, name: created.body.name, phone: "+14155550199" },
    });
    expect(deletion).toMatchObject({
      action: "delete",
      entityType: "contact",
      before: { id, phone: "+14155550199" },
      after: null,
    });
  });

  test("removing a user records the user as they were, without their password hash", async () => {
    const user = await createUser(vigil.sql, { tenantId, role: "operator" });
    const id = await userId(user.email);
    const [row] = await vigil.sql<{ hash: string }[]>`select password_hash as hash from users where id = ${id}`;
    expect((await call(`/api/v1/users/${id}`, { method: "DELETE" })).status).toBe(204);

    const [entry, ...more] = await entries("user", id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      action: "delete",
      entityType: "user",
      entityId: id,
      before: { id, email: user.email, role: "operator", disabled: false },
      after: null,
    });
    const stored = await storedRows(id);
    expect(stored).not.toContain(row!.hash);
    expect(stored).not.toContain(user.password);
  });

  test("deactivating a guard is recorded as deactivate, and reactivating as reactivate", async () => {
    const guard = await createGuard(vigil.url, vigil.adminToken);
    const path = `/api/v1/guards/${guard.externalId}`;
    expect((await call(path, { method: "PATCH", body: { active: false } })).status).toBe(200);

    const [deactivated, ...more] = await entries("guard", guard.externalId);
    expect(more.map((e) => e.action)).toEqual(["create"]);
    expect(deactivated).toMatchObject({
      action: "deactivate",
      entityType: "guard",
      entityId: guard.externalId,
      before: { externalId: guard.externalId, active: true },
      after: { externalId: guard.externalId, active: false },
    });

    expect((await call(path, { method: "PATCH", body: { active: true } })).status).toBe(200);
    const [reactivated] = await entries("guard", guard.externalId);
    expect(reactivated).toMatchObject({ action: "reactivate", before: { active: false }, after: { active: true } });
  });
});

describe("accounts", () => {
  test("an admin setting a user's password records that it changed, never the password or its hash", async () => {
    const user = await createUser(vigil.sql, { tenantId, role: "supervisor" });
    const id = await userId(user.email);
    const password = `pw-${uniqueId("set-by-admin")}`;
    expect((await call(`/api/v1/users/${id}/password`, { method: "PUT", body: { password } })).status).toBe(204);

    const [entry, ...more] = await entries("user", id);
    expect(more).toEqual([]);
    expect(entry).toMatchObject({
      action: "set_password",
      entityType: "user",
      entityId: id,
      actor: { email: ADMIN_EMAIL, role: "admin" },
      before: null,
      after: { changed: ["password"], sessionsEnded: true },
    });
    const [row] = await vigil.sql<{ hash: string }[]>`select password_hash as hash from users where id = ${id}`;
    const stored = await storedRows(id);
    expect(stored).not.toContain(password);
    expect(stored).not.toContain(row!.hash);
  });

  test("an admin sending a reset link records it; using a link records the user as its own actor", async () => {
    const user = await createUser(vigil.sql, { tenantId, role: "manager" });
    const id = await userId(user.email);
    expect((await call(`/api/v1/users/${id}/password-reset`, { method: "POST" })).status).toBe(202);
    const [sent, ...more] = await entries("user", id);
    expect(more).toEqual([]);
    expect(sent).toMatchObject({
      action: "send_password_reset",
      actor: { email: ADMIN_EMAIL },
      after: { resetLinkSentTo: user.email, sessionsEnded: true },
    });

    // The link as the worker would mail it, for a second user (the worker's own link would replace it).
    const other = await createUser(vigil.sql, { tenantId, role: "operator" });
    const otherId = await userId(other.email);
    const link = await issuePasswordReset(vigil.sql, { userId: otherId });
    const password = `pw-${uniqueId("from-link")}`;
    const reset = await api(vigil.url, "/api/v1/password-resets", {
      method: "POST",
      body: { token: link!.token, password },
    });
    expect(reset.status).toBe(204);
    const [used, ...none] = await entries("user", otherId);
    expect(none).toEqual([]);
    expect(used).toMatchObject({
      action: "reset_password",
      actor: { userId: otherId, email: other.email, role: "operator" },
      after: { changed: ["password"] },
      channel: "link",
    });
    const stored = await storedRows(otherId);
    expect(stored).not.toContain(password);
    expect(stored).not.toContain(link!.token);
  });

  test("requiring two-factor sign-in records the tenant before and after; setting it up records the user", async () => {
    const admin = await createTenant(vigil.sql, { name: "Strict audit" });
    const token = await logIn(vigil.url, admin);
    const adminId = await userId(admin.email);
    const started = await call<TotpEnrolmentDto>("/api/v1/account/totp", { method: "POST", token });
    expect(started.status).toBe(201);
    const confirmed = await call("/api/v1/account/totp/confirm", {
      method: "POST",
      token,
      body: { code: codeFor(started.body.secret) },
    });
    expect(confirmed.status).toBe(204);
    const required = await call("/api/v1/security-settings", { method: "PUT", token, body: { requireTotp: true } });
    expect(required.status).toBe(200);

    const [tenantEntry, ...moreTenant] = await entries("tenant", admin.tenantId, token);
    expect(moreTenant).toEqual([]);
    expect(tenantEntry).toMatchObject({
      action: "update",
      entityType: "tenant",
      entityId: admin.tenantId,
      actor: { userId: adminId, email: admin.email },
      before: { requireTotp: false },
      after: { requireTotp: true },
    });
    const [enrolment, ...moreUser] = await entries("user", adminId, token);
    expect(moreUser).toEqual([]);
    expect(enrolment).toMatchObject({
      action: "enable_totp",
      actor: { userId: adminId },
      before: { totpEnabled: false },
      after: { totpEnabled: true },
    });
    const [secrets] = await vigil.sql<
      { secret: string }[]
    >`select totp_secret as secret from users where id = ${adminId}`;
    const stored = await storedRows(adminId);
    expect(stored).not.toContain(started.body.secret);
    expect(stored).not.toContain(secrets!.secret);
  });

  test("an admin resetting a user's second factor records it on the user", async () => {
    const user = await createUser(vigil.sql, { tenantId, role: "operator" });
    const id = await userId(user.email);
    const token = await logIn(vigil.url, user);
    const started = await call<TotpEnrolmentDto>("/api/v1/account/totp", { method: "POST", token });
    await call("/api/v1/account/totp/confirm", { method: "POST", token, body: { code: codeFor(started.body.secret) } });
    expect((await call(`/api/v1/users/${id}/totp`, { method: "DELETE" })).status).toBe(204);

    const [reset, enabled, ...more] = await entries("user", id);
    expect(more).toEqual([]);
    expect(enabled?.action).toBe("enable_totp");
    expect(reset).toMatchObject({
      action: "reset_totp",
      actor: { email: ADMIN_EMAIL },
      before: { totpEnabled: true },
      after: { totpEnabled: false },
    });
    expect(await storedRows(id)).not.toContain(started.body.secret);
  });
});
