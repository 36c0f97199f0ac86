import { describe, expect, test } from "vitest";
import { openSecret, sealSecret } from "./secret-box";
import { newSignInChallenge, readSignInChallenge } from "./sign-in-challenge";

describe("sealed secrets", () => {
  test("open with the same secret and purpose only, and never show the plain text", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXP", "session-secret", "totp-secret");
    expect(sealed).not.toContain("JBSWY3DPEHPK3PXP");
    expect(sealSecret("JBSWY3DPEHPK3PXP", "session-secret", "totp-secret")).not.toBe(sealed);
    expect(openSecret(sealed, "session-secret", "totp-secret")).toBe("JBSWY3DPEHPK3PXP");
    expect(openSecret(sealed, "another-secret", "totp-secret")).toBeNull();
    expect(openSecret(sealed, "session-secret", "other-purpose")).toBeNull();
    const [version, iv, tag, body] = sealed.split(".");
    const altered = Buffer.from(body!, "base64url");
    altered[0] = altered[0]! ^ 1;
    const tampered = [version, iv, tag, altered.toString("base64url")].join(".");
    expect(openSecret(tampered, "session-secret", "totp-secret")).toBeNull();
    expect(openSecret("garbage", "session-secret", "totp-secret")).toBeNull();
  });
});

describe("sign-in challenges", () => {
  test("name their user for 5 minutes, and a forged or altered one names nobody", () => {
    const now = 1_800_000_000_000;
    const challenge = newSignInChallenge("user-1", "secret", now);
    expect(readSignInChallenge(challenge, "secret", now + 299_000)).toBe("user-1");
    expect(readSignInChallenge(challenge, "secret", now + 300_001)).toBeNull();
    expect(readSignInChallenge(challenge, "other", now)).toBeNull();
    expect(readSignInChallenge(challenge.replace("user-1", "user-2"), "secret", now)).toBeNull();
    expect(readSignInChallenge("user-1.9999999999999.x", "secret", now)).toBeNull();
  });
});
