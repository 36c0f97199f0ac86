import { describe, expect, it } from "vitest";
import { loadOutbox, newMessage, saveOutbox, settle } from "./outbox";

class MemoryStorage {
  private items = new Map<string, string>();
  getItem = (key: string) => this.items.get(key) ?? null;
  setItem = (key: string, value: string) => void this.items.set(key, value);
}

describe("the guard app's outbox", () => {
  it("keeps a message's original time and msg_id across a reload until its receipt", () => {
    const storage = new MemoryStorage() as unknown as Storage;
    const scannedAt = new Date("2026-12-06T03:04:05.000Z");
    const scan = newMessage("guard/g-1/checkpoint", 1, { code: "CP-1", method: "qr" }, { now: scannedAt, id: "m-1" });
    const checkIn = newMessage("guard/g-1/check-in", 1, {}, { id: "m-2" });
    saveOutbox(storage, [scan, checkIn]);

    const reloaded = loadOutbox(storage);
    expect(reloaded[0]).toEqual({
      topic: "guard/g-1/checkpoint",
      qos: 1,
      payload: { code: "CP-1", method: "qr", msg_id: "m-1", timestamp: "2026-12-06T03:04:05.000Z" },
    });
    expect(settle(reloaded, "m-1").map((m) => m.payload.msg_id)).toEqual(["m-2"]);
  });

  it("starts empty when the stored outbox is unreadable", () => {
    const storage = new MemoryStorage() as unknown as Storage;
    storage.setItem("vigil.guardApp.outbox", "{not json");
    expect(loadOutbox(storage)).toEqual([]);
  });
});
