import { describe, expect, it } from "vitest";
import { signAlertLink, verifyAlertLink } from "./alert-link";

const claims = { alertId: "7d3c1c1e-0000-4000-8000-000000000001", contactId: "c-1", expiresAt: 2_000_000 };

describe("signed alert links", () => {
  it("a link verifies with the same secret before it expires", () => {
    const token = signAlertLink(claims, "secret");
    expect(verifyAlertLink(token, "secret", 1_000_000)).toEqual({ ok: true, claims });
  });

  it("an expired link is refused as expired", () => {
    expect(verifyAlertLink(signAlertLink(claims, "secret"), "secret", 2_000_000)).toEqual({
      ok: false,
      reason: "expired",
    });
  });

  it("a link for another alert, a changed expiry or another secret is refused as invalid", () => {
    const token = signAlertLink(claims, "secret");
    const [, signature] = token.split(".");
    const forged = Buffer.from(JSON.stringify(["other-alert", "c-1", 9_999_999])).toString("base64url");
    expect(verifyAlertLink(`${forged}.${signature}`, "secret", 0)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyAlertLink(token, "another secret", 0)).toEqual({ ok: false, reason: "invalid" });
    expect(verifyAlertLink("garbage", "secret", 0)).toEqual({ ok: false, reason: "invalid" });
  });
});
