// Accounts (issue 20, item 4) on a real Vigil with real PostgreSQL and the
// worker, emails through the real resend SDK to the local fake provider:
// changing one's password ends the other sessions, an admin's resets, the
// forgotten-password link (same answer for every email, single use,
// expiring), and the TOTP second factor, optional or required per tenant.
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { AccountDto, TotpEnrolmentDto } from "@/server/contracts/account";
import { base32Decode, hotp, totpStep } from "@/server/auth/totp";
import { api, logIn, type ApiError } from "@/test/harness/api-client";
import { startFakeProviders, type FakeProviders } from "@/test/harness/fake-providers";
import { createTenant, createUser, tenantOf, type TestUser } from "@/test/harness/tenants";
import { ADMIN_EMAIL, startTestVigil, type TestVigil } from "@/test/harness/vigil";
import { waitFor } from "@/test/harness/wait-for";

let vigil: TestVigil;
let fake: FakeProviders;
let tenantId: string;

beforeAll(async () => {
  fake = await startFakeProviders();
  vigil = await startTestVigil({ env: { ...fake.vigilEnv, PUBLIC_URL: "https://noc.vigil.test" } });
  tenantId = await tenantOf(vigil.sql, ADMIN_EMAIL);
}, 60_000);

afterAll(async () => {
  await vigil?.dispose();
  await fake?.close();
});

const call = <T = unknown>(route: string, options: { method?: string; token?: string; body?: unknown } = {}) =>
  api<T>(vigil.url, route, options);
const post = <T = unknown>(route: string, token: string | undefined, body?: unknown) =>
  call<T>(route, { method: "POST", token, body });
const stillSignedIn = async (token: string) => (await call("/api/v1/account", { token })).status === 200;
const userId = async (email: string) =>
  (await vigil.sql<{ id: string }[]>`select id from users where email = ${email}`)[0]!.id;

/** The reset link of the newest email to `to`, once it has arrived. */
async function resetLinkTo(to: string, { after = 0 } = {}): Promise<string> {
  const email = await waitFor(
    () => fake.requests.filter((r) => r.provider === "resend" && JSON.stringify(r.body.to).includes(to))[after],
    { what: `reset email ${after + 1} to ${to}`, timeoutMs: 15_000 },
  );
  const link = /https:\/\/noc\.vigil\.test\/reset-password\?token=([\w-]+)/.exec(email.body.text ?? "");
  expect(link, email.body.text).not.toBeNull();
  return link![1]!;
}

/** The code an authenticator app would show `steps` steps from now. */
const codeFor = (secret: string, steps = 0) => hotp(base32Decode(secret), totpStep(Date.now()) + steps);

describe("changing one's own password", () => {
  test("needs the current password, ends every other session and keeps this one", async () => {
    const user = await createUser(vigil.sql, { tenantId, role: "operator" });
    const [here, elsewhere] = [await logIn(vigil.url, user), await logIn(vigil.url, user)];

    const wrong = await post<ApiError>("/api/v1/account/password", here, {
      currentPassword: "not-it",
      newPassword: "a-brand-new-one",
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.issues?.[0]?.path).toBe("currentPassword");
    const short = await post<ApiError>("/api/v1/account/password", here, {
      currentPassword: user.password,
      newPassword: "short",
    });
    expect(short.status).toBe(422);
    expect(short.body.error.issues?.[0]?.path).toBe("newPassword");
    expect(await stillSignedIn(elsewhere)).toBe(true);

    const changed = await post("/api/v1/account/password", here, {
      currentPassword: user.password,
      newPassword: "a-brand-new-one",
    });
    expect(changed.status).toBe(204);
    expect(await stillSignedIn(here)).toBe(true);
    expect(await stillSignedIn(elsewhere)).toBe(false);
    expect((await post("/api/v1/sessions", undefined, user)).status).toBe(401);
    expect((await post("/api/v1/sessions", undefined, { ...user, password: "a-brand-new-one" })).status).toBe(201);
  });
});

describe("an admin's resets", () => {
  test("setting a user's password ends their sessions; not one's own, and not in another tenant", async () => {
    const user = await createUser(vigil.sql, { tenantId, role: "supervisor" });
    const session = await logIn(vigil.url, user);
    const id = await userId(user.email);
    const set = await call(`/api/v1/users/${id}/password`, {
      method: "PUT",
      token: vigil.adminToken,
      body: { password: "set-by-the-admin" },
    });
    expect(set.status).toBe(204);
    expect(await stillSignedIn(session)).toBe(false);
    expect((await post("/api/v1/sessions", undefined, { ...user, password: "set-by-the-admin" })).status).toBe(201);

    const self = await call(`/api/v1/users/${await userId(ADMIN_EMAIL)}/password`, {
      method: "PUT",
      token: vigil.adminToken,
      body: { password: "whatever-long" },
    });
    expect(self.status).toBe(403);
    const other = await createTenant(vigil.sql);
    const otherAdmin = await logIn(vigil.url, other);
    const foreign = await call(`/api/v1/users/${id}/password`, {
      method: "PUT",
      token: otherAdmin,
      body: { password: "taken-over-pw" },
    });
    expect(foreign.status).toBe(404);
    expect((await post("/api/v1/sessions", undefined, { ...user, password: "set-by-the-admin" })).status).toBe(201);
  });

  test("emailing a reset link ends the user's sessions at once, and the link sets a new password", async () => {
    const user = await createUser(vigil.sql, { tenantId, role: "manager" });
    const session = await logIn(vigil.url, user);
    const sent = await post<{ message: string }>(
      `/api/v1/users/${await userId(user.email)}/password-reset`,
      vigil.adminToken,
    );
    expect(sent.status).toBe(202);
    expect(await stillSignedIn(session)).toBe(false);
    const token = await resetLinkTo(user.email);
    expect((await post("/api/v1/password-resets", undefined, { token, password: "from-the-admin-link" })).status).toBe(
      204,
    );
    expect((await post("/api/v1/sessions", undefined, { ...user, password: "from-the-admin-link" })).status).toBe(201);
  });
});

describe("forgot password", () => {
  test("the answer is the same for an email with and without an account; only the account gets a link", async () => {
    const user = await createUser(vigil.sql, { tenantId, role: "operator" });
    const nobody = `nobody-${Date.now()}@tenant.test`;
    const forNobody = await post("/api/v1/password-reset-requests", undefined, { email: nobody });
    const forUser = await post("/api/v1/password-reset-requests", undefined, { email: user.email.toUpperCase() });
    expect(forNobody.status).toBe(202);
    expect(forUser.status).toBe(forNobody.status);
    expect(forUser.body).toEqual(forNobody.body);
    expect([...forUser.headers.keys()].sort()).toEqual([...forNobody.headers.keys()].sort());
    // The request itself looks nothing up: both queued the same job, and neither made a token yet or hashed anything.
    await resetLinkTo(user.email);
    await waitFor(
      async () =>
        (
          await vigil.sql`select 1 from graphile_worker._private_jobs j join graphile_worker._private_tasks t
            on t.id = j.task_id where t.identifier = 'send_password_reset'`
        ).length === 0,
      { what: "both reset jobs done" },
    );
    expect(fake.requests.filter((r) => JSON.stringify(r.body.to ?? "").includes(nobody))).toEqual([]);
    const tokens = await vigil.sql`select 1 from password_reset_tokens where user_id = ${await userId(user.email)}`;
    expect(tokens.length).toBe(1);
  });

  test("the link works once, ends every session, and only the newest link works", async () => {
    const user = await createUser(vigil.sql, { tenantId, role: "operator" });
    const session = await logIn(vigil.url, user);
    await post("/api/v1/password-reset-requests", undefined, { email: user.email });
    const first = await resetLinkTo(user.email);
    await post("/api/v1/password-reset-requests", undefined, { email: user.email });
    const second = await resetLinkTo(user.email, { after: 1 });
    expect(second).not.toBe(first);

    const replaced = await post<ApiError>("/api/v1/password-resets", undefined, {
      token: first,
      password: "newer-pass-1",
    });
    expect(replaced.status).toBe(422);
    expect(replaced.body.error.issues?.[0]?.path).toBe("token");
    expect(await stillSignedIn(session)).toBe(true);

    expect((await post("/api/v1/password-resets", undefined, { token: second, password: "newer-pass-1" })).status).toBe(
      204,
    );
    expect(await stillSignedIn(session)).toBe(false);
    const again = await post("/api/v1/password-resets", undefined, { token: second, password: "newer-pass-2" });
    expect(again.status).toBe(422);
    expect((await post("/api/v1/sessions", undefined, { ...user, password: "newer-pass-1" })).status).toBe(201);
    // Only the SHA-256 of a token is stored.
    const stored = await vigil.sql<
      { tokenHash: string }[]
    >`select token_hash as "tokenHash" from password_reset_tokens`;
    expect(stored.map((r) => r.tokenHash)).not.toContain(second);
  });

  test("a link expires after 30 minutes", async () => {
    const user = await createUser(vigil.sql, { tenantId, role: "operator" });
    await post("/api/v1/password-reset-requests", undefined, { email: user.email });
    const token = await resetLinkTo(user.email);
    const [row] = await vigil.sql<{ minutes: number }[]>`
      select round(extract(epoch from expires_at - created_at) / 60)::int as minutes from password_reset_tokens
      where user_id = ${await userId(user.email)}`;
    expect(row?.minutes).toBe(30);
    await vigil.sql`update password_reset_tokens set expires_at = now() - interval '1 second'
      where user_id = ${await userId(user.email)}`;
    expect((await post("/api/v1/password-resets", undefined, { token, password: "too-late-now" })).status).toBe(422);
    expect((await post("/api/v1/sessions", undefined, user)).status).toBe(201);
  });

  test("requests for one email are throttled (429 with Retry-After), whether or not it has an account", async () => {
    const email = `flood-${Date.now()}@tenant.test`;
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++)
      statuses.push((await post("/api/v1/password-reset-requests", undefined, { email })).status);
    expect(statuses).toEqual([202, 202, 202, 429]);
    const refused = await post("/api/v1/password-reset-requests", undefined, { email });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(0);
  });
});

describe("two-factor sign-in (TOTP)", () => {
  async function enrol(user: TestUser, token: string): Promise<string> {
    const started = await post<TotpEnrolmentDto>("/api/v1/account/totp", token);
    expect(started.status).toBe(201);
    expect(started.body.otpauthUri).toContain(`otpauth://totp/Vigil%3A${encodeURIComponent(user.email)}`);
    expect(started.body.qrSvg).toMatch(/^<svg/);
    const confirmed = await post("/api/v1/account/totp/confirm", token, { code: codeFor(started.body.secret) });
    expect(confirmed.status).toBe(204);
    return started.body.secret;
  }

  test("once set up, signing in asks for a code, takes each code once, and an admin's reset turns it off", async () => {
    const user = await createUser(vigil.sql, { tenantId, role: "operator" });
    const token = await logIn(vigil.url, user);
    const started = await post<TotpEnrolmentDto>("/api/v1/account/totp", token);
    const wrong = await post<ApiError>("/api/v1/account/totp/confirm", token, { code: "000000" });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error.issues?.[0]?.path).toBe("code");
    expect((await post("/api/v1/account/totp/confirm", token, { code: codeFor(started.body.secret) })).status).toBe(
      204,
    );
    const secret = started.body.secret;
    expect((await call<AccountDto>("/api/v1/account", { token })).body.totpEnabled).toBe(true);
    // The secret is stored encrypted.
    const [stored] = await vigil.sql<{ secret: string }[]>`
      select totp_secret as secret from users where email = ${user.email}`;
    expect(stored?.secret).not.toContain(secret);

    const withoutCode = await post<ApiError>("/api/v1/sessions", undefined, user);
    expect(withoutCode.status).toBe(401);
    expect(withoutCode.body.error.issues?.[0]?.path).toBe("totpCode");
    const code = codeFor(secret, 1);
    expect((await post("/api/v1/sessions", undefined, { ...user, totpCode: code })).status).toBe(201);
    expect((await post("/api/v1/sessions", undefined, { ...user, totpCode: code })).status).toBe(401);

    const reset = await call(`/api/v1/users/${await userId(user.email)}/totp`, {
      method: "DELETE",
      token: vigil.adminToken,
    });
    expect(reset.status).toBe(204);
    expect(await stillSignedIn(token)).toBe(false);
    expect((await post("/api/v1/sessions", undefined, user)).status).toBe(201);
  });

  test("wrong codes are throttled per user", async () => {
    const user = await createUser(vigil.sql, { tenantId, role: "operator" });
    const token = await logIn(vigil.url, user);
    await post("/api/v1/account/totp", token);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await post("/api/v1/account/totp/confirm", token, { code: "000000" })).status);
    expect(statuses).toEqual([422, 422, 422, 422, 422, 429]);
  });

  test("a tenant that requires it sends users without it to set it up, and lets them in once they have", async () => {
    const admin = await createTenant(vigil.sql, { name: "Strict" });
    const adminToken = await logIn(vigil.url, admin);
    const refused = await call("/api/v1/security-settings", {
      method: "PUT",
      token: adminToken,
      body: { requireTotp: true },
    });
    expect(refused.status).toBe(409);
    await enrol(admin, adminToken);
    const required = await call("/api/v1/security-settings", {
      method: "PUT",
      token: adminToken,
      body: { requireTotp: true },
    });
    expect(required.body).toEqual({ requireTotp: true });
    expect((await call("/api/v1/guards", { token: adminToken })).status).toBe(200);

    const operator = await createUser(vigil.sql, { tenantId: admin.tenantId, role: "operator" });
    const token = await logIn(vigil.url, operator);
    const blocked = await call<ApiError>("/api/v1/guards", { token });
    expect(blocked.status).toBe(403);
    expect(blocked.body.error.message).toMatch(/two-factor/);
    // The browser is sent to the Account page.
    const page = await fetch(new URL("/devices", vigil.url), {
      headers: { cookie: `vigil_session=${token}` },
      redirect: "manual",
    });
    expect(page.status).toBe(307);
    expect(page.headers.get("location")).toMatch(/\/account$/);
    const account = await call<AccountDto>("/api/v1/account", { token });
    expect(account.body).toMatchObject({ totpEnabled: false, totpRequired: true });

    await enrol(operator, token);
    expect((await call("/api/v1/guards", { token })).status).toBe(200);
    // Users of other tenants are not affected.
    expect((await call("/api/v1/guards", { token: vigil.adminToken })).status).toBe(200);
  });
});
