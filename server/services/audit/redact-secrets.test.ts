import { describe, expect, it } from "vitest";
import { REDACTED, redactSecrets } from "./redact-secrets";

describe("redactSecrets", () => {
  it("replaces passwords, hashes, secrets, tokens and tracking keys at any depth", () => {
    const redacted = redactSecrets({
      email: "a@b.c",
      password: "hunter22",
      passwordHash: "$scrypt$...",
      secret_hash: "abc",
      mqtt: { username: "phone-1", password: "s3cret" },
      trackingKey: "k".repeat(32),
      tiers: [{ token: "t", contactIds: ["x"] }],
      config: { wifi: { ssid: "site", psk: "w1f1", api_key: "k" }, interval: 30 },
    });
    expect(redacted).toEqual({
      email: "a@b.c",
      password: REDACTED,
      passwordHash: REDACTED,
      secret_hash: REDACTED,
      mqtt: { username: "phone-1", password: REDACTED },
      trackingKey: REDACTED,
      tiers: [{ token: REDACTED, contactIds: ["x"] }],
      config: { wifi: { ssid: "site", psk: REDACTED, api_key: REDACTED }, interval: 30 },
    });
  });

  it("keeps ordinary fields, nulls and dates (as ISO text)", () => {
    const at = new Date("2026-01-02T03:04:05.000Z");
    expect(redactSecrets({ name: "Gate", revokedAt: null, at, keys: 2, password: null })).toEqual({
      name: "Gate",
      revokedAt: null,
      at: "2026-01-02T03:04:05.000Z",
      keys: 2,
      password: null,
    });
  });
});
