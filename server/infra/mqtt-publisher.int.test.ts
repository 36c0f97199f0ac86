// The downlink publisher meets a broker that refuses it (a rotated password,
// an ACL change): mqtt.js emits "error" on every refused CONNECT, which
// without a listener is thrown where nothing catches it and stops the process.
import { Writable } from "node:stream";
import { pino } from "pino";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitFor } from "../../test/harness/wait-for";
import { createMqttPublisher } from "./mqtt-publisher";

let vigil: TestVigil;
const uncaught: unknown[] = [];
const keep = (error: unknown) => uncaught.push(error);

beforeAll(async () => {
  vigil = await startTestVigil();
  process.on("uncaughtException", keep);
});

afterAll(async () => {
  process.off("uncaughtException", keep);
  await vigil?.dispose();
});

test("a publisher refused by the broker logs each refusal once and keeps the process running", async () => {
  const lines: { msg: string; err?: { message: string } }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(JSON.parse(chunk.toString()) as (typeof lines)[number]);
      done();
    },
  });
  const publisher = createMqttPublisher({
    url: vigil.mqttUrl,
    clientId: "vigil-publisher-refused",
    username: "vigil-service",
    password: "not-the-password",
    protocolVersion: 4,
    logger: pino({ level: "warn" }, sink),
  });
  try {
    // Ten messages wait for the one connection: each refusal is logged once, not once per message.
    for (let i = 0; i < 10; i++)
      void publisher.publish("device/x/commands", { id: `c${i}` }, { qos: 1 }).catch(() => {});
    // It retries every second: two refusals logged, none thrown.
    await waitFor(() => lines.filter((l) => l.msg === "mqtt publisher error").length >= 2, {
      timeoutMs: 10_000,
      what: "two refused connects logged",
    });
    expect(lines.length).toBeLessThan(10);
    expect(lines[0]!.err?.message).toMatch(/Bad username or password|Not authorized/i);
    expect(uncaught).toEqual([]);
  } finally {
    await publisher.close();
  }
});
