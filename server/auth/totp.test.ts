import { describe, expect, test } from "vitest";
import { base32Decode, base32Encode, hotp, matchTotp, newTotpSecret, otpauthUri, totpStep } from "./totp";

// RFC 6238 appendix B: the seeds are the ASCII digits "1234567890" repeated to the hash's key length.
const seed = (length: number) => Buffer.from("1234567890".repeat(7).slice(0, length));
const vectors: [number, string, string, string][] = [
  [59, "94287082", "46119246", "90693936"],
  [1111111109, "07081804", "68084774", "25091201"],
  [1111111111, "14050471", "67062674", "99943326"],
  [1234567890, "89005924", "91819424", "93441116"],
  [2000000000, "69279037", "90698825", "38618901"],
  [20000000000, "65353130", "77737706", "47863826"],
];

describe("TOTP (RFC 6238)", () => {
  test.each(vectors)(
    "at %i s the 8-digit codes match the RFC's SHA-1, SHA-256 and SHA-512 vectors",
    (t, sha1, sha256, sha512) => {
      const step = totpStep(t * 1000);
      expect(hotp(seed(20), step, { digits: 8, algorithm: "sha1" })).toBe(sha1);
      expect(hotp(seed(32), step, { digits: 8, algorithm: "sha256" })).toBe(sha256);
      expect(hotp(seed(64), step, { digits: 8, algorithm: "sha512" })).toBe(sha512);
    },
  );

  test("RFC 4226 appendix D: HOTP codes of counters 0 to 2", () => {
    expect([0, 1, 2].map((c) => hotp(seed(20), c))).toEqual(["755224", "287082", "359152"]);
  });

  test("base32 round-trips and reads RFC 4648's example", () => {
    expect(base32Encode(Buffer.from("foobar"))).toBe("MZXW6YTBOI");
    expect(base32Decode("MZXW6YTBOI======").toString()).toBe("foobar");
    const secret = newTotpSecret();
    expect(secret).toMatch(/^[A-Z2-7]{32}$/);
    expect(base32Encode(base32Decode(secret))).toBe(secret);
  });

  test("a code is accepted one step either side of now, once, and never a wrong one", () => {
    const secret = base32Encode(seed(20));
    const atMs = 1_111_111_111_000;
    const now = totpStep(atMs);
    const codeOf = (step: number) => hotp(seed(20), step);
    expect(matchTotp(secret, codeOf(now), { atMs, lastStep: null })).toBe(now);
    expect(matchTotp(secret, codeOf(now - 1), { atMs, lastStep: null })).toBe(now - 1);
    expect(matchTotp(secret, codeOf(now + 1), { atMs, lastStep: null })).toBe(now + 1);
    expect(matchTotp(secret, codeOf(now - 2), { atMs, lastStep: null })).toBeNull();
    expect(matchTotp(secret, codeOf(now), { atMs, lastStep: now })).toBeNull();
    expect(matchTotp(secret, "12345", { atMs, lastStep: null })).toBeNull();
    expect(matchTotp(secret, "abcdef", { atMs, lastStep: null })).toBeNull();
  });

  test("the otpauth URI names the issuer, the account and the parameters", () => {
    expect(otpauthUri("JBSWY3DPEHPK3PXP", "ana@example.com")).toBe(
      "otpauth://totp/Vigil%3Aana%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Vigil&algorithm=SHA1&digits=6&period=30",
    );
  });
});
