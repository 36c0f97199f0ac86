import { describe, expect, test } from "vitest";
import { auditVerdict } from "./audit";

describe("auditVerdict", () => {
  test("a high advisory fails, naming the package", () => {
    const verdict = auditVerdict({
      vulnerabilities: { next: { severity: "critical" }, debug: { severity: "low" } },
      metadata: { vulnerabilities: { low: 1, critical: 1 } },
    });
    expect(verdict).toEqual({ ok: false, checked: true, packages: ["next (critical)"] });
  });

  test("low and moderate advisories pass", () => {
    expect(
      auditVerdict({ vulnerabilities: {}, metadata: { vulnerabilities: { moderate: 2, high: 0 } } }),
    ).toMatchObject({
      ok: true,
      checked: true,
    });
  });

  test("an unreachable advisory service passes as not checked", () => {
    const verdict = auditVerdict({
      message: "405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk",
    });
    expect(verdict).toEqual({ ok: true, checked: false, reason: expect.stringContaining("405") });
  });
});
