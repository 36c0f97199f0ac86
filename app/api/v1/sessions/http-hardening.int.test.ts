// Sign-in throttling, proxies, CSRF, cookies and request bodies over real
// HTTP, with Vigil behind a trusted reverse proxy on loopback (this test
// plays the proxy: it sets X-Forwarded-For/-Host/-Proto itself).
import { io } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { api, logIn, type ApiError } from "@/test/harness/api-client";
import { createUser, tenantOf } from "@/test/harness/tenants";
import { ADMIN_EMAIL, startTestVigil, type TestVigil } from "@/test/harness/vigil";

const PUBLIC_URL = "https://vigil.example.org";
let vigil: TestVigil;
let tenantId: string;

beforeAll(async () => {
  vigil = await startTestVigil({
    env: { TRUSTED_PROXIES: "loopback", PUBLIC_URL, HTTP_MAX_BODY_BYTES: "65536", OPS_ON_WEB_PORT: "false" },
  });
  tenantId = await tenantOf(vigil.sql, ADMIN_EMAIL);
});

afterAll(async () => {
  await vigil?.dispose();
});

function signIn(email: string, password: string, from: string) {
  return api<ApiError>(vigil.url, "/api/v1/sessions", {
    method: "POST",
    body: { email, password },
    headers: { "x-forwarded-for": from },
  });
}

/** Lets the current wait of every throttle pass, as if the time had gone by. */
async function waitOutThrottles(): Promise<void> {
  await vigil.sql`update login_throttles set blocked_until = now() where blocked_until > now()`;
}

describe("sign-in throttling", () => {
  test("50 parallel wrong passwords for one account get no more than 5 evaluated", async () => {
    const alice = await createUser(vigil.sql, { tenantId, role: "operator" });
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) => signIn(alice.email, `wrong-${i}`, "203.0.113.10")),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.filter((s) => s === 401)).toHaveLength(5);
    expect(statuses.filter((s) => s === 429)).toHaveLength(45);
  }, 60_000);

  test("an attacker flooding alice's account from one address does not lock alice out elsewhere", async () => {
    const alice = await createUser(vigil.sql, { tenantId, role: "operator" });
    for (let i = 0; i < 12; i++) await signIn(alice.email, `guess-${i}`, "198.51.100.66");
    expect((await signIn(alice.email, alice.password, "198.51.100.66")).status).toBe(429);
    const fromHome = await signIn(alice.email, alice.password, "192.0.2.44");
    expect(fromHome.status).toBe(201);
  }, 60_000);

  test("each further attempt from the failing address waits twice as long (Retry-After 15, 30, 60 s)", async () => {
    const bob = await createUser(vigil.sql, { tenantId, role: "operator" });
    for (let i = 0; i < 5; i++) expect((await signIn(bob.email, `wrong-${i}`, "198.51.100.77")).status).toBe(401);
    const waits: number[] = [];
    for (let round = 0; round < 3; round++) {
      const limited = await signIn(bob.email, bob.password, "198.51.100.77");
      expect(limited.status).toBe(429);
      expect(limited.body.error.code).toBe("rate_limited");
      waits.push(Number(limited.headers.get("retry-after")));
      await waitOutThrottles();
      expect((await signIn(bob.email, "still-wrong", "198.51.100.77")).status).toBe(401);
    }
    // The wait runs from when the attempt was counted, before its password check: a second or two is gone.
    expect(waits.map((w) => Math.round(w / 15))).toEqual([1, 2, 4]);
    // After the wait, the right password signs in and the account-address pair starts afresh.
    await waitOutThrottles();
    expect((await signIn(bob.email, bob.password, "198.51.100.77")).status).toBe(201);
    expect((await signIn(bob.email, "typo", "198.51.100.77")).status).toBe(401);
  }, 60_000);

  test("failures leak away: 15 quiet minutes take one attempt off the account-address pair", async () => {
    const erin = await createUser(vigil.sql, { tenantId, role: "operator" });
    for (let i = 0; i < 5; i++) await signIn(erin.email, `wrong-${i}`, "198.51.100.88");
    const waitAfter = async () => {
      expect((await signIn(erin.email, "wrong-again", "198.51.100.88")).status).toBe(401);
      const limited = await signIn(erin.email, "wrong-again", "198.51.100.88");
      expect(limited.status).toBe(429);
      return Math.round(Number(limited.headers.get("retry-after")) / 15);
    };
    // As if 15 minutes had passed since the bucket last leaked, with the wait over.
    const later = async () =>
      vigil.sql`update login_throttles set leak_from = leak_from - interval '15 minutes', blocked_until = now()
        where key = ${`account:${erin.email}|198.51.100.88`}`;
    await later();
    // Five attempts less one leaked plus this one: the first wait again (15 s), not the doubled one (30 s).
    expect(await waitAfter()).toBe(1);
    await waitOutThrottles();
    expect(await waitAfter()).toBe(2);
  }, 60_000);

  test("the addresses of one IPv6 /64 count as one address", async () => {
    const carol = await createUser(vigil.sql, { tenantId, role: "operator" });
    for (let i = 1; i <= 5; i++) await signIn(carol.email, `wrong-${i}`, `2001:db8:5:7::${i}`);
    expect((await signIn(carol.email, carol.password, "2001:db8:5:7::ffff")).status).toBe(429);
    expect((await signIn(carol.email, carol.password, "2001:db8:5:8::1")).status).toBe(201);
  }, 60_000);

  test("an unknown email is the same 401 as a wrong password", async () => {
    const response = await signIn("nobody-at-all@tenant.test", "whatever", "192.0.2.90");
    expect(response.status).toBe(401);
    expect(response.body.error.message).toBe("Wrong email or password.");
  }, 30_000);

  test("a password hashed with the old scrypt parameters signs in and is rehashed at N=2^17", async () => {
    const dave = await createUser(vigil.sql, { tenantId, role: "operator" });
    // The previous hashPassword (N=2^14) of "old-password".
    const old = "scrypt$16384$8$1$MJ2qcaOA0bGIj8D1lkanOA==$rLX4MDhttGhOnbH5EIOTFIF1OteK1JxtvaSEIvFE6rk=";
    await vigil.sql`update users set password_hash = ${old} where email = ${dave.email}`;
    expect(await logIn(vigil.url, { email: dave.email, password: "old-password" })).toBeTruthy();
    const [row] = await vigil.sql<
      { hash: string }[]
    >`select password_hash as hash from users where email = ${dave.email}`;
    expect(row!.hash).toMatch(/^scrypt\$131072\$8\$1\$/);
    expect(await logIn(vigil.url, { email: dave.email, password: "old-password" })).toBeTruthy();
  }, 60_000);
});

describe("same-origin check of cookie sessions", () => {
  const cookie = () => `vigil_session=${encodeURIComponent(vigil.adminToken)}`;
  const post = (headers: Record<string, string>) =>
    api<ApiError>(vigil.url, "/api/v1/guards", {
      method: "POST",
      body: { externalId: `guard-${Math.random().toString(36).slice(2, 10)}`, name: "Origin test" },
      headers: { cookie: cookie(), ...headers },
    });

  test("behind the proxy, the origin it forwards (X-Forwarded-Host/-Proto) is our own", async () => {
    const response = await post({
      origin: "https://noc.example.com",
      "x-forwarded-host": "noc.example.com",
      "x-forwarded-proto": "https",
    });
    expect(response.status).toBe(201);
  });

  test("PUBLIC_URL's origin is our own whatever the Host", async () => {
    expect((await post({ origin: PUBLIC_URL })).status).toBe(201);
  });

  test("another origin is still refused behind the proxy", async () => {
    const response = await post({ origin: "https://evil.example", "x-forwarded-host": "noc.example.com" });
    expect(response.status).toBe(403);
  });

  test("Origin: null is 403, not 500", async () => {
    const response = await post({ origin: "null" });
    expect(response.status).toBe(403);
    expect(response.body.error.code).toBe("forbidden");
  });

  test("a malformed cookie is 401, not 500", async () => {
    for (const bad of ["vigil_session=%E0%A4%A", "vigil_session", "=;;=%%", 'vigil_session="unterminated']) {
      const response = await api<ApiError>(vigil.url, "/api/v1/guards", { headers: { cookie: bad } });
      expect(response.status, bad).toBe(401);
    }
  });
});

describe("same-origin check of cookie Socket.IO connections", () => {
  /** "connected", or the server's refusal. */
  function connectWithCookie(headers: Record<string, string>): Promise<string> {
    const socket = io(vigil.url, {
      transports: ["websocket"],
      reconnection: false,
      extraHeaders: { cookie: `vigil_session=${encodeURIComponent(vigil.adminToken)}`, ...headers },
    });
    return new Promise<string>((resolve) => {
      socket.once("connect", () => resolve("connected"));
      socket.once("connect_error", (error) => resolve(error.message));
    }).finally(() => socket.close());
  }

  test("behind the proxy, a browser on the forwarded origin connects", async () => {
    const headers = { "x-forwarded-host": "noc.example.com", "x-forwarded-proto": "https" };
    expect(await connectWithCookie({ origin: "https://noc.example.com", ...headers })).toBe("connected");
  });

  test("PUBLIC_URL's origin connects; another origin is refused", async () => {
    expect(await connectWithCookie({ origin: PUBLIC_URL })).toBe("connected");
    expect(await connectWithCookie({ origin: "https://evil.example" })).toBe("cross-site connection refused");
  });
});

describe("request body limits", () => {
  const big = { email: "a@b.test", password: "x".repeat(70_000) };

  test("a login body beyond HTTP_MAX_BODY_BYTES is 413", async () => {
    const response = await api<ApiError>(vigil.url, "/api/v1/sessions", { method: "POST", body: big });
    expect(response.status).toBe(413);
    expect(response.body.error.code).toBe("payload_too_large");
  });

  test("a body without Content-Length (chunked) beyond the limit is 413", async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(big));
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < bytes.length; i += 8192) controller.enqueue(bytes.slice(i, i + 8192));
        controller.close();
      },
    });
    const response = await fetch(new URL("/api/v1/sessions", vigil.url), {
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      duplex: "half",
    } as RequestInit);
    expect(response.status).toBe(413);
  });

  test("a signed-link route refuses an oversized body with 413", async () => {
    const response = await api(vigil.url, "/api/v1/push-subscriptions/link", {
      method: "POST",
      body: { alertId: "x", token: "t".repeat(70_000), endpoint: "https://push.example/1", keys: {} },
    });
    expect(response.status).toBe(413);
  });

  test("deeply nested JSON is 413 before it is parsed", async () => {
    const deep = `{"email":${"[".repeat(5000)}${"]".repeat(5000)},"password":"x"}`;
    const response = await api<ApiError>(vigil.url, "/api/v1/sessions", { method: "POST", body: deep });
    expect(response.status).toBe(413);
    expect(response.body.error.message).toMatch(/nested deeper than 32/);
  });

  test("an oversized body to a page (a server action) is 413 too", async () => {
    const response = await fetch(new URL("/login", vigil.url), {
      method: "POST",
      headers: { "content-type": "text/plain;charset=UTF-8", "next-action": "0".repeat(40) },
      body: "x".repeat(70_000),
    });
    expect(response.status).toBe(413);
  });
});

describe("ops endpoints on the web port", () => {
  test("/healthz answers; /readyz and /metrics do not without OPS_ON_WEB_PORT", async () => {
    expect((await api(vigil.url, "/healthz")).status).toBe(200);
    expect((await api(vigil.url, "/readyz")).status).toBe(404);
    expect((await api(vigil.url, "/metrics")).status).toBe(404);
  });
});
