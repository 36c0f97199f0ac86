// A command nobody answers before its expiry becomes expired, and the
// tenant's browsers hear about it (device pages show it live).
import { afterAll, beforeAll, expect, test } from "vitest";
import { socketEvents } from "@/server/contracts/socket-events";
import { api, uniqueId } from "@/test/harness/api-client";
import { collect, connectSocket } from "@/test/harness/live-socket";
import { startTestVigil, type TestVigil } from "@/test/harness/vigil";
import { waitFor } from "@/test/harness/wait-for";

let vigil: TestVigil;

beforeAll(async () => {
  vigil = await startTestVigil();
});

afterAll(async () => {
  await vigil?.dispose();
});

test("an unanswered command past its expiry is marked expired and broadcast to its tenant", async () => {
  const id = uniqueId("gw");
  const token = vigil.adminToken;
  expect(
    (await api(vigil.url, "/api/v1/devices", { method: "POST", token, body: { externalId: id, kind: "gateway" } }))
      .status,
  ).toBe(201);
  const socket = await connectSocket(vigil.url, token);
  const changes = collect(socket, socketEvents.commandsChanged);
  try {
    const sent = await api<{ id: string }>(vigil.url, `/api/v1/devices/${id}/commands`, {
      method: "POST",
      token,
      body: { type: "ping", ttlSeconds: 5 },
    });
    expect(sent.status).toBe(201);
    const commandId = sent.body.id;
    await waitFor(() => changes.flat().some((c) => c.commandId === commandId && c.status === "sent"));
    // Rather than wait for the minute cron, run the task once it is due.
    await vigil.sql`update device_commands set expires_at = now() - interval '1 second' where id = ${commandId}`;
    await vigil.sql`select graphile_worker.add_job('expire_device_commands', '{}'::json)`;

    await waitFor(() => changes.flat().some((c) => c.commandId === commandId && c.status === "expired"), {
      what: "the expired event",
    });
    expect(changes.flat().find((c) => c.status === "expired")).toEqual({
      commandId,
      deviceExternalId: id,
      status: "expired",
    });
    const listed = await api<{ id: string; status: string }[]>(vigil.url, `/api/v1/devices/${id}/commands`, { token });
    expect(listed.body.find((c) => c.id === commandId)?.status).toBe("expired");
  } finally {
    socket.close();
  }
});
