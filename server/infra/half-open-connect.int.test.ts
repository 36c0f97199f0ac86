// Half-open MQTT connections: thousands of TCP sockets from a few addresses
// that never finish a CONNECT (half send nothing, half only a CONNECT's first
// bytes) are closed by the embedded broker once MQTT_CONNECT_TIMEOUT_MS has
// passed (aedes's own default would hold them 30 s); one more from an address
// that already has MQTT_MAX_PENDING_PER_ADDRESS pending is closed at once; and
// while they are open a real guard's phone still logs in and its panic
// reaches the alert table. A reconnect storm from one address (a fleet behind
// one NAT) is not held back by that cap: its clients send CONNECT at once.
import net from "node:net";
import type { MqttClient } from "mqtt";
import { afterAll, beforeAll, expect, test } from "vitest";
import { createGuardWithPhone } from "../../test/harness/api-client";
import { readMetric } from "../../test/harness/metrics";
import { connectDevice, endQuietly, panicAlarm, publishJson } from "../../test/harness/mqtt-device";
import { startTestVigil, type TestVigil } from "../../test/harness/vigil";
import { waitForRow } from "../../test/harness/wait-for";

const CONNECT_TIMEOUT_MS = 5000;
const MAX_PENDING_PER_ADDRESS = 500;
/** Loopback addresses the idle sockets come from (Linux routes all of 127/8 to lo); the phone uses 127.0.0.1. */
const ATTACKERS = ["127.0.0.2", "127.0.0.3", "127.0.0.4", "127.0.0.5"];
const SOCKETS = ATTACKERS.length * MAX_PENDING_PER_ADDRESS;
/** Clients of a reconnect storm from one address (devices behind one NAT). */
const STORM = 2000;
/**
 * Timers, a busy event loop on a shared machine, and the close reaching the client: generous, as the
 * test tells MQTT_CONNECT_TIMEOUT_MS (5 s) from aedes's own 30 s, not how punctual the close is.
 */
const MARGIN_MS = 10_000;

let vigil: TestVigil;
const sockets: net.Socket[] = [];
let phone: MqttClient | undefined;
const storm: MqttClient[] = [];

beforeAll(async () => {
  vigil = await startTestVigil({
    env: {
      MQTT_CONNECT_TIMEOUT_MS: String(CONNECT_TIMEOUT_MS),
      MQTT_MAX_PENDING_PER_ADDRESS: String(MAX_PENDING_PER_ADDRESS),
      // For the reconnect storm: logging in needs no device of its own.
      MQTT_ALLOW_ANONYMOUS: "true",
    },
  });
});

afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await endQuietly(phone, ...storm);
  await vigil?.dispose();
});

/** Connections the broker refused for the reason, from its /metrics. */
const refusals = (reason: string) => readMetric(vigil.url, "vigil_mqtt_connections_refused_total", { reason });

type Idle = { openedAt: number; closedAt: Promise<number> };

/** A raw TCP connection that sends nothing, or only the first bytes of a CONNECT, and then waits. */
async function openIdle(port: number, from: string, partialConnect: boolean): Promise<Idle> {
  const socket = net.connect({ port, host: "127.0.0.1", localAddress: from });
  sockets.push(socket);
  socket.on("error", () => {});
  const closedAt = new Promise<number>((resolve) => socket.once("close", () => resolve(performance.now())));
  await new Promise<void>((resolve, reject) => {
    socket.once("connect", resolve);
    socket.once("close", () => reject(new Error("closed before connecting")));
  });
  const openedAt = performance.now();
  // A CONNECT announcing 1,000 bytes, of which only the protocol name ever arrives.
  if (partialConnect) socket.write(Buffer.concat([Buffer.from([0x10, 0xe8, 0x07]), Buffer.from("\u0000\u0004MQTT")]));
  return { openedAt, closedAt };
}

/** How long a new connection that sends nothing stays open before the broker closes it. */
async function heldFor(port: number, from: string): Promise<number> {
  const openedAt = performance.now();
  const socket = net.connect({ port, host: "127.0.0.1", localAddress: from });
  sockets.push(socket);
  socket.on("error", () => {});
  await new Promise((resolve) => socket.once("close", resolve));
  return performance.now() - openedAt;
}

test(
  `${SOCKETS} connections that never send a whole CONNECT are closed after the connect timeout, more from one address at once; a panic gets through meanwhile`,
  { timeout: 120_000 },
  async () => {
    const port = Number(new URL(vigil.mqttUrl).port);
    const { guard, device } = await createGuardWithPhone(vigil.url, vigil.adminToken);

    const idle: Idle[] = [];
    const overCapHeld: number[] = [];
    for (const from of ATTACKERS) {
      // In batches, so that the listen backlog is not what refuses them.
      for (let batch = 0; batch < MAX_PENDING_PER_ADDRESS / 100; batch += 1) {
        idle.push(...(await Promise.all(Array.from({ length: 100 }, (_, i) => openIdle(port, from, i % 2 === 1)))));
      }
      // One more from the address, now at the cap, is closed at once, not held for the timeout.
      overCapHeld.push(await heldFor(port, from));
    }
    const allOpenAt = performance.now();

    // While every idle socket is held, the guard's phone logs in and presses panic.
    phone = await connectDevice(vigil.mqttUrl, device.mqtt);
    const pressedAt = Date.now();
    await publishJson(
      phone,
      `alert/panic/${guard.externalId}`,
      panicAlarm("panic among half-open connections", new Date(pressedAt)),
    );
    const alert = await waitForRow(
      () => vigil.sql<{ createdAtMs: number }[]>`
        select (extract(epoch from a.created_at) * 1000)::float8 as "createdAtMs"
        from alerts a join guards g on g.id = a.guard_id
        where g.external_id = ${guard.externalId} and a.type = 'panic'`,
      { intervalMs: 5, timeoutMs: 10_000, what: "the panic's alert row" },
    );
    const panicDoneAt = performance.now();

    const closedAt = await Promise.all(idle.map(({ closedAt }) => closedAt));
    const openDuringPanic = closedAt.filter((at) => at > panicDoneAt).length;
    const held = idle.map(({ openedAt }, i) => closedAt[i]! - openedAt).sort((a, b) => a - b);
    console.log(
      `half-open connections: ${SOCKETS} opened in ${(allOpenAt - idle[0]!.openedAt).toFixed(0)} ms, held by the broker ` +
        `${held[0]!.toFixed(0)}-${held.at(-1)!.toFixed(0)} ms (connect timeout ${CONNECT_TIMEOUT_MS} ms); ` +
        `panic to alert row ${(alert.createdAtMs - pressedAt).toFixed(0)} ms with ${openDuringPanic} of them open; ` +
        `one over the cap of ${MAX_PENDING_PER_ADDRESS} per address closed after ` +
        `${Math.min(...overCapHeld).toFixed(0)}-${Math.max(...overCapHeld).toFixed(0)} ms`,
    );

    // The panic was stored while at least the last address's idle sockets were held.
    // (Its latency is a figure for docs/reliability.md, printed above, not asserted here.)
    expect(openDuringPanic).toBeGreaterThanOrEqual(MAX_PENDING_PER_ADDRESS);
    // Every idle socket was closed by the broker at MQTT_CONNECT_TIMEOUT_MS: not before it, and not at
    // aedes's own 30 s. One over the cap was closed at once: not held until the timeout.
    expect(held[0]).toBeGreaterThanOrEqual(CONNECT_TIMEOUT_MS - 50);
    expect(held.at(-1)).toBeLessThan(CONNECT_TIMEOUT_MS + MARGIN_MS);
    for (const ms of overCapHeld) expect(ms).toBeLessThan(CONNECT_TIMEOUT_MS - 50);
    expect(await refusals("too_many_pending")).toBe(ATTACKERS.length);
    expect(await refusals("connect_timeout")).toBe(SOCKETS);
  },
);

test(
  `${STORM} clients connecting at once from one address all get in under a cap of ${MAX_PENDING_PER_ADDRESS} pending`,
  { timeout: 120_000 },
  async () => {
    const refusedBefore = await refusals("too_many_pending");
    const startedAt = performance.now();
    const results = await Promise.allSettled(
      Array.from({ length: STORM }, (_, i) =>
        connectDevice(vigil.mqttUrl, undefined, { clientId: `storm-${i}`, connectTimeout: 30_000 }),
      ),
    );
    const seconds = ((performance.now() - startedAt) / 1000).toFixed(1);
    const connected = results.flatMap((r) => (r.status === "fulfilled" ? [r.value] : []));
    storm.push(...connected);
    const refused = (await refusals("too_many_pending")) - refusedBefore;
    console.log(
      `reconnect storm: ${connected.length} of ${STORM} connected in ${seconds} s; ${refused} refused as too many pending`,
    );
    expect(connected).toHaveLength(STORM);
  },
);
