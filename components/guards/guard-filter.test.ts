import { describe, expect, test } from "vitest";
import type { GuardDto } from "@/server/contracts/api";
import { filterGuards } from "./guard-filter";

const guard = (externalId: string, name: string, active = true, phone: string | null = null): GuardDto => ({
  id: externalId,
  externalId,
  name,
  phone,
  active,
  hasPins: false,
  createdAt: "2026-01-01T00:00:00.000Z",
});

const roster = [
  guard("g-1", "Meena Rao", true, "+919800000001"),
  guard("g-2", "José Álvarez"),
  guard("g-3", "Ravi Kumar", false),
];

const ids = (list: GuardDto[]) => list.map((g) => g.externalId);

describe("filterGuards", () => {
  test("the active roster by default view, deactivated guards on their own, or everyone", () => {
    expect(ids(filterGuards(roster, { query: "", status: "active" }))).toEqual(["g-1", "g-2"]);
    expect(ids(filterGuards(roster, { query: "", status: "deactivated" }))).toEqual(["g-3"]);
    expect(ids(filterGuards(roster, { query: "", status: "all" }))).toEqual(["g-1", "g-2", "g-3"]);
  });

  test("a search matches name, id or phone, ignoring case and accents, every word", () => {
    expect(ids(filterGuards(roster, { query: "jose alvarez", status: "all" }))).toEqual(["g-2"]);
    expect(ids(filterGuards(roster, { query: "G-3", status: "all" }))).toEqual(["g-3"]);
    expect(ids(filterGuards(roster, { query: "98000", status: "all" }))).toEqual(["g-1"]);
    expect(ids(filterGuards(roster, { query: "meena kumar", status: "all" }))).toEqual([]);
  });
});
