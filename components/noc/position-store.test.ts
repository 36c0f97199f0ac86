import { describe, expect, test, vi } from "vitest";
import type { GuardPositionDto } from "@/server/contracts/socket-events";
import { createPositionStore } from "./position-store";

function fix(guardId: string, recordedAt: string, lat = 12.97): GuardPositionDto {
  return { guardId, externalId: guardId, name: guardId, lat, lon: 77.59, accuracyM: 5, battery: 80, recordedAt };
}

const T1 = "2025-01-01T10:00:00.000Z";
const T2 = "2025-01-01T10:00:05.000Z";
const T3 = "2025-01-01T10:00:10.000Z";

describe("position store", () => {
  test("starts with the initial positions, all marked changed", () => {
    const store = createPositionStore([fix("a", T1), fix("b", T1)]);
    expect([...store.all().keys()]).toEqual(["a", "b"]);
    expect(store.takeChanged().sort()).toEqual(["a", "b"]);
    expect(store.takeChanged()).toEqual([]);
  });

  test("a newer fix replaces the guard's position", () => {
    const store = createPositionStore([fix("a", T1, 1)]);
    store.takeChanged();
    store.upsert([fix("a", T2, 2)]);
    expect(store.all().get("a")?.lat).toBe(2);
    expect(store.takeChanged()).toEqual(["a"]);
  });

  test("an older fix arriving late does not overwrite a newer one", () => {
    const store = createPositionStore([fix("a", T3, 3)]);
    store.takeChanged();
    store.upsert([fix("a", T1, 1)]);
    expect(store.all().get("a")?.lat).toBe(3);
    expect(store.takeChanged()).toEqual([]);
  });

  test("within one batch the newest fix wins whatever the order", () => {
    const store = createPositionStore([]);
    store.upsert([fix("a", T2, 2), fix("a", T3, 3), fix("a", T1, 1)]);
    expect(store.all().get("a")?.lat).toBe(3);
  });

  test("a new guard is added and marked changed", () => {
    const store = createPositionStore([fix("a", T1)]);
    store.takeChanged();
    store.upsert([fix("b", T1)]);
    expect(store.all().size).toBe(2);
    expect(store.takeChanged()).toEqual(["b"]);
  });

  test("listeners hear every upsert until they unsubscribe", () => {
    const store = createPositionStore([]);
    const listener = vi.fn();
    const unsubscribe = store.subscribe(listener);
    store.upsert([fix("a", T1)]);
    expect(listener).toHaveBeenCalledTimes(1);
    unsubscribe();
    store.upsert([fix("a", T2)]);
    expect(listener).toHaveBeenCalledTimes(1);
  });
});
