import { describe, expect, it } from "vitest";
import { auditChanges, entityHref } from "./audit-display";

describe("auditChanges", () => {
  it("lists only the fields that changed, with their old and new values", () => {
    expect(
      auditChanges(
        { id: "u1", name: "Ann", role: "operator", disabled: false },
        { id: "u1", name: "Ann", role: "manager", disabled: true },
      ),
    ).toEqual([
      { field: "role", before: "operator", after: "manager" },
      { field: "disabled", before: "false", after: "true" },
    ]);
  });

  it("lists every field of a created or deleted entity but its id and creation time, the missing side as null", () => {
    expect(auditChanges(null, { id: "c1", name: "Gate", lat: 1.5, createdAt: "2026-01-01T00:00:00Z" })).toEqual([
      { field: "name", before: null, after: "Gate" },
      { field: "lat", before: null, after: "1.5" },
    ]);
    expect(auditChanges({ name: "Gate" }, null)).toEqual([{ field: "name", before: "Gate", after: null }]);
  });

  it("shortens long values and shows nested ones as JSON", () => {
    const [change] = auditChanges({ tiers: [] }, { tiers: [{ contactIds: ["x".repeat(300)] }] });
    expect(change?.before).toBe("[]");
    expect(change?.after).toHaveLength(160);
    expect(change?.after?.endsWith("…")).toBe(true);
  });
});

describe("entityHref", () => {
  it("links devices, guards, sites and alerts to their pages, and nothing else", () => {
    expect(entityHref("device", "phone 1")).toBe("/devices/phone%201");
    expect(entityHref("alert", "a1")).toBe("/alerts/a1");
    expect(entityHref("contact", "c1")).toBeNull();
  });
});
