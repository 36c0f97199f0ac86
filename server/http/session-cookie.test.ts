import { describe, expect, test } from "vitest";
import { sessionCookieOptions } from "./session-cookie";

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
});
