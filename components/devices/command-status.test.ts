import { describe, expect, test } from "vitest";
import type { CommandDto } from "@/server/contracts/api";
import { applyCommandChanges, laterStatus, mergeReloaded } from "./command-status";

const command = (id: string, status: CommandDto["status"]): CommandDto => ({
  id,
  type: "reboot",
  params: {},
  status,
  expiresAt: "2025-06-01T12:05:00Z",
  createdAt: "2025-06-01T12:00:00Z",
  sentAt: null,
  receivedAt: null,
  completedAt: null,
  result: null,
});

describe("command status", () => {
  test("a status moves forward and never back", () => {
    expect(laterStatus("sent", "done")).toBe("done");
    expect(laterStatus("done", "sent")).toBe("done");
    expect(laterStatus("received", "received")).toBe("received");
  });

  test("a final status is not replaced by another final status", () => {
    expect(laterStatus("done", "expired")).toBe("done");
  });

  test("socket changes update the commands they name", () => {
    const commands = applyCommandChanges(
      [command("a", "queued"), command("b", "sent")],
      [{ commandId: "a", deviceExternalId: "gw", status: "sent" }],
    );
    expect(commands.map((c) => c.status)).toEqual(["sent", "sent"]);
  });

  test("a reload that is older than a socket event does not move the command back", () => {
    const merged = mergeReloaded([command("a", "done")], [command("a", "sent"), command("new", "queued")]);
    expect(merged.map((c) => [c.id, c.status])).toEqual([
      ["a", "done"],
      ["new", "queued"],
    ]);
  });
});
