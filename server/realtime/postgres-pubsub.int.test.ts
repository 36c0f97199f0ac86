// Socket.IO across processes through PostgreSQL, as two web processes use it:
// each process's own browsers get an event at once, whatever the database is
// doing; the other process's browsers get it through NOTIFY; a process alone
// writes nothing to the database.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type pg from "pg";
import { Server } from "socket.io";
import { io as connect, type Socket } from "socket.io-client";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { rootLogger } from "../observability/logger";
import { createTestDatabase } from "../../test/harness/test-database";
import { waitFor } from "../../test/harness/wait-for";
import { attachmentsTable, createPostgresAdapter, createPubSubPool } from "./postgres-pubsub";

type Process = { io: Server; pool: pg.Pool; browser: Socket; heard: string[]; close: () => Promise<void> };

async function startProcess(databaseUrl: string): Promise<Process> {
  const pool = createPubSubPool(databaseUrl, rootLogger);
  const httpServer = http.createServer();
  const io = new Server(httpServer, { adapter: createPostgresAdapter(pool, rootLogger) });
  io.on("connection", (socket) => void socket.join("tenant:a"));
  await new Promise<void>((resolve) => httpServer.listen(0, "127.0.0.1", resolve));
  const { port } = httpServer.address() as AddressInfo;
  const browser = connect(`http://127.0.0.1:${port}`, { transports: ["websocket"] });
  const heard: string[] = [];
  browser.on("news", (text: string) => heard.push(text));
  await waitFor(() => io.of("/").adapter.rooms.get("tenant:a")?.size === 1, { what: "the browser in its room" });
  return {
    io,
    pool,
    browser,
    heard,
    close: async () => {
      browser.close();
      await new Promise<void>((resolve) => void io.close(() => resolve()));
      await pool.end();
    },
  };
}

const attachments = async (pool: pg.Pool) =>
  Number((await pool.query<{ n: string }>(`select count(*) as n from ${attachmentsTable}`)).rows[0]!.n);

describe("the Socket.IO postgres adapter", () => {
  let databaseUrl: string;
  const processes: Process[] = [];

  beforeAll(async () => {
    databaseUrl = await createTestDatabase();
  });

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.close()));
  });

  test("a process alone delivers to its browsers and writes nothing to the database", async () => {
    const alone = await startProcess(databaseUrl);
    processes.push(alone);
    const large = "x".repeat(20_000); // over NOTIFY's limit: would be an attachment row
    alone.io.to("tenant:a").emit("news", large);
    await waitFor(() => alone.heard.length === 1, { what: "the event" });
    expect(alone.heard[0]).toHaveLength(20_000);
    expect(await attachments(alone.pool)).toBe(0);
  });

  test("with two processes, both processes' browsers hear every event, large ones too", async () => {
    const [a] = processes;
    const b = await startProcess(databaseUrl);
    processes.push(b);
    await waitFor(async () => (await a!.io.of("/").adapter.serverCount()) === 2, { what: "a hears b" });
    await waitFor(async () => (await b.io.of("/").adapter.serverCount()) === 2, { what: "b hears a" });
    a!.heard.length = 0;
    a!.io.to("tenant:a").emit("news", "small from a");
    b.io.to("tenant:a").emit("news", "y".repeat(20_000));
    await waitFor(() => a!.heard.length === 2 && b.heard.length === 2, { what: "both events on both processes" });
    expect(new Set(a!.heard)).toEqual(new Set(b.heard));
    expect(await attachments(a!.pool)).toBe(1);
  });

  test("a process's own browsers do not wait for the database: busy connections delay only the other process", async () => {
    const [a, b] = processes;
    a!.heard.length = 0;
    b!.heard.length = 0;
    // Take every connection of a's pool but the one the adapter LISTENs on.
    const held = await Promise.all(Array.from({ length: 3 }, () => a!.pool.connect()));
    a!.io.to("tenant:a").emit("news", "while the database is busy");
    await waitFor(() => a!.heard.length === 1, { timeoutMs: 1000, what: "a's browser hearing it" });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(b!.heard).toEqual([]);
    for (const client of held) client.release();
    await waitFor(() => b!.heard.length === 1, { what: "b's browser hearing it once a connection is free" });
    expect(a!.heard).toEqual(["while the database is busy"]);
  });
});
