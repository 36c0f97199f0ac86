import { describe, expect, test } from "vitest";
import { sessionCookieName, sessionCookieOptions } from "../auth/session-cookie";

describe("sessionCookieOptions", () => {
  const expires = new Date("2026-11-27T12:00:00Z");

  test("in production the cookie is HttpOnly, SameSite=Lax and Secure", () => {
    expect(sessionCookieOptions({ NODE_ENV: "production" }, expires)).toEqual({
      httpOnly: true,
      sameSite: "lax",
      secure: true,
      path: "/",
      expires,
    });
  });

  test("in development it is HttpOnly and SameSite=Lax but may travel over plain HTTP", () => {
    expect(sessionCookieOptions({ NODE_ENV: "development" }, expires)).toMatchObject({
      httpOnly: true,
      sameSite: "lax",
      secure: false,
    });
  });

  test("in production the cookie is named __Host-vigil_session (Secure, path /, no Domain: no other host can set it)", () => {
    expect(sessionCookieName({ NODE_ENV: "production" })).toBe("__Host-vigil_session");
    expect(sessionCookieOptions({ NODE_ENV: "production" }, expires)).not.toHaveProperty("domain");
  });

  test("in development and tests it is vigil_session (browsers refuse __Host- over plain HTTP)", () => {
    expect(sessionCookieName({ NODE_ENV: "development" })).toBe("vigil_session");
    expect(sessionCookieName({ NODE_ENV: "test" })).toBe("vigil_session");
  });
});
